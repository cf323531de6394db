using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Oai.Source;

namespace HafizaIzmir.Oai.Catalogue;

// The repository side: headers come from memory, records from the archive a page at a time.
public sealed partial class OaiCatalogue
{
    /// <summary>How many records of a page are read from storage at once.</summary>
    private const int ParallelReads = 16;

    /// <summary>Authorities are shared by many records; beyond this many the cache starts over.</summary>
    private const int AuthorityCacheLimit = 20_000;

    private static readonly OaiPosition First = new(DateTimeOffset.MinValue, "");
    private static readonly OaiPosition Last = new(DateTimeOffset.MaxValue, "");

    // A load is cached as it starts, and dropped when the journal reports a change to the authority: a load
    // that began before the change is dropped with it, one that begins after reads the new version.
    private readonly ConcurrentDictionary<string, Task<Authority?>> _authorityCache = new(StringComparer.Ordinal);

    public async IAsyncEnumerable<OaiItem> ListAsync(OaiQuery query, OaiPosition? after, int limit, bool metadata,
        [EnumeratorCancellation] CancellationToken ct)
    {
        List<CatalogueEntry> page;
        lock (_gate)
        {
            page = [];
            var start = after is { } a && a > First ? a : First;
            foreach (var position in _order.GetViewBetween(start, Last))
            {
                if (after is not null && position <= after.Value) continue;
                if (query.Until is not null && position.Datestamp > query.Until) break;
                var entry = _entries[position.Identifier];
                if (!entry.Matches(query)) continue;
                page.Add(entry);
                if (page.Count >= limit) break;
            }
        }
        if (!metadata)
        {
            foreach (var entry in page) yield return entry.Header();
            yield break;
        }
        var reads = new PageReads(this, ct);
        var loads = page.Select(reads.ItemAsync).ToList();
        foreach (var load in loads) yield return await load;
    }

    public async ValueTask<OaiItem?> GetAsync(string identifier, CancellationToken ct)
    {
        CatalogueEntry? entry;
        lock (_gate) entry = _entries.GetValueOrDefault(identifier);
        if (entry is null) return null;
        return await new PageReads(this, ct).ItemAsync(entry);
    }

    public int Count(OaiQuery query)
    {
        lock (_gate) return _entries.Values.Count(e => e.Matches(query));
    }

    public DateTimeOffset? EarliestDatestamp()
    {
        lock (_gate) return _order.Count == 0 ? null : _order.Min.Datestamp;
    }

    public IEnumerable<OaiSet> ListSets()
    {
        lock (_gate)
        {
            var titles = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (id, node) in _nodes)
                if (node.Level is Level.Fonds or Level.Series) titles.TryAdd(OaiSets.Token(id), node.Title);
            return _entries.Values.SelectMany(e => e.SetSpecs).Append(OaiSets.Europeana)
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Select(spec => new OaiSet(spec, OaiSets.Name(spec, t => titles.GetValueOrDefault(t))))
                .ToList();
        }
    }

    private Task<Authority?> AuthorityAsync(string id)
    {
        if (_authorityCache.Count > AuthorityCacheLimit) _authorityCache.Clear();
        // Not cancelled with the request that started it: other requests may be waiting for the same load.
        var load = _authorityCache.GetOrAdd(id, key => LoadAuthorityAsync(key, CancellationToken.None));
        if (load.IsFaulted || load.IsCanceled) _authorityCache.TryRemove(new KeyValuePair<string, Task<Authority?>>(id, load));
        return load;
    }

    private async Task<Authority?> LoadAuthorityAsync(string id, CancellationToken ct) => (await _archive.GetAuthorityAsync(id, ct))?.Value;

    private void ForgetAuthority(string id) => _authorityCache.TryRemove(id, out _);

    /// <summary>
    /// The reads of one response: records in parallel (bounded), each ancestor read once per page, authorities
    /// through the shared cache. A record that is no longer public when read is answered as deleted; the journal
    /// entry that unpublished it will move its datestamp shortly.
    /// </summary>
    private sealed class PageReads(OaiCatalogue catalogue, CancellationToken ct)
    {
        private readonly SemaphoreSlim _slots = new(ParallelReads);
        private readonly ConcurrentDictionary<string, Task<Record?>> _ancestors = new(StringComparer.Ordinal);

        public async Task<OaiItem> ItemAsync(CatalogueEntry entry)
        {
            if (entry.Deleted) return entry.Header();
            await _slots.WaitAsync(ct);
            try
            {
                var record = (await catalogue._archive.GetRecordAsync(entry.Identifier, ct))?.Value;
                if (record is null || !catalogue._isPublic(record)) return entry.Header() with { Deleted = true };
                var authorities = await Task.WhenAll(record.Authorities.Select(l => l.AuthorityId).Distinct(StringComparer.Ordinal)
                    .Select(catalogue.AuthorityAsync));
                List<string> line;
                lock (catalogue._gate) line = catalogue.Line(record.Identifier).SkipLast(1).Select(p => p.Identifier).ToList();
                var ancestors = await Task.WhenAll(line.Select(id => _ancestors.GetOrAdd(id, AncestorAsync)));
                return new OaiItem
                {
                    Record = record,
                    Authorities = authorities.OfType<Authority>().ToList(),
                    Ancestors = ancestors.OfType<Record>().ToList(),
                    Datestamp = entry.Datestamp,
                    SetSpecs = entry.SetSpecs,
                };
            }
            finally
            {
                _slots.Release();
            }
        }

        private async Task<Record?> AncestorAsync(string id) => (await catalogue._archive.GetRecordAsync(id, ct))?.Value;
    }
}
