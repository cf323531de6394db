using System.Diagnostics;
using HafizaIzmir.Archive.Storage;

namespace HafizaIzmir.Archive.Derived;

using Archive = HafizaIzmir.Archive.Storage.Archive;

/// <summary>
/// Every <see cref="IDerivedData"/> together with the journal position they all reflect. They are rebuilt
/// as a whole (one missing or unreadable store is reason enough) and kept current from the change journal.
/// </summary>
public sealed class DerivedData(string directory, Archive archive, IEnumerable<IDerivedData> stores)
{
    public const string PositionFileName = "journal-position";

    private readonly IReadOnlyList<IDerivedData> _stores = [.. stores];
    private readonly SemaphoreSlim _busy = new(1, 1);

    public string Directory { get; } = directory;
    public IReadOnlyList<IDerivedData> Stores => _stores;
    private string PositionPath => Path.Combine(Directory, PositionFileName);

    /// <summary>
    /// Deletes the derived directory and rebuilds every store from blob storage. The journal position is
    /// taken before the rebuild starts, so a change made meanwhile is applied again afterwards (harmless).
    /// </summary>
    public async Task RebuildAsync(Func<IDerivedData, IProgress<int>> progressFor, CancellationToken ct)
    {
        await _busy.WaitAsync(ct);
        try
        {
            var (position, landed) = await JournalTailAsync(ct);
            if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
            System.IO.Directory.CreateDirectory(Directory);
            foreach (var store in _stores)
                await store.RebuildAsync(archive, progressFor(store), ct);
            lock (_applied)
            {
                _applied.Clear();
                _applied.UnionWith(landed);
            }
            _appliedRestored = true;
            await SavePositionAsync(position, ct);
        }
        finally
        {
            _busy.Release();
        }
    }

    /// <summary>Loads every store; true when all of them and the journal position were readable.</summary>
    public async Task<bool> TryLoadAsync(CancellationToken ct) => (await LoadAsync(ct)).Count == 0;

    /// <summary>
    /// Loads every store and returns those that could not be loaded (all of them when the journal position is
    /// missing, since nothing then says what they reflect).
    /// </summary>
    public async Task<IReadOnlyList<IDerivedData>> LoadAsync(CancellationToken ct)
    {
        if (!File.Exists(PositionPath)) return _stores;
        var failed = new List<IDerivedData>();
        foreach (var store in _stores)
            if (!await store.LoadAsync(ct)) failed.Add(store);
        return failed;
    }

    /// <summary>
    /// Rebuilds only <paramref name="stale"/> from blob storage and keeps the saved journal position: the
    /// stores that loaded catch up from it, and the rebuilt ones re-apply those changes, which is harmless.
    /// Rebuilding everything instead would throw away state that cannot be derived again exactly (the
    /// datestamps the OAI catalogue gave when it applied each change).
    /// </summary>
    public async Task RebuildAsync(IReadOnlyList<IDerivedData> stale, Func<IDerivedData, IProgress<int>> progressFor, CancellationToken ct)
    {
        if (stale.Count == _stores.Count || !File.Exists(PositionPath))
        {
            await RebuildAsync(progressFor, ct);
            return;
        }
        await _busy.WaitAsync(ct);
        try
        {
            foreach (var store in stale) await store.RebuildAsync(archive, progressFor(store), ct);
            foreach (var store in stale) await store.SaveAsync(ct);
        }
        finally
        {
            _busy.Release();
        }
    }

    /// <summary>How far back each catch-up re-reads, for writers whose clocks run slightly behind.</summary>
    public static readonly TimeSpan ClockMargin = TimeSpan.FromSeconds(5);

    /// <summary>How long a catch-up may apply changes before it saves them, even in the middle of a long run.</summary>
    public static readonly TimeSpan SaveInterval = TimeSpan.FromSeconds(5);

    /// <summary>How long an announced version may stay unreached before it counts as an abandoned commit.</summary>
    public static readonly TimeSpan SettleWindow = TimeSpan.FromMinutes(1);

