using HafizaIzmir.Archive.Derived;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Indexer.Hosting;
using HafizaIzmir.Indexer.Search;
using HafizaIzmir.Site.Web;
using HafizaIzmir.Tests.Site;
using Record = HafizaIzmir.Archive.Domain.Record;

namespace HafizaIzmir.Tests.Search;

/// <summary>The search index as derived data: rebuilt from an archive, kept current by journal changes, reloaded from disk.</summary>
public sealed class SearchIndexDataTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly HafizaIzmir.Archive.Storage.Archive _archive;
    private static readonly CommitInfo Info = new("test", "search index data");

    public SearchIndexDataTests()
    {
        var store = new InMemoryBlobStore();
        _archive = new HafizaIzmir.Archive.Storage.Archive(new OcflRepository(store), new ChangeJournal(store));
    }

    public void Dispose() => _dir.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private string Derived => _dir.Sub("derived");
    private string IndexPath => Path.Combine(Derived, SearchIndexData.DirectoryName);

    private (DerivedData Derived, SearchIndexData Index) Open(int heldRecordsLimit = SearchIndexData.DefaultHeldRecordsLimit)
    {
        var index = new SearchIndexData(IndexPath, _archive, PublicationGate.IsPublic, heldRecordsLimit);
        return (new DerivedData(Derived, _archive, [index]), index);
    }

    private static IReadOnlyList<string> Find(SearchIndexData index, string text) =>
        index.Search(new SearchQuery { Text = text, Size = 100 }).Hits.Select(h => h.Identifier).Order(StringComparer.Ordinal).ToList();

    private static readonly Place Punta = new() { Id = "yer-alsancak", Name = "Alsancak", Variants = [new AuthorityName("Punta", EdtfDate.Parse("../1930"))] };
    private static readonly Record Series = SampleRecords.Make("SRR-S01", Level.Series, "Mektuplar", "SRR");
    private static readonly Record Item = SampleRecords.Make("SRR-S01-0001", Level.Item, "Bir sandık üzerine not", "SRR-S01", date: "1923") with
    {
        Authorities = [new AuthorityLink("yer-alsancak", AuthorityKind.Place)],
    };

    private async Task SeedAsync()
    {
        await _archive.Repository.InitializeAsync(Ct);
        await _archive.SaveAuthorityAsync(Punta, null, Info, Ct);
        // Children before parents, so the rebuild meets items whose enclosing levels it has not listed yet.
        foreach (var record in new[] { Item, SampleRecords.Draft, Series, SampleRecords.Fonds })
            await _archive.SaveRecordAsync(record, [], null, Info, Ct);
    }

    private async Task SaveAsync(Record record)
    {
        var head = await _archive.GetRecordAsync(record.Identifier, Ct);
        await _archive.SaveRecordAsync(record, [], head?.Version, Info, Ct);
    }

    [Theory]
    [InlineData(SearchIndexData.DefaultHeldRecordsLimit)]
    [InlineData(0)] // nothing held in memory: every record whose parents come later is read again
    public async Task A_rebuild_indexes_published_records_with_authority_variants_and_enclosing_titles(int held)
    {
        await SeedAsync();
        var (derived, index) = Open(held);
        using var _ = index;
        await derived.RebuildAsync(_ => new Progress<int>(), Ct);

        Assert.Equal(["SRR", "SRR-S01", "SRR-S01-0001"], index.Search(new SearchQuery()).Hits.Select(h => h.Identifier));
        Assert.Equal(["SRR-S01-0001"], Find(index, "punta"));               // a historical name of the linked place
        Assert.Contains("SRR-S01-0001", Find(index, "mektuplar"));          // the enclosing series' title
        Assert.Empty(Find(index, "taslak"));                                // the draft stays out
    }

    [Fact]
    public async Task Journal_changes_publish_withdraw_rename_authorities_and_retitle_enclosing_levels()
    {
        await SeedAsync();
        var (derived, index) = Open();
        using var _ = index;
        await derived.RebuildAsync(_ => new Progress<int>(), Ct);

        await SaveAsync(SampleRecords.Draft with { State = WorkflowState.Published });
        await derived.CatchUpAsync(Ct);
        Assert.Equal(["SRR-0002"], Find(index, "konşimento"));

        await SaveAsync(Item with { State = WorkflowState.Withdrawn });
        await derived.CatchUpAsync(Ct);
        Assert.Empty(Find(index, "sandık"));
        await SaveAsync(Item);
        await derived.CatchUpAsync(Ct);
        Assert.Equal(["SRR-S01-0001"], Find(index, "sandık"));

        // A new variant of the linked place reaches the record without the record being saved.
        await _archive.SaveAuthorityAsync(Punta with { Variants = [.. Punta.Variants, new AuthorityName("Frenk Mahallesi")] }, 1, Info, Ct);
        await derived.CatchUpAsync(Ct);
        Assert.Equal(["SRR-S01-0001"], Find(index, "frenk mahallesi"));

        // The series' new title reaches its item; a series taken out of public view takes its title along.
        await SaveAsync(Series with { Title = new LocalizedText("Kopya defterleri") });
        await derived.CatchUpAsync(Ct);
        Assert.Equal(["SRR-S01", "SRR-S01-0001"], Find(index, "defterleri"));
        Assert.DoesNotContain("SRR-S01-0001", Find(index, "mektuplar"));
        await SaveAsync(Series with { Title = new LocalizedText("Kopya defterleri"), State = WorkflowState.Draft });
        await derived.CatchUpAsync(Ct);
        Assert.Empty(Find(index, "defterleri"));
        Assert.Equal(["SRR-S01-0001"], Find(index, "sandık"));
    }

    [Fact]
    public async Task A_saved_index_loads_again_and_a_missing_or_corrupt_one_does_not()
    {
        await SeedAsync();
        var (derived, index) = Open();
        Assert.False(await index.LoadAsync(Ct));                            // nothing there yet
        await derived.RebuildAsync(_ => new Progress<int>(), Ct);
        index.Dispose();

        var (again, reopened) = Open();
        using (reopened)
        {
            Assert.True(await again.TryLoadAsync(Ct));
            Assert.Equal(["SRR-S01-0001"], Find(reopened, "punta"));
        }

        var segment = Directory.GetFiles(IndexPath).Where(f => !f.EndsWith("write.lock", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith("segments", StringComparison.Ordinal))
            .OrderByDescending(f => new FileInfo(f).Length).First();
        var bytes = File.ReadAllBytes(segment);
        for (var i = bytes.Length / 3; i < bytes.Length / 3 + 64 && i < bytes.Length; i++) bytes[i] ^= 0x5A;
        File.WriteAllBytes(segment, bytes);
        var (_, corrupt) = Open();
        using (corrupt) Assert.False(await corrupt.LoadAsync(Ct));
        Assert.Throws<SearchIndexUnavailableException>(() => corrupt.Search(new SearchQuery()));
    }

    [Fact]
    public async Task A_rebuild_replaces_an_index_that_is_open()
    {
        await SeedAsync();
        var (derived, index) = Open();
        using var _ = index;
        await derived.RebuildAsync(_ => new Progress<int>(), Ct);
        // Rebuilding deletes the derived directory under the open index, as reindex does to a loaded store.
        await derived.RebuildAsync(_ => new Progress<int>(), Ct);
        Assert.Equal(["SRR-S01-0001"], Find(index, "punta"));
        await SaveAsync(SampleRecords.Draft with { State = WorkflowState.Published });
        await derived.CatchUpAsync(Ct);
        Assert.Equal(["SRR-0002"], Find(index, "konşimento"));
    }
}
