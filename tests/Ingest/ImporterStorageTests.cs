using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Ingest;
using HafizaIzmir.Archive.Storage;
using static HafizaIzmir.Tests.Ingest.IngestFixtures;

namespace HafizaIzmir.Tests.Ingest;

/// <summary>
/// The importer against the real <see cref="Archive"/> and OCFL repository. These need the storage
/// implementation; everything they validate is also covered without storage by the other ingest tests.
/// </summary>
public sealed class ImporterStorageTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Rights = "http://rightsstatements.org/vocab/InC/1.0/";
    private readonly TempDir _dir = new();
    private FileSystemBlobStore _store = null!;
    private Archive.Storage.Archive _archive = null!;

    public async ValueTask InitializeAsync()
    {
        _store = new FileSystemBlobStore(System.IO.Path.Combine(_dir.Path, "store"), System.IO.Path.Combine(_dir.Path, "tmp"));
        var repository = new OcflRepository(_store);
        await repository.InitializeAsync(Ct);
        _archive = new Archive.Storage.Archive(repository, new ChangeJournal(_store));
    }

    // xUnit calls only DisposeAsync on a class that has both, so the directory is removed here.
    public ValueTask DisposeAsync()
    {
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<int> BlobCountAsync() => await _store.ListAsync("", Ct).CountAsync(Ct);

    private Importer Importer => new(_archive, PngProbe);

    private ImportRequest Request(bool publish = false, bool dryRun = false, bool authorities = true) => new()
    {
        AuthoritiesPath = authorities ? Path.Combine(_dir.Path, "authorities.csv") : null,
        RecordsPath = Path.Combine(_dir.Path, "records.csv"),
        FilesDir = Path.Combine(_dir.Path, "scans"),
        Publish = publish,
        DryRun = dryRun,
        User = "test",
    };

    private void WriteInputs(string records)
    {
        _dir.Write("authorities.csv", Csv(
            "kind,name,variants,subtype,relations",
            "person,Şerif Remzi Reyent,Şerif Remzi,tüccar,lived_in:Alsancak",
            "place,Alsancak,Punta|../1930,semt,"));
        _dir.Write("records.csv", System.Text.Encoding.UTF8.GetBytes(records));
        _dir.Write("scans/a1.png", Png(300, 200, "page one"));
        _dir.Write("scans/a2.png", Png(300, 200, "page two"));
    }

    private const string Records =
        "identifier,parent,level,title,date,persons,places,rights,files\n"
        + $"SRR,,fonds,Şerif Remzi Reyent Arşivi,1890/1957,,,{Rights},\n"
        + $"SRR-0001,SRR,item,\"Mektup, Punta'dan\",1923-05-12,ŞERİF REMZİ|creator;Hasan Tahsin,PUNTA,{Rights},a1.png;a2.png\n";

    [Fact]
    public async Task Import_writes_authorities_records_and_files_then_reimport_changes_nothing()
    {
        WriteInputs(Records);
        var first = await Importer.ImportAsync(Request(), null, Ct);
        Assert.True(first.Succeeded, first.Describe());
        Assert.Equal((2, 1, 2, 2), (first.Summary.RecordsCreated, first.Summary.AuthoritiesCreated - 2, first.Summary.FilesStored, first.Summary.AuthorityRowsRead));
        var newPerson = Assert.Single(first.Summary.NewAuthoritiesFromNames);
        Assert.Equal("Hasan Tahsin", newPerson.Name);

        var item = (await _archive.GetRecordAsync("SRR-0001", Ct))!;
        Assert.Equal(WorkflowState.Draft, item.Value.State);
        Assert.Equal(["files/0001.png", "files/0002.png"], item.Value.Files.Select(f => f.Path));
        Assert.Equal((300, 200, "image/png"), (item.Value.Files[0].Width, item.Value.Files[0].Height, item.Value.Files[0].MediaType));
        var personId = AuthorityIds.For(AuthorityKind.Person, "Şerif Remzi Reyent");
        Assert.Contains(new AuthorityLink(personId, AuthorityKind.Person, "creator"), item.Value.Authorities);
        Assert.Contains(new AuthorityLink(newPerson.Id, AuthorityKind.Person), item.Value.Authorities);
        await using (var stored = await _archive.OpenRecordFileAsync("SRR-0001", "files/0002.png", Ct))
        {
            using var copy = new MemoryStream();
            await stored!.CopyToAsync(copy, Ct);
            Assert.Equal(Png(300, 200, "page two"), copy.ToArray());
        }

        var blobs = await BlobCountAsync();
        var second = await Importer.ImportAsync(Request(), null, Ct);
        Assert.True(second.Succeeded, second.Describe());
        Assert.Equal((0, 0, 2, 0, 0, 2, 0), (second.Summary.RecordsCreated, second.Summary.RecordsUpdated, second.Summary.RecordsUnchanged,
            second.Summary.AuthoritiesCreated, second.Summary.AuthoritiesUpdated, second.Summary.AuthoritiesUnchanged, second.Summary.FilesStored));
        Assert.Empty(second.Summary.NewAuthoritiesFromNames); // Hasan Tahsin is known now
        Assert.Equal(item.Version, (await _archive.GetRecordAsync("SRR-0001", Ct))!.Version);
        Assert.Equal(blobs, await BlobCountAsync());
    }

    [Fact]
    public async Task A_changed_scan_is_stored_again_and_an_authority_found_by_variant_keeps_its_id()
    {
        WriteInputs(Records);
        Assert.True((await Importer.ImportAsync(Request(), null, Ct)).Succeeded);
        var before = (await _archive.GetRecordAsync("SRR-0001", Ct))!;
        _dir.Write("scans/a2.png", Png(300, 200, "page two, rescanned"));
        _dir.Write("authorities.csv", Csv("kind,name,variants", "person,Şerif Remzi,Şerif Remzi Reyent"));

        var report = await Importer.ImportAsync(Request(), null, Ct);
        Assert.True(report.Succeeded, report.Describe());
        Assert.Equal((1, 1, 1), (report.Summary.FilesStored, report.Summary.RecordsUpdated, report.Summary.AuthoritiesUpdated));
        var after = (await _archive.GetRecordAsync("SRR-0001", Ct))!;
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal(before.Value.Files[0], after.Value.Files[0]);
        Assert.NotEqual(before.Value.Files[1].Sha512, after.Value.Files[1].Sha512);
        var person = (await _archive.GetAuthorityAsync(AuthorityIds.For(AuthorityKind.Person, "Şerif Remzi Reyent"), Ct))!;
        Assert.Equal("Şerif Remzi", person.Value.Name);
        Assert.Equal("serif-remzi", person.Value.Slug);
    }

    [Fact]
    public async Task Published_records_stay_published_when_reimported_without_publish()
    {
        WriteInputs(Records);
        Assert.True((await Importer.ImportAsync(Request(publish: true), null, Ct)).Succeeded);
        Assert.Equal(WorkflowState.Published, (await _archive.GetRecordAsync("SRR", Ct))!.Value.State);
        _dir.Write("records.csv", System.Text.Encoding.UTF8.GetBytes(Records.Replace("Mektup, Punta'dan", "Mektup, Punta'dan (düzeltildi)")));
        var report = await Importer.ImportAsync(Request(authorities: false), null, Ct);
        Assert.True(report.Succeeded, report.Describe());
        Assert.Equal(1, report.Summary.RecordsUpdated);
        var item = (await _archive.GetRecordAsync("SRR-0001", Ct))!.Value;
        Assert.Equal((WorkflowState.Published, "Mektup, Punta'dan (düzeltildi)"), (item.State, item.Title.Tr));
    }

    [Fact]
    public async Task One_bad_row_means_nothing_is_written()
    {
        WriteInputs(Records + "SRR-0002,SRR,item,Bozuk,1923-13,,,,\n");
        var report = await Importer.ImportAsync(Request(), null, Ct);
        Assert.False(report.Succeeded);
        Assert.Equal("records.csv: line 4, column date: '1923-13' is not a valid date: month 13 does not exist", Assert.Single(report.Issues).ToString());
        Assert.False(report.Written);
        Assert.Null(await _archive.GetRecordAsync("SRR", Ct));
        Assert.Empty(await _archive.ListAuthoritiesAsync(Ct).ToListAsync(Ct));
    }

    [Fact]
    public async Task Dry_run_reports_and_writes_nothing()
    {
        WriteInputs(Records);
        var blobs = await BlobCountAsync();
        var report = await Importer.ImportAsync(Request(dryRun: true), null, Ct);
        Assert.True(report.Succeeded, report.Describe());
        Assert.True(report.DryRun);
        Assert.Equal((2, 3), (report.Summary.RecordsCreated, report.Summary.AuthoritiesCreated));
        Assert.Contains("dry run", report.Describe());
        Assert.Equal(blobs, await BlobCountAsync());
        Assert.Null(await _archive.GetRecordAsync("SRR", Ct));
    }
}