    // Entries applied after the saved position (or within the clock margin before it), so re-reads skip them.
    // Locked on itself: the catch-up writes it while readiness checks read it.
    private readonly HashSet<string> _applied = new(StringComparer.Ordinal);

    private bool _appliedRestored;

    // The position the stores reflect in memory. While changes trickle in, the position file (and the stores'
    // files) may lag behind it by up to SaveInterval: saving every store for every small change cost more than
    // the changes themselves. A stop saves; a crash re-applies what was not saved, which the stores tolerate.
    private string? _position;
    private bool _positionKnown;
    private bool _unsaved;
    private long _lastSave = Stopwatch.GetTimestamp();

    private string? CurrentPosition()
    {
        if (!_positionKnown)
        {
            _position = ReadPosition();
            _positionKnown = true;
        }
        return Volatile.Read(ref _position);
    }

    private bool IsApplied(string position)
    {
        lock (_applied) return _applied.Contains(position);
    }

    /// <summary>
    /// The journal entries the derived data has yet to apply: how many, and when the oldest of them was made.
    /// A commit still under way (within <see cref="SettleWindow"/>) is not behind: there is nothing to apply
    /// until it lands, and a writer killed mid-commit must not make every replica look stale for a minute.
    /// Only entries up to the first one that counts are read; the rest are counted as they are.
    /// </summary>
    public async Task<(int Count, DateTimeOffset? Oldest)> BacklogAsync(CancellationToken ct, TimeProvider? clock = null)
    {
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        var count = 0;
        DateTimeOffset? oldest = null;
        await foreach (var entry in archive.Journal.ReadAfterAsync(CurrentPosition(), ct))
        {
            if (IsApplied(entry.Position)) continue;
            if (oldest is null && (await ArchiveChange.ReadAsync(archive, entry, ct)).IsPending(now, SettleWindow)) continue;
            oldest ??= entry.At;
            count++;
        }
        return (count, oldest);
    }

    /// <summary>
    /// Applies the journal entries not yet applied; returns how many. An entry whose commit is still in
    /// progress holds the saved position back (later entries are applied meanwhile and remembered), so the
    /// version it announces is picked up once it lands instead of being skipped. With
    /// <paramref name="saveNow"/> false (the follower's polls) what was applied is saved only once
    /// <see cref="SaveInterval"/> has passed since the last save, or by <see cref="FlushAsync"/>.
    /// </summary>
    public async Task<int> CatchUpAsync(CancellationToken ct, TimeProvider? clock = null, bool saveNow = true)
    {
        await _busy.WaitAsync(ct);
        try
        {
            RestoreApplied();
            var now = (clock ?? TimeProvider.System).GetUtcNow();
            var saved = CurrentPosition();
            var position = saved;
            var held = false;
            var applied = 0;
            var unsaved = 0;
            var lastSave = Stopwatch.GetTimestamp();
            try
            {
                await foreach (var entry in archive.Journal.ReadAfterAsync(ChangeJournal.Rewind(saved, ClockMargin), ct))
                {
                    if (!IsApplied(entry.Position))
                    {
                        var change = await ArchiveChange.ReadAsync(archive, entry, ct);
                        if (change.IsPending(now, SettleWindow))
                        {
                            held = true;
                            continue;
                        }
                        unsaved++;
                        foreach (var store in _stores) await store.ApplyAsync(change, ct);
                        lock (_applied) _applied.Add(entry.Position);
                        applied++;
                    }
                    if (!held && string.CompareOrdinal(entry.Position, position) > 0) position = entry.Position;
                    // Persist in batches, and at least every few seconds of a long catch-up: a crash re-applies at
                    // most one batch, which the stores tolerate.
                    if (unsaved >= 500 || (unsaved > 0 && Stopwatch.GetElapsedTime(lastSave) > SaveInterval))
                    {
                        await SaveAllAsync(position, ct);
                        unsaved = 0;
                        lastSave = Stopwatch.GetTimestamp();
                    }
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested && unsaved > 0)
            {
                // A stop in the middle of a catch-up keeps what was applied. Those changes have been served already
                // (the OAI catalogue's datestamps among them); applying them again after a restart would give
                // them new datestamps, so a restart would not show harvesters what they saw before it.
                await SaveAllAsync(position, CancellationToken.None);
                throw;
            }
            Volatile.Write(ref _position, position);
            if (unsaved > 0 || position != saved) _unsaved = true;
            if (_unsaved && (saveNow || Stopwatch.GetElapsedTime(_lastSave) >= SaveInterval)) await SaveAllAsync(position, ct);
            var keepFrom = ChangeJournal.Rewind(position, ClockMargin) ?? "";
            lock (_applied) _applied.RemoveWhere(p => string.CompareOrdinal(p, keepFrom) < 0);
            return applied;
        }
        finally
        {
            _busy.Release();
        }
    }

    /// <summary>Saves what was applied and not yet saved (the follower calls it when it stops).</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        await _busy.WaitAsync(ct);
        try
        {
            if (_unsaved) await SaveAllAsync(CurrentPosition(), ct);
        }
        finally
        {
            _busy.Release();
        }
    }

