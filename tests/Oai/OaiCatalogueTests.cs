using HafizaIzmir.Archive.Derived;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Oai.Catalogue;
using HafizaIzmir.Oai.Source;
using HafizaIzmir.Tests.Ingest;
using HafizaIzmir.Tests.Site;

using Record = HafizaIzmir.Archive.Domain.Record;

namespace HafizaIzmir.Tests.Oai;

/// <summary>The catalogue applying journal changes one by one, with a clock the test moves.</summary>
public sealed class OaiCatalogueTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly CommitInfo Info = new("test", "test");
    private readonly TempDirectory _dir = new();
    private readonly FixedClock _clock = new(new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero));
    private readonly HafizaIzmir.Archive.Storage.Archive _archive;
    private readonly OaiCatalogue _catalogue;
    private string? _position;

    public OaiCatalogueTests()
    {
        var store = new HafizaIzmir.Tests.Site.InMemoryBlobStore();
        _archive = new HafizaIzmir.Archive.Storage.Archive(new OcflRepository(store), new ChangeJournal(store));
        _catalogue = new OaiCatalogue(_dir.Sub("oai"), _archive, r => r.State == WorkflowState.Published, _clock);
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>Applies every journal entry not applied yet; <paramref name="again"/> re-applies everything, as a restart might.</summary>
    private async Task FollowAsync(bool again = false)
    {
        await foreach (var entry in _archive.Journal.ReadAfterAsync(again ? null : _position, Ct))
        {
            await _catalogue.ApplyAsync(await ArchiveChange.ReadAsync(_archive, entry, Ct), Ct);
            _position = entry.Position;
        }
    }

    private async Task SaveAsync(Record record)
    {
        var head = await _archive.GetRecordAsync(record.Identifier, Ct);
        await _archive.SaveRecordAsync(record, [], head?.Version, Info, Ct);
    }

    private async Task<OaiItem?> Header(string id) => await _catalogue.GetAsync(id, Ct);

    [Fact]
    public async Task Datestamps_move_only_when_what_is_disseminated_changes()
    {
        await _archive.Repository.InitializeAsync(Ct);
        await _archive.SaveAuthorityAsync(SampleRecords.Reyent, null, Info, Ct);
        await SaveAsync(SampleRecords.Fonds);
        await SaveAsync(SampleRecords.Letter);
        await SaveAsync(SampleRecords.Draft);
        await FollowAsync();
        var first = (await Header("SRR-0001"))!.Datestamp;
        Assert.Equal(_clock.Now, first);
        Assert.Null(await Header("SRR-0002"));

        // Applying the same entries again (a restart re-reads the journal) changes nothing.
        _clock.Now = _clock.Now.AddMinutes(1);
        await FollowAsync(again: true);
        Assert.Equal(first, (await Header("SRR-0001"))!.Datestamp);

        // The linked person is renamed: the letter moves, the fonds (not linked) stays.
        await _archive.SaveAuthorityAsync(SampleRecords.Reyent with { Name = "Şerif Remzi" }, 1, Info, Ct);
        await FollowAsync();
        Assert.Equal(_clock.Now, (await Header("SRR-0001"))!.Datestamp);
        Assert.Equal(first, (await Header("SRR"))!.Datestamp);
        Assert.Equal("Şerif Remzi", (await Header("SRR-0001"))!.Authorities.Single().Name);

        // Two changes in the same second still make two steps forward.
        await SaveAsync(SampleRecords.Fonds with { Title = new LocalizedText("Yeni ad") });
        await FollowAsync();
        Assert.Equal(_clock.Now.AddSeconds(1), (await Header("SRR-0001"))!.Datestamp); // its fonds was renamed
        Assert.Equal(["fonds:SRR"], (await Header("SRR-0001"))!.SetSpecs);
    }

    [Fact]
    public async Task A_record_unpublished_after_publication_stays_a_deleted_header_and_a_draft_never_appears()
    {
        await _archive.Repository.InitializeAsync(Ct);
        await SaveAsync(SampleRecords.Fonds);
        await SaveAsync(SampleRecords.Draft);
        await SaveAsync(SampleRecords.Draft with { Title = new LocalizedText("Hâlâ taslak") });
        await FollowAsync();
        Assert.Null(await Header("SRR-0002"));

        await SaveAsync(SampleRecords.Draft with { State = WorkflowState.Published });
        await FollowAsync();
        Assert.False((await Header("SRR-0002"))!.Deleted);
        _clock.Now = _clock.Now.AddMinutes(5);
        await SaveAsync(SampleRecords.Draft with { State = WorkflowState.InReview });
        await FollowAsync();
        var deleted = (await Header("SRR-0002"))!;
        Assert.True(deleted.Deleted);
        Assert.Equal(_clock.Now, deleted.Datestamp);

        // Saved and reloaded, the deleted header and its datestamp remain; a rebuild knows only what storage says.
        await _catalogue.SaveAsync(Ct);
        var reloaded = new OaiCatalogue(_dir.Sub("oai"), _archive, r => r.State == WorkflowState.Published, _clock);
        Assert.True(await reloaded.LoadAsync(Ct));
        Assert.Equal(deleted.Datestamp, (await reloaded.GetAsync("SRR-0002", Ct))!.Datestamp);
        Assert.Equal(2, reloaded.Count(new OaiQuery()));
        var listed = await reloaded.ListAsync(new OaiQuery(), null, 10, metadata: true, Ct).ToListAsync(Ct);
        Assert.Equal(["SRR", "SRR-0002"], listed.Select(i => i.Identifier));
        Assert.Equal("Şerif Remzi Reyent Fonu", listed[0].Record.Title.Tr);
    }
}
