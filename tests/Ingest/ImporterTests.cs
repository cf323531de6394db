using HafizaIzmir.Archive.Ingest;
using HafizaIzmir.Archive.Storage;
using static HafizaIzmir.Tests.Ingest.IngestFixtures;

namespace HafizaIzmir.Tests.Ingest;

/// <summary>Importer behaviour decided before storage is touched.</summary>
public class ImporterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static Importer NewImporter()
    {
        var store = new HafizaIzmir.Tests.Site.InMemoryBlobStore();
        return new Importer(new Archive.Storage.Archive(new OcflRepository(store), new ChangeJournal(store)), PngProbe);
    }

    [Fact]
    public async Task Nothing_to_import_is_an_error()
    {
        var report = await NewImporter().ImportAsync(new ImportRequest { User = "test" }, null, Ct);
        Assert.Contains("nothing to import", Assert.Single(report.Issues).Message);
    }

    [Fact]
    public async Task An_unreadable_input_file_is_reported_by_name()
    {
        using var dir = new TempDir();
        var report = await NewImporter().ImportAsync(new ImportRequest { RecordsPath = Path.Combine(dir.Path, "yok.csv"), User = "test" }, null, Ct);
        var issue = Assert.Single(report.Issues);
        Assert.Equal("yok.csv", issue.File);
        Assert.StartsWith("yok.csv: cannot read the file", issue.ToString());
        Assert.False(report.Written);
    }
}