    /// <summary>
    /// The journal position the derived data has saved: the first line of the position file. The lines after it
    /// list the entries within the clock margin before it that were applied, so that a restart re-reading
    /// that margin applies only what it has not (after a bulk import, thousands of entries fall inside it).
    /// </summary>
    public string? ReadPosition()
    {
        if (!File.Exists(PositionPath)) return null;
        var first = File.ReadLines(PositionPath).FirstOrDefault()?.Trim();
        return string.IsNullOrEmpty(first) ? null : first;
    }

    private void RestoreApplied()
    {
        if (_appliedRestored) return;
        _appliedRestored = true;
        if (!File.Exists(PositionPath)) return;
        lock (_applied)
            foreach (var line in File.ReadLines(PositionPath).Skip(1))
                if (line.Trim() is { Length: > 0 } applied) _applied.Add(applied);
    }

    private async Task SaveAllAsync(string? position, CancellationToken ct)
    {
        foreach (var store in _stores) await store.SaveAsync(ct);
        await SavePositionAsync(position, ct);
    }

    private async Task SavePositionAsync(string? position, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var temp = PositionPath + ".tmp";
        var from = ChangeJournal.Rewind(position, ClockMargin) ?? "";
        List<string> applied;
        lock (_applied) applied = [.. _applied.Where(p => string.CompareOrdinal(p, from) >= 0).Order(StringComparer.Ordinal)];
        await File.WriteAllLinesAsync(temp, applied.Prepend(position ?? ""), ct);
        File.Move(temp, PositionPath, overwrite: true);
        Volatile.Write(ref _position, position);
        _positionKnown = true;
        _unsaved = false;
        _lastSave = Stopwatch.GetTimestamp();
    }

    /// <summary>
    /// The journal's last position, and the entries near it (within the clock margin the next catch-up re-reads)
    /// whose versions have already landed. A rebuild that starts after this reads those versions from storage,
    /// so the catch-up after it need not apply them again; entries still in flight, or appended later with an
    /// earlier clock, are not listed and are applied as usual.
    /// </summary>
    private async Task<(string? Position, List<string> Landed)> JournalTailAsync(CancellationToken ct)
    {
        // Only the entries within the margin of the newest one so far are kept: the journal may be very long.
        var recent = new Queue<JournalEntry>();
        string? last = null;
        await foreach (var entry in archive.Journal.ReadAfterAsync(null, ct))
        {
            last = entry.Position;
            recent.Enqueue(entry);
            var keepFrom = ChangeJournal.Rewind(last, ClockMargin) ?? "";
            while (string.CompareOrdinal(recent.Peek().Position, keepFrom) < 0) recent.Dequeue();
        }
        var from = ChangeJournal.Rewind(last, ClockMargin) ?? "";
        var landed = new List<string>();
        foreach (var entry in recent)
            if (string.CompareOrdinal(entry.Position, from) >= 0 && (await ArchiveChange.ReadAsync(archive, entry, ct)).HeadVersion >= entry.Version)
                landed.Add(entry.Position);
        return (last, landed);
    }
}
