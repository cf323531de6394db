using HafizaIzmir.Archive.Derived;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Site.Derived;
using HafizaIzmir.Tests.Site;
using HafizaIzmir.Tests.Storage;

namespace HafizaIzmir.Tests.Stories;

/// <summary>Stories as OCFL objects: round trip, versions with who and why, concurrency, the journal and the derived list.</summary>
public sealed class StoryArchiveTests : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly FileSystemBackend _backend = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public ValueTask DisposeAsync() => _backend.DisposeAsync();

    public static Story Sample(string slug = "kordonda-bir-sezon") => new()
    {
        Slug = slug,
        Title = new LocalizedText("Kordon'da bir sezon", "A season on the Kordon"),
        Summary = new LocalizedText("İncir, sandık ve vapur.", "Figs, crates and a steamer."),
        Body = new LocalizedText("İlk paragraf.\n\n[[kayit:SRR-0001]]", "First paragraph."),
        Axes = [Axis.Liman, Axis.Ticaret],
        Cover = "SRR-0001",
        Featured = true,
        Author = "Ayşe Yılmaz",
    };

    private async Task<Archive.Storage.Archive> ArchiveAsync()
    {
        var store = await _backend.OpenAsync();
        var repository = new OcflRepository(store, _clock);
        await repository.InitializeAsync(Ct);
        return new Archive.Storage.Archive(repository, new ChangeJournal(store));
    }

    [Fact]
    public async Task A_story_round_trips_and_every_change_is_a_version_saying_who_and_why()
    {
        var archive = await ArchiveAsync();
        var first = await archive.SaveStoryAsync(Sample(), null, new CommitInfo("ayse", "Yeni hikâye"), Ct);
        Assert.True(first.Changed);
        var stored = (await archive.GetStoryAsync("kordonda-bir-sezon", Ct))!;
        Assert.Equal(1, stored.Version);
        var expected = Sample() with { CreatedBy = "ayse", CreatedAt = _clock.Now, ChangedBy = "ayse", ChangedAt = _clock.Now };
        Assert.Equal(System.Text.Encoding.UTF8.GetString(ArchiveJson.Serialize(expected)), System.Text.Encoding.UTF8.GetString(ArchiveJson.Serialize(stored.Value)));
        Assert.Equal([Axis.Liman, Axis.Ticaret], stored.Value.Axes);
        Assert.Null(stored.Value.PublishedAt);

        _clock.Now = _clock.Now.AddHours(1);
        await archive.SaveStoryAsync(stored.Value with { Title = new LocalizedText("Kordon'da bir incir sezonu") }, 1, new CommitInfo("katalogcu", "Başlık"), Ct);
        _clock.Now = _clock.Now.AddHours(1);
        var publishedAt = _clock.Now;
        await archive.SaveStoryAsync((await archive.GetStoryAsync("kordonda-bir-sezon", Ct))!.Value with { State = WorkflowState.Published }, 2, new CommitInfo("katalogcu", "Yayımlandı"), Ct);
        _clock.Now = _clock.Now.AddHours(1);
        await archive.SaveStoryAsync((await archive.GetStoryAsync("kordonda-bir-sezon", Ct))!.Value with { State = WorkflowState.Withdrawn }, 3, new CommitInfo("katalogcu", "Geri çekildi"), Ct);

        var head = (await archive.GetStoryAsync("kordonda-bir-sezon", Ct))!;
        Assert.Equal(4, head.Version);
        Assert.Equal("ayse", head.Value.CreatedBy);
        Assert.Equal("katalogcu", head.Value.ChangedBy);
        // The first publication date survives a withdrawal.
        Assert.Equal(publishedAt, head.Value.PublishedAt);
        var versions = (await archive.Repository.GetObjectAsync("story:kordonda-bir-sezon", Ct))!.Versions;
        Assert.Equal(["ayse: Yeni hikâye", "katalogcu: Başlık", "katalogcu: Yayımlandı", "katalogcu: Geri çekildi"], versions.Select(v => $"{v.User}: {v.Message}"));
    }

    [Fact]
    public async Task Saving_what_is_stored_writes_no_version_and_a_stale_version_is_a_conflict()
    {
        var archive = await ArchiveAsync();
        await archive.SaveStoryAsync(Sample(), null, new CommitInfo("ayse", "Yeni"), Ct);
        _clock.Now = _clock.Now.AddMinutes(5);
        var again = await archive.SaveStoryAsync(Sample(), 1, new CommitInfo("zeynep", "Aynısı"), Ct);
        Assert.False(again.Changed);

        await archive.SaveStoryAsync(Sample() with { Featured = false }, 1, new CommitInfo("katalogcu", "Öne çıkarma kaldırıldı"), Ct);
        var conflict = await Assert.ThrowsAsync<OcflConflictException>(() =>
            archive.SaveStoryAsync(Sample() with { Author = "Başkası" }, 1, new CommitInfo("zeynep", "Geç kalan"), Ct));
        Assert.Equal(2, conflict.CurrentVersion);
        Assert.Equal("Ayşe Yılmaz", (await archive.GetStoryAsync("kordonda-bir-sezon", Ct))!.Value.Author);
        await Assert.ThrowsAsync<OcflConflictException>(() => archive.SaveStoryAsync(Sample(), null, new CommitInfo("x", "yeniden oluştur"), Ct));
    }

    [Theory]
    [InlineData("Kordon")]
    [InlineData("kordon--sezon")]
    [InlineData("-kordon")]
    [InlineData("kordon_sezon")]
    [InlineData("körfez")]
    [InlineData("../x")]
    [InlineData("")]
    public async Task A_slug_that_is_not_lower_case_ascii_words_is_refused_before_anything_is_written(string slug)
    {
        var archive = await ArchiveAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => archive.SaveStoryAsync(Sample(slug), null, new CommitInfo("x", "y"), Ct));
        Assert.Empty(await archive.Journal.ReadAfterAsync(null, Ct).ToListAsync(Ct));
        Assert.Null(await archive.GetStoryAsync(slug, Ct));
    }

    [Fact]
    public async Task The_journal_announces_stories_and_the_story_catalogue_follows_and_rebuilds_them()
    {
        using var dir = new TempDirectory();
        var archive = await ArchiveAsync();
        await archive.SaveStoryAsync(Sample(), null, new CommitInfo("ayse", "Yeni"), Ct);
        await archive.SaveStoryAsync(Sample("taslak-hikaye") with { Featured = false }, null, new CommitInfo("ayse", "Yeni"), Ct);
        var catalogue = new StoryCatalogue(dir.Sub("stories.json"));
        var derived = new DerivedData(dir.Path, archive, [catalogue]);
        await derived.RebuildAsync(_ => new Progress<int>(), Ct);
        Assert.Equal(["kordonda-bir-sezon", "taslak-hikaye"], catalogue.All().Select(s => s.Slug).Order());
        Assert.Empty(catalogue.Published());

        _clock.Now = _clock.Now.AddMinutes(1);
        await archive.SaveStoryAsync(Sample() with { State = WorkflowState.Published }, 1, new CommitInfo("katalogcu", "Yayımlandı"), Ct);
        var entries = await archive.Journal.ReadAfterAsync(null, Ct).ToListAsync(Ct);
        Assert.Equal("story:kordonda-bir-sezon", entries[^1].ObjectId);
        var change = await ArchiveChange.ReadAsync(archive, entries[^1], Ct);
        Assert.Equal(WorkflowState.Published, change.Story!.State);
        Assert.Equal(2, change.HeadVersion);

        // Catching up may re-apply the entries just before its position (its clock margin); applying is idempotent.
        Assert.True(await derived.CatchUpAsync(Ct, _clock) >= 1);
        Assert.Equal(["kordonda-bir-sezon"], catalogue.Published().Select(s => s.Slug));
        Assert.Equal("kordonda-bir-sezon", Assert.Single(catalogue.Featured(3)).Slug);

        // A fresh instance loads what was saved.
        var reloaded = new StoryCatalogue(dir.Sub("stories.json"));
        Assert.True(await reloaded.LoadAsync(Ct));
        Assert.Equal(["kordonda-bir-sezon"], reloaded.Published().Select(s => s.Slug));
        Assert.Equal("Kordon'da bir sezon", reloaded.Published()[0].Title.Tr);
    }
}
