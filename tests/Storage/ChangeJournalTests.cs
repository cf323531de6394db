using HafizaIzmir.Archive.Storage;

namespace HafizaIzmir.Tests.Storage;

public sealed class ChangeJournalTests : IAsyncDisposable
{
    private readonly FileSystemBackend backend = new();

    public ValueTask DisposeAsync() => backend.DisposeAsync();

    [Fact]
    public async Task Entries_read_back_in_time_order_after_a_position()
    {
        var clock = new ManualClock(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var journal = new ChangeJournal(await backend.OpenAsync(), clock);
        var appended = new List<JournalEntry>();
        foreach (var (id, minutes) in new[] { ("record:A", 5), ("record:B", 1), ("record:C", 3), ("record:A", 10) })
        {
            clock.Now = new DateTimeOffset(2024, 1, 1, 0, minutes, 0, TimeSpan.Zero);
            appended.Add(await journal.AppendAsync(id, appended.Count + 1));
        }
        var all = await journal.ReadAfterAsync(null).ToListAsync();
        Assert.Equal(appended.OrderBy(e => e.At), all);
        Assert.Equal(["record:B", "record:C", "record:A", "record:A"], all.Select(e => e.ObjectId));

        var after = await journal.ReadAfterAsync(all[1].Position).ToListAsync();
        Assert.Equal(all.Skip(2), after);
        Assert.Empty(await journal.ReadAfterAsync(all[^1].Position).ToListAsync());
    }

    [Fact]
    public async Task Rewinding_by_a_margin_finds_an_entry_written_behind_the_position_by_a_slow_clock()
    {
        var clock = new ManualClock(new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var journal = new ChangeJournal(await backend.OpenAsync(), clock);
        var seen = await journal.AppendAsync("record:A", 1);
        clock.Now = clock.Now.AddSeconds(-2); // another replica whose clock is two seconds behind
        var late = await journal.AppendAsync("record:B", 1);

        Assert.Empty(await journal.ReadAfterAsync(seen.Position).ToListAsync());
        var again = await journal.ReadAfterAsync(ChangeJournal.Rewind(seen.Position, TimeSpan.FromSeconds(5))).ToListAsync();
        Assert.Equal([late, seen], again);
    }

    [Fact]
    public async Task Reading_after_a_position_spans_the_hour_folders_up_to_now_and_skips_older_ones()
    {
        var start = new DateTimeOffset(2024, 1, 1, 22, 59, 59, TimeSpan.Zero);
        var clock = new ManualClock(start);
        var store = await backend.OpenAsync();
        var journal = new ChangeJournal(store, clock);
        var early = await journal.AppendAsync("record:A", 1);
        clock.Now = start.AddSeconds(2); // the next hour
        var next = await journal.AppendAsync("record:B", 1);
        clock.Now = start.AddHours(5); // a follower that was away for hours
        var late = await journal.AppendAsync("record:C", 1);

        Assert.Equal([next, late], await journal.ReadAfterAsync(early.Position).ToListAsync());
        Assert.Equal([late], await journal.ReadAfterAsync(next.Position).ToListAsync());
        // Entries are filed by hour, so a poll lists only the hours since its position.
        Assert.Equal(3, await store.ListAsync(ChangeJournal.Prefix).Select(b => b.Key[..(ChangeJournal.Prefix.Length + 10)]).Distinct().CountAsync());
    }
}
