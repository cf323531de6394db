using System.Collections.Concurrent;
using HafizaIzmir.Archive.Derived;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Site.Web;

namespace HafizaIzmir.Site.Iiif;

using Archive = HafizaIzmir.Archive.Storage.Archive;

/// <summary>
/// The records behind image requests, held in memory so that a viewer's burst of tile requests reads a
/// record from storage once rather than once per tile. Bounded (least recently used entries go first). It is
/// fed by the change journal like every derived view: an entry is dropped as soon as the follower applies a
/// change to its record, so a withdrawn or unpublished record's images stop being served within one poll,
/// on every replica. Nothing is persisted, so there is nothing to load or rebuild.
/// </summary>
public sealed class PublicRecordCache(Archive archive, int capacity = PublicRecordCache.DefaultCapacity) : IDerivedData
{
    public const int DefaultCapacity = 4096;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;
    private long _clock;
    private long _reads;

    /// <summary>A record as the public may see it (null when it is missing or not public) and the image sizes probed for it.</summary>
    public sealed class Entry(Record? record)
    {
        public Record? Record { get; } = record;

        /// <summary>Sizes read from masters whose record lacks them (older imports), by page.</summary>
        public ConcurrentDictionary<int, (int Width, int Height)> ProbedSizes { get; } = new();

        internal long LastUse;
    }

    public string Name => "image record cache";

    /// <summary>Storage reads made so far; lets tests and diagnostics see that repeated requests are served from memory.</summary>
    public long Reads => Interlocked.Read(ref _reads);

    public async Task<Entry> GetAsync(string identifier, CancellationToken ct)
    {
        if (_entries.TryGetValue(identifier, out var hit))
        {
            hit.LastUse = Interlocked.Increment(ref _clock);
            return hit;
        }
        var generation = Interlocked.Read(ref _generation);
        Interlocked.Increment(ref _reads);
        var record = (await archive.GetRecordAsync(identifier, ct))?.Value;
        var entry = new Entry(PublicationGate.IsPublic(record) ? record : null) { LastUse = Interlocked.Increment(ref _clock) };
        _entries[identifier] = entry;
        // A change applied while storage was being read may be newer than what was read: then keep nothing.
        // Checked after inserting (and ApplyAsync counts before removing), so no interleaving keeps a stale entry.
        if (Interlocked.Read(ref _generation) != generation) _entries.TryRemove(KeyValuePair.Create(identifier, entry));
        else if (_entries.Count > capacity) Trim();
        return entry;
    }

    public Task ApplyAsync(ArchiveChange change, CancellationToken ct)
    {
        if (change.RecordIdentifier is { } identifier)
        {
            Interlocked.Increment(ref _generation);
            _entries.TryRemove(identifier, out _);
        }
        return Task.CompletedTask;
    }

    public Task<bool> LoadAsync(CancellationToken ct) => Task.FromResult(true);

    public Task RebuildAsync(Archive archive, IProgress<int> progress, CancellationToken ct)
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
        return Task.CompletedTask;
    }

    public Task SaveAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>Drops the least recently used quarter, so trimming is rare rather than once per miss.</summary>
    private void Trim()
    {
        var oldest = _entries.OrderBy(e => e.Value.LastUse).Take(Math.Max(1, capacity / 4)).ToList();
        foreach (var old in oldest) _entries.TryRemove(old);
    }
}
