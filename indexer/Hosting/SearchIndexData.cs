using HafizaIzmir.Archive.Derived;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Indexer.Search;

namespace HafizaIzmir.Indexer.Hosting;

using Archive = HafizaIzmir.Archive.Storage.Archive;

/// <summary>
/// The public search index as derived data: every record that <c>isPublic</c> admits, with the names of its
/// linked authorities and the titles of its enclosing levels, kept current from the change journal.
/// Searches run on any thread through <see cref="Search"/>; loading, rebuilding and applying are called
/// one at a time by <see cref="DerivedData"/>.
/// </summary>
public sealed partial class SearchIndexData(string path, Archive archive, Func<Record, bool> isPublic, int heldRecordsLimit = SearchIndexData.DefaultHeldRecordsLimit,
    Func<Record, CancellationToken, Task<string?>>? fullText = null)
    : IDerivedData, IDisposable
{
    public const string DirectoryName = "search";

    /// <summary>
    /// Records held in memory during a rebuild while their enclosing levels have not been listed yet; past
    /// this many only their identifiers are kept and they are read again at the end, so memory stays bounded.
    /// </summary>
    public const int DefaultHeldRecordsLimit = 4096;

    /// <summary>The look-up caches are dropped when they grow past this, rather than growing with the archive.</summary>
    private const int CacheLimit = 100_000;

    /// <summary>
    /// Records a change makes stale elsewhere (an authority's linked records, a level's descendants) are
    /// rewritten at once up to this many; more go to the backlog, rewritten in batches between other changes.
    /// </summary>
    public const int InlineReindexLimit = 200;

    /// <summary>
    /// How long one turn of the backlog holds the index (at least one record is rewritten per turn). A change
    /// waits for at most one turn, however slow storage is, so a publish stays searchable within seconds
    /// while a renamed authority's thousands of records are written again.
    /// </summary>
    public static readonly TimeSpan BacklogTurn = TimeSpan.FromMilliseconds(200);

    private static readonly TimeSpan BacklogRetryDelay = TimeSpan.FromSeconds(2);

    private SearchIndex? _index;
    // Enclosing levels by identifier (null: not in the archive) and authorities by id (null: not stored).
    private readonly Dictionary<string, Enclosing?> _levels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Authority?> _authorities = new(StringComparer.Ordinal);
    // Serialises every write to the index and the caches: the journal follower's calls and the backlog turns.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ReindexBacklog _backlog = new(path + ".pending");
    private CancellationTokenSource _backlogStop = new();
    private bool _draining;

    public string Name => "search index";
    public string Path { get; } = path;

    /// <summary>True once the index has been loaded or rebuilt, so <see cref="Search"/> can answer.</summary>
    public bool IsAvailable => Volatile.Read(ref _index) is not null;

    /// <summary>Records still waiting to be written again after a change elsewhere (zero when the index is current).</summary>
    public int Backlog { get; private set; }

    /// <exception cref="SearchIndexUnavailableException">The index is not loaded yet or is being rebuilt.</exception>
    public SearchResult Search(SearchQuery query)
    {
        var index = Volatile.Read(ref _index) ?? throw new SearchIndexUnavailableException();
        try
        {
            return index.Search(query);
        }
        catch (ObjectDisposedException e)
        {
            // A rebuild swapped the index out under this search.
            throw new SearchIndexUnavailableException(e);
        }
    }

    public async Task<bool> LoadAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            StopBacklog();
            CloseQuietly(Interlocked.Exchange(ref _index, null));
            try
            {
                var index = SearchIndex.Open(Path);
                if (index.WasCreated)
                {
                    // Nothing was there: an empty index would hide every record until a rebuild fills it.
                    index.Dispose();
                    return false;
                }
                try
                {
                    _backlog.Load();
                }
                catch
                {
                    index.Dispose();
                    throw;
                }
                Volatile.Write(ref _index, index);
                StartBacklog();
                return true;
            }
            catch (Exception e) when (e is SearchIndexCorruptException or IOException or UnauthorizedAccessException)
            {
                // An unreadable backlog means documents may be stale with nothing saying which: rebuild.
                return false;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task RebuildAsync(Archive source, IProgress<int> progress, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            StopBacklog();
            _backlog.Clear();
            _backlog.Save();
            CloseQuietly(Interlocked.Exchange(ref _index, null));
            _levels.Clear();
            _authorities.Clear();
            var index = SearchIndex.Recreate(Path);
            Volatile.Write(ref _index, index);
            await FillAsync(index, source, progress, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task FillAsync(SearchIndex index, Archive source, IProgress<int> progress, CancellationToken ct)
    {
        await foreach (var authority in source.ListAuthoritiesAsync(ct)) _authorities[authority.Value.Id] = authority.Value;

        var held = new List<Record>();
        var deferred = new List<string>();
        var count = 0;
        await foreach (var versioned in source.ListRecordsAsync(ct))
        {
            var record = versioned.Value;
            if (record.Level != Level.Item) _levels[record.Identifier] = Enclosing.Of(record, isPublic);
            if (isPublic(record))
            {
                // Listing order is storage order, not hierarchy order: a parent may come after its children.
                if (KnownChain(record) is { } chain) await IndexAsync(index, record, chain, source, ct);
                else if (held.Count < heldRecordsLimit) held.Add(record);
                else deferred.Add(record.Identifier);
            }
            progress.Report(++count);
        }
        foreach (var record in held) await IndexAsync(index, record, await ChainAsync(record, source, ct), source, ct);
        foreach (var identifier in deferred) await ReindexAsync(index, identifier, source, ct);
        index.Commit();
    }

    public async Task ApplyAsync(ArchiveChange change, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var index = Volatile.Read(ref _index) ?? throw new InvalidOperationException("the search index is applied to before it was loaded or rebuilt");
            var stale = await ApplyChangeAsync(index, change, ct);
            if (stale.Count <= InlineReindexLimit)
            {
                foreach (var identifier in stale) await ReindexAsync(index, identifier, archive, ct);
            }
            else
            {
                _backlog.Add(stale);
                StartBacklog();
            }
            Backlog = _backlog.Count;
            TrimCaches();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Writes the changed object's own document; returns the records whose documents it made stale.</summary>
    private async Task<IReadOnlyList<string>> ApplyChangeAsync(SearchIndex index, ArchiveChange change, CancellationToken ct)
    {
        if (change.RecordIdentifier is { } identifier)
        {
            // What descendants carry of this record: its title while public and its place in the tree.
            // The index still holds the old ones.
            var before = index.TitleOf(identifier) ?? "";
            // An item encloses nothing, so where it sits matters to no other document.
            var item = change.Record is { Level: Level.Item };
            var above = item ? null : index.AncestorsAbove(identifier);
            _levels.Remove(identifier);
            IReadOnlyList<Enclosing> chain = [];
            if (change.Record is { } record)
            {
                if (record.Level != Level.Item) _levels[identifier] = Enclosing.Of(record, isPublic);
                chain = await ChainAsync(record, archive, ct);
                await IndexAsync(index, record, chain, archive, ct);
            }
            else
            {
                index.Delete(identifier);
            }
            var after = change.Record is { } now && isPublic(now) ? now.Title.Tr : "";
            var moved = !item && (above is null || !above.SequenceEqual(chain.Select(e => e.Identifier), StringComparer.Ordinal));
            return after != before || moved ? index.IdentifiersWithin(identifier) : [];
        }
        if (change.Entry.ObjectId.StartsWith(ArchiveChange.AuthorityPrefix, StringComparison.Ordinal))
        {
            var id = change.Entry.ObjectId[ArchiveChange.AuthorityPrefix.Length..];
            _authorities[id] = change.Authority;
            // Every name of the authority is in its linked records' documents: they are written again.
            return index.IdentifiersLinkedTo(id);
        }
        return [];
    }

    public async Task SaveAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            Volatile.Read(ref _index)?.Commit();
            // After the commit: a crash between the two leaves the previous list, whose work the journal repeats.
            _backlog.Save();
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _backlogStop.Cancel();
        // A backlog turn in progress gives up at its next read; the index is closed after it.
        var entered = _gate.Wait(TimeSpan.FromSeconds(30));
        try
        {
            CloseQuietly(Interlocked.Exchange(ref _index, null));
        }
        finally
        {
            if (entered) _gate.Release();
        }
    }

    private async Task ReindexAsync(SearchIndex index, string identifier, Archive source, CancellationToken ct)
    {
        var record = (await source.GetRecordAsync(identifier, ct))?.Value;
        if (record is null) index.Delete(identifier);
        else await IndexAsync(index, record, await ChainAsync(record, source, ct), source, ct);
    }

    private async Task IndexAsync(SearchIndex index, Record record, IReadOnlyList<Enclosing> chain, Archive source, CancellationToken ct)
    {
        var document = isPublic(record)
            ? SearchDocumentBuilder.Build(record, await LinkedAsync(record, source, ct), [.. chain.Select(e => e.AsRecord())], fullText is null ? null : await fullText(record, ct))
            : null;
        if (document is null) index.Delete(record.Identifier);
        else index.Upsert(document);
    }

    private async Task<IReadOnlyDictionary<string, Authority>> LinkedAsync(Record record, Archive source, CancellationToken ct)
    {
        var linked = new Dictionary<string, Authority>(StringComparer.Ordinal);
        foreach (var link in record.Authorities)
        {
            if (!_authorities.TryGetValue(link.AuthorityId, out var authority))
                _authorities[link.AuthorityId] = authority = (await source.GetAuthorityAsync(link.AuthorityId, ct))?.Value;
            if (authority is not null) linked[link.AuthorityId] = authority;
        }
        return linked;
    }

    /// <summary>The enclosing levels from the cache alone, outermost first; null when one is not known yet.</summary>
    private List<Enclosing>? KnownChain(Record record)
    {
        var chain = new List<Enclosing>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { record.Identifier };
        for (var parent = record.Parent; parent is not null && seen.Add(parent);)
        {
            if (!_levels.TryGetValue(parent, out var level)) return null;
            if (level is null) break;
            chain.Add(level);
            parent = level.Parent;
        }
        chain.Reverse();
        return chain;
    }

    /// <summary>The enclosing levels, outermost first, reading the ones not cached; a cycle in bad data ends the walk.</summary>
    private async Task<IReadOnlyList<Enclosing>> ChainAsync(Record record, Archive source, CancellationToken ct)
    {
        var chain = new List<Enclosing>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { record.Identifier };
        for (var parent = record.Parent; parent is not null && seen.Add(parent);)
        {
            if (!_levels.TryGetValue(parent, out var level))
            {
                var stored = (await source.GetRecordAsync(parent, ct))?.Value;
                _levels[parent] = level = stored is null ? null : Enclosing.Of(stored, isPublic);
            }
            if (level is null) break;
            chain.Add(level);
            parent = level.Parent;
        }
        chain.Reverse();
        return chain;
    }

    private void TrimCaches()
    {
        if (_levels.Count > CacheLimit) _levels.Clear();
        if (_authorities.Count > CacheLimit) _authorities.Clear();
    }

    private static void CloseQuietly(SearchIndex? index)
    {
        if (index is null) return;
        try
        {
            index.Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            // A rebuild deletes the derived directory before the stores run, so closing may find its files gone;
            // the index is discarded either way.
        }
    }

    /// <summary>
    /// An enclosing level as its descendants see it: the identifier (for finding them again) and the title
    /// they are searchable by, which is empty while the level itself is not public.
    /// </summary>
    private sealed record Enclosing(string Identifier, string? Parent, Level Level, string Title)
    {
        public static Enclosing Of(Record record, Func<Record, bool> isPublic) =>
            new(record.Identifier, record.Parent, record.Level, isPublic(record) ? record.Title.Tr : "");

        public Record AsRecord() => new() { Identifier = Identifier, Level = Level, Parent = Parent, Title = new LocalizedText(Title) };
    }
}

/// <summary>The search index is not loaded yet or is being rebuilt; the caller may retry shortly.</summary>
public sealed class SearchIndexUnavailableException(Exception? inner = null)
    : Exception("The search index is not available yet; it is being built.", inner);
