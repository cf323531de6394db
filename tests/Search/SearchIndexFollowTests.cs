using System.Diagnostics;
using HafizaIzmir.Archive.Derived;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Indexer.Hosting;
using HafizaIzmir.Indexer.Search;
using HafizaIzmir.Site.Derived;
using HafizaIzmir.Site.Web;
using HafizaIzmir.Tests.Site;
using Microsoft.Extensions.Logging.Abstractions;
using Record = HafizaIzmir.Archive.Domain.Record;

namespace HafizaIzmir.Tests.Search;

/// <summary>
/// Changes that make other records' documents stale: a level moved in the tree, an authority renamed
/// under thousands of records while other work goes on.
/// </summary>
public sealed class SearchIndexFollowTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly RemoteBlobStore _store = new(new InMemoryBlobStore());
    private readonly HafizaIzmir.Archive.Storage.Archive _archive;
    private static readonly CommitInfo Info = new("test", "search follow");

    public SearchIndexFollowTests() => _archive = new HafizaIzmir.Archive.Storage.Archive(new OcflRepository(_store), new ChangeJournal(_store));

    public void Dispose() => _dir.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private string Derived => _dir.Sub("derived");

    private (DerivedData Derived, SearchIndexData Index) Open()
    {
        var index = new SearchIndexData(Path.Combine(Derived, SearchIndexData.DirectoryName), _archive, PublicationGate.IsPublic);
        return (new DerivedData(Derived, _archive, [index]), index);
    }

    private static IReadOnlyList<string> Find(SearchIndexData index, string text) =>
        index.Search(new SearchQuery { Text = text, Size = 100 }).Hits.Select(h => h.Identifier).Order(StringComparer.Ordinal).ToList();

    private async Task SaveAsync(Record record)
    {
        var head = await _archive.GetRecordAsync(record.Identifier, Ct);
        await _archive.SaveRecordAsync(record, [], head?.Version, Info, Ct);
    }

    [Fact]
    public async Task Moving_a_level_rewrites_every_record_below_it_with_its_new_enclosing_titles()
    {
        await _archive.Repository.InitializeAsync(Ct);
        var letters = SampleRecords.Make("SRR-S01", Level.Series, "Mektuplar", "SRR");
        var invoices = SampleRecords.Make("SRR-S02", Level.Series, "Faturalar", "SRR");
        var file = SampleRecords.Make("SRR-D01", Level.File, "Kordon dosyası", "SRR-S01");
        var draftFile = SampleRecords.Make("SRR-D02", Level.File, "Gizli dosya", "SRR-S01", WorkflowState.Draft);
        var item = SampleRecords.Make("SRR-D01-0001", Level.Item, "Sandık listesi", "SRR-D01");
        var underDraft = SampleRecords.Make("SRR-D02-0001", Level.Item, "Ambar defteri", "SRR-D02");
        foreach (var r in new[] { SampleRecords.Fonds, letters, invoices, file, draftFile, item, underDraft }) await SaveAsync(r);
        var (derived, index) = Open();
        using var _ = index;
        await derived.RebuildAsync(_ => new Progress<int>(), Ct);
        Assert.Equal(["SRR-D01", "SRR-D01-0001", "SRR-D02-0001", "SRR-S01"], Find(index, "mektuplar"));

        // The file moves to the other series with its title unchanged: its item's breadcrumb changes all the same.
        await SaveAsync(file with { Parent = "SRR-S02" });
        await derived.CatchUpAsync(Ct);
        Assert.Equal(["SRR-D01", "SRR-D01-0001", "SRR-S02"], Find(index, "faturalar"));
        Assert.Equal(["SRR-D02-0001", "SRR-S01"], Find(index, "mektuplar"));

        // A level that is not public is not in the index; its items still follow it.
        await SaveAsync(draftFile with { Parent = "SRR-S02" });
        await derived.CatchUpAsync(Ct);
        Assert.Equal(["SRR-D01", "SRR-D01-0001", "SRR-D02-0001", "SRR-S02"], Find(index, "faturalar"));
        Assert.Equal(["SRR-S01"], Find(index, "mektuplar"));

        // A whole series moves under another fonds: the grandchildren lose the old fonds' title.
        await SaveAsync(SampleRecords.Make("KTZ", Level.Fonds, "Kâtipzade Ailesi Belgeleri"));
        await derived.CatchUpAsync(Ct);
        await SaveAsync(invoices with { Parent = "KTZ" });
        await derived.CatchUpAsync(Ct);
        Assert.Equal(["KTZ", "SRR-D01", "SRR-D01-0001", "SRR-D02-0001", "SRR-S02"], Find(index, "kâtipzade"));
        Assert.DoesNotContain("SRR-D01-0001", Find(index, "\"Şerif Remzi Reyent Fonu\""));
    }

    [Fact]
    public async Task A_publish_is_searchable_within_two_seconds_while_a_renamed_authority_rewrites_thousands_of_records()
    {
        const int linked = 2000;
        await _archive.Repository.InitializeAsync(Ct);
        var merchant = new Person { Id = "kisi-haci-mehmet", Name = "Hacı Mehmet Efendi" };
        await _archive.SaveAuthorityAsync(merchant, null, Info, Ct);
        await SaveAsync(SampleRecords.Fonds);
        for (var i = 0; i < linked; i++)
            await _archive.SaveRecordAsync(SampleRecords.Make($"SRR-{i:0000}", Level.Item, $"Sandık kaydı {i}", "SRR") with
            {
                Authorities = [new AuthorityLink(merchant.Id, AuthorityKind.Person)],
            }, [], null, Info, Ct);
        // The follower re-reads the journal a clock margin back from its position: one later entry keeps the
        // seeding burst out of that window, so what is measured below is the rename, not the seeding.
        await Task.Delay(DerivedData.ClockMargin + TimeSpan.FromMilliseconds(200), Ct);
        await SaveAsync(SampleRecords.Make("SRR-S01", Level.Series, "Mektuplar", "SRR"));
        var (derived, index) = Open();
        await derived.RebuildAsync(_ => new Progress<int>(), Ct);
        Assert.Equal(linked, index.Search(new SearchQuery { Text = "hacı mehmet" }).Total);

        var follower = new JournalFollower(derived, NullLogger<JournalFollower>.Instance);
        await follower.StartAsync(Ct);
        await follower.Ready.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        // Every read now pays a round trip, as against Azure Blob Storage: rewriting the linked records takes many seconds.
        _store.Latency = TimeSpan.FromMilliseconds(2);

        await _archive.SaveAuthorityAsync(merchant with { Name = "Mehmet Ruhi Bey" }, 1, Info, Ct);
        await SaveAsync(SampleRecords.Make("SRR-9999", Level.Item, "Yepyeni konşimento", "SRR"));
        var clock = Stopwatch.StartNew();
        while (Find(index, "yepyeni").Count == 0 && clock.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(20, Ct);
        var visibleAfter = clock.Elapsed;
        var stillRewriting = index.Backlog;
        Assert.True(visibleAfter < TimeSpan.FromSeconds(2), $"the publish became searchable after {visibleAfter.TotalSeconds:F1} s");
        Assert.True(stillRewriting > 0, "the rename should still be under way when the publish is found");

        // The follower stops with the rewrite half done; the saved backlog lets a new process finish it.
        await follower.StopAsync(Ct);
        follower.Dispose();
        await index.SaveAsync(Ct);
        index.Dispose();
        var (again, reopened) = Open();
        using var _ = reopened;
        Assert.True(await again.TryLoadAsync(Ct));
        var wait = Stopwatch.StartNew();
        while (reopened.Backlog > 0 && wait.Elapsed < TimeSpan.FromMinutes(2)) await Task.Delay(100, Ct);
        Assert.Equal(0, reopened.Backlog);
        Assert.Equal(linked, reopened.Search(new SearchQuery { Text = "mehmet ruhi" }).Total);
        Assert.Equal(0, reopened.Search(new SearchQuery { Text = "hacı efendi" }).Total);
        Assert.Equal(["SRR-9999"], Find(reopened, "yepyeni"));
    }

    /// <summary>A blob store whose reads take a round trip, like a remote one.</summary>
    private sealed class RemoteBlobStore(IBlobStore inner) : IBlobStore
    {
        public TimeSpan Latency { get; set; }
        public string Description => "remote " + inner.Description;

        private async Task<T> Later<T>(Task<T> result, CancellationToken ct)
        {
            if (Latency > TimeSpan.Zero) await Task.Delay(Latency, ct);
            return await result;
        }

        public Task<BlobProperties?> GetPropertiesAsync(string key, CancellationToken ct = default) => Later(inner.GetPropertiesAsync(key, ct), ct);
        public Task<BlobContent?> GetAsync(string key, CancellationToken ct = default) => Later(inner.GetAsync(key, ct), ct);
        public Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default) => Later(inner.OpenReadAsync(key, ct), ct);
        public Task<string> PutAsync(string key, Stream content, BlobCondition condition, CancellationToken ct = default) => inner.PutAsync(key, content, condition, ct);
        public IAsyncEnumerable<BlobProperties> ListAsync(string prefix, CancellationToken ct = default) => inner.ListAsync(prefix, ct);
        public Task DeleteAsync(string key, CancellationToken ct = default) => inner.DeleteAsync(key, ct);
        public Task FlushAsync(CancellationToken ct = default) => inner.FlushAsync(ct);
    }
}
