using HafizaIzmir.Archive.Derived;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Tests.Site;
using HafizaIzmir.Tests.Storage;

namespace HafizaIzmir.Tests.Derived;

/// <summary>
/// A journal entry is written before the commit it announces. The follower must not read the object while
/// that commit is still under way, move past the entry and so miss the version for good.
/// </summary>
public sealed class DerivedDataTests : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly FileSystemBackend backend = new();
    private readonly TempDirectory derivedDirectory = new();

    public async ValueTask DisposeAsync()
    {
        derivedDirectory.Dispose();
        await backend.DisposeAsync();
    }

    [Fact]
    public async Task An_entry_whose_commit_is_still_under_way_holds_the_position_until_the_version_lands()
    {
        var archive = await OpenArchiveAsync();
        var info = new CommitInfo("test", "seed");
        await archive.SaveRecordAsync(SampleRecords.Make("A", Level.Item, "Birinci"), [], null, info, Ct);
        await archive.SaveRecordAsync(SampleRecords.Make("B", Level.Item, "İkinci"), [], null, info, Ct);
        var seen = new Recorder();
        var derived = new DerivedData(derivedDirectory.Path, archive, [seen]);
        Assert.Equal(2, await derived.CatchUpAsync(Ct));

        // A writer announces A's version 2 and has not committed it yet; meanwhile B changes for real.
        var pending = await archive.Journal.AppendAsync("record:A", 2, Ct);
        await archive.SaveRecordAsync(SampleRecords.Make("B", Level.Item, "İkinci, düzeltilmiş"), [], 1, info, Ct);
        Assert.Equal(1, await derived.CatchUpAsync(Ct));
        Assert.Equal(("record:B", 2), seen.Applied[^1]);
        Assert.True(string.CompareOrdinal(derived.ReadPosition(), pending.Position) < 0, "the position moved past a commit still under way");

        // The commit lands (no new journal entry): the held entry now delivers version 2, and B is not applied again.
        var a = (await archive.GetRecordAsync("A", Ct))!;
        var changed = ArchiveJson.Serialize(a.Value with { Title = new LocalizedText("Birinci, düzeltilmiş") });
        await archive.Repository.CommitAsync(new OcflCommit("record:A", 1, info, new Dictionary<string, OcflContent?> { ["record.json"] = OcflContent.FromBytes(changed) }), Ct);
        Assert.Equal(1, await derived.CatchUpAsync(Ct));
        Assert.Equal(("record:A", 2), seen.Applied[^1]);
        Assert.True(string.CompareOrdinal(derived.ReadPosition(), pending.Position) >= 0);
    }

    [Fact]
    public async Task An_announced_version_that_never_lands_is_given_up_after_the_settle_window()
    {
        var archive = await OpenArchiveAsync();
        await archive.SaveRecordAsync(SampleRecords.Make("A", Level.Item, "Birinci"), [], null, new CommitInfo("test", "seed"), Ct);
        var derived = new DerivedData(derivedDirectory.Path, archive, [new Recorder()]);
        await derived.CatchUpAsync(Ct);
        var abandoned = await archive.Journal.AppendAsync("record:A", 2, Ct);

        await derived.CatchUpAsync(Ct);
        Assert.True(string.CompareOrdinal(derived.ReadPosition(), abandoned.Position) < 0);
        var later = new ManualClock(DateTimeOffset.UtcNow + DerivedData.SettleWindow + TimeSpan.FromSeconds(1));
        await derived.CatchUpAsync(Ct, later);
        Assert.Equal(abandoned.Position, derived.ReadPosition());
    }

    [Fact]
    public async Task Only_a_store_that_cannot_load_is_rebuilt_and_the_others_keep_their_state()
    {
        var archive = await OpenArchiveAsync();
        var healthy = new Recorder();
        var broken = new Recorder();
        var derived = new DerivedData(derivedDirectory.Path, archive, [healthy, broken]);
        Assert.Equal([healthy, broken], await derived.LoadAsync(Ct)); // no position yet: everything
        await derived.RebuildAsync(await derived.LoadAsync(Ct), _ => new Progress<int>(), Ct);
        Assert.Equal((1, 1), (healthy.Rebuilt, broken.Rebuilt));

        broken.Loads = false;
        var stale = await derived.LoadAsync(Ct);
        Assert.Equal([broken], stale);
        await derived.RebuildAsync(stale, _ => new Progress<int>(), Ct);
        Assert.Equal((1, 2), (healthy.Rebuilt, broken.Rebuilt));
    }

    [Fact]
    public async Task After_a_rebuild_only_what_it_could_not_have_read_is_applied_again()
    {
        var archive = await OpenArchiveAsync();
        var info = new CommitInfo("test", "seed");
        await archive.SaveRecordAsync(SampleRecords.Make("A", Level.Item, "Birinci"), [], null, info, Ct);
        await archive.SaveRecordAsync(SampleRecords.Make("B", Level.Item, "İkinci"), [], null, info, Ct);
        // A commit announced before the rebuild that lands only after it: the rebuild cannot have read it.
        await archive.Journal.AppendAsync("record:A", 2, Ct);
        var seen = new Recorder();
        var derived = new DerivedData(derivedDirectory.Path, archive, [seen]);
        await derived.RebuildAsync(_ => new Progress<int>(), Ct);
        var a = (await archive.GetRecordAsync("A", Ct))!;
        var changed = ArchiveJson.Serialize(a.Value with { Title = new LocalizedText("Birinci, düzeltilmiş") });
        await archive.Repository.CommitAsync(new OcflCommit("record:A", 1, info, new Dictionary<string, OcflContent?> { ["record.json"] = OcflContent.FromBytes(changed) }), Ct);

        Assert.Equal(1, await derived.CatchUpAsync(Ct));
        Assert.Equal([("record:A", 2)], seen.Applied);
    }

    [Fact]
    public async Task A_stop_in_the_middle_of_a_catch_up_keeps_what_was_applied()
    {
        var archive = await OpenArchiveAsync();
        var derived = new DerivedData(derivedDirectory.Path, archive, [new Recorder()]);
        await derived.RebuildAsync(_ => new Progress<int>(), Ct);
        var entries = new List<JournalEntry>();
        foreach (var id in new[] { "A", "B", "C" })
        {
            await archive.SaveRecordAsync(SampleRecords.Make(id, Level.Item, "Kayıt " + id), [], null, new CommitInfo("test", "seed"), Ct);
            await foreach (var e in archive.Journal.ReadAfterAsync(entries.LastOrDefault()?.Position, Ct)) entries.Add(e);
        }

        using var stop = new CancellationTokenSource();
        var stopping = new Recorder { OnApply = change => { if (change.Entry.ObjectId == "record:C") stop.Cancel(); } };
        var following = new DerivedData(derivedDirectory.Path, archive, [stopping]);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => following.CatchUpAsync(stop.Token));
        Assert.Equal(entries[1].Position, following.ReadPosition());
        Assert.True(stopping.Saves > 0, "what was applied before the stop was not saved");

        // The next run goes on from there: what was saved as applied is not applied again.
        var resumed = new Recorder();
        var next = new DerivedData(derivedDirectory.Path, archive, [resumed]);
        await next.CatchUpAsync(Ct);
        Assert.Equal([("record:C", 1)], resumed.Applied);
        Assert.Equal(entries[2].Position, next.ReadPosition());
    }

    [Fact]
    public async Task Polls_save_at_most_every_few_seconds_and_a_flush_saves_what_they_applied()
    {
        var archive = await OpenArchiveAsync();
        var recorder = new Recorder();
        var derived = new DerivedData(derivedDirectory.Path, archive, [recorder]);
        await derived.RebuildAsync(_ => new Progress<int>(), Ct);
        var savedAt = derived.ReadPosition();
        var saves = recorder.Saves;

        // Changes trickling in, each found by a poll: applied at once, visible to the backlog as applied, not saved.
        foreach (var id in new[] { "A", "B", "C" })
        {
            await archive.SaveRecordAsync(SampleRecords.Make(id, Level.Item, "Kayıt " + id), [], null, new CommitInfo("test", "seed"), Ct);
            Assert.Equal(1, await derived.CatchUpAsync(Ct, saveNow: false));
        }
        Assert.Equal(3, recorder.Applied.Count);
        Assert.Equal(saves, recorder.Saves);
        Assert.Equal(savedAt, derived.ReadPosition());
        Assert.Equal(0, (await derived.BacklogAsync(Ct)).Count);
        Assert.Equal(0, await derived.CatchUpAsync(Ct, saveNow: false)); // nothing is applied twice meanwhile

        await derived.FlushAsync(Ct);
        Assert.Equal(saves + 1, recorder.Saves);
        Assert.True(string.CompareOrdinal(derived.ReadPosition(), savedAt) > 0, "the flush did not save the position");

        // A restart from what was flushed applies nothing again.
        var restarted = new Recorder();
        Assert.Equal(0, await new DerivedData(derivedDirectory.Path, archive, [restarted]).CatchUpAsync(Ct));
        Assert.Empty(restarted.Applied);
    }

    [Fact]
    public async Task The_backlog_counts_changes_to_apply_but_not_a_commit_under_way_until_it_is_given_up()
    {
        var archive = await OpenArchiveAsync();
        var info = new CommitInfo("test", "seed");
        await archive.SaveRecordAsync(SampleRecords.Make("A", Level.Item, "Birinci"), [], null, info, Ct);
        var derived = new DerivedData(derivedDirectory.Path, archive, [new Recorder()]);
        await derived.CatchUpAsync(Ct);
        Assert.Equal((0, null), await derived.BacklogAsync(Ct));

        // A writer killed after announcing its commit: nothing to apply, so not behind, until the settle window ends.
        var abandoned = await archive.Journal.AppendAsync("record:A", 2, Ct);
        Assert.Equal((0, null), await derived.BacklogAsync(Ct));
        var later = new ManualClock(DateTimeOffset.UtcNow + DerivedData.SettleWindow + TimeSpan.FromSeconds(1));
        Assert.Equal((1, abandoned.At), await derived.BacklogAsync(Ct, later));

        // A real change behind it is backlog at once; once applied, neither counts.
        await archive.SaveRecordAsync(SampleRecords.Make("B", Level.Item, "İkinci"), [], null, info, Ct);
        var (count, oldest) = await derived.BacklogAsync(Ct);
        Assert.Equal(1, count);
        Assert.True(oldest > abandoned.At);
        await derived.CatchUpAsync(Ct, later);
        Assert.Equal((0, null), await derived.BacklogAsync(Ct, later));
    }

    [Fact]
    public async Task A_restart_does_not_apply_again_what_was_applied_within_the_clock_margin()
    {
        var archive = await OpenArchiveAsync();
        var info = new CommitInfo("test", "seed");
        foreach (var id in new[] { "A", "B", "C" })
            await archive.SaveRecordAsync(SampleRecords.Make(id, Level.Item, "Kayıt " + id), [], null, info, Ct);
        Assert.Equal(3, await new DerivedData(derivedDirectory.Path, archive, [new Recorder()]).CatchUpAsync(Ct));

        // A new process over the same directory re-reads the margin but applies only what is new.
        await archive.SaveRecordAsync(SampleRecords.Make("D", Level.Item, "Kayıt D"), [], null, info, Ct);
        var restarted = new Recorder();
        Assert.Equal(1, await new DerivedData(derivedDirectory.Path, archive, [restarted]).CatchUpAsync(Ct));
        Assert.Equal([("record:D", 1)], restarted.Applied);

        // Also after a rebuild (what the reindex verb does before the site starts).
        await new DerivedData(derivedDirectory.Path, archive, [new Recorder()]).RebuildAsync(_ => new Progress<int>(), Ct);
        var afterRebuild = new Recorder();
        Assert.Equal(0, await new DerivedData(derivedDirectory.Path, archive, [afterRebuild]).CatchUpAsync(Ct));
    }

    private async Task<HafizaIzmir.Archive.Storage.Archive> OpenArchiveAsync()
    {
        var store = await backend.OpenAsync();
        var archive = new HafizaIzmir.Archive.Storage.Archive(new OcflRepository(store), new ChangeJournal(store));
        await archive.Repository.InitializeAsync(Ct);
        return archive;
    }

    private sealed class Recorder : IDerivedData
    {
        public Action<ArchiveChange>? OnApply { get; init; }
        public int Saves { get; private set; }
        public List<(string ObjectId, int? Version)> Applied { get; } = [];
        public bool Loads { get; set; } = true;
        public int Rebuilt { get; private set; }
        public string Name => "recorder";
        public Task<bool> LoadAsync(CancellationToken ct) => Task.FromResult(Loads);

        public Task RebuildAsync(HafizaIzmir.Archive.Storage.Archive archive, IProgress<int> progress, CancellationToken ct)
        {
            Rebuilt++;
            return Task.CompletedTask;
        }

        public Task SaveAsync(CancellationToken ct)
        {
            Saves++;
            return Task.CompletedTask;
        }

        public Task ApplyAsync(ArchiveChange change, CancellationToken ct)
        {
            OnApply?.Invoke(change);
            ct.ThrowIfCancellationRequested();
            Applied.Add((change.Entry.ObjectId, change.HeadVersion));
            return Task.CompletedTask;
        }
    }
}
