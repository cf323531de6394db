using HafizaIzmir.Archive.Derived;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Oai.Source;
using HafizaIzmir.Oai.Tiers;

namespace HafizaIzmir.Oai.Catalogue;

using Archive = HafizaIzmir.Archive.Storage.Archive;

/// <summary>
/// The repository's catalogue: the header (identifier, datestamp, deleted, sets) of every record that is or
/// was published, kept in memory and persisted under the derived directory, while the records themselves
/// are read from the archive page by page when a harvester asks for them.
/// <para>
/// A datestamp moves whenever what the record disseminates changes: its own new version, a change to an
/// authority it links to (found through a reverse index), or a renamed or moved ancestor. A change is
/// noticed by comparing fingerprints, so a journal entry applied twice moves nothing. A new datestamp is
/// the moment the change is applied, and always later than the previous one, so a harvester that has
/// passed a position never misses a change made behind it. A record once published and later withdrawn,
/// unpublished or deleted stays as a deleted header; a record never published never appears.
/// </para>
/// </summary>
public sealed partial class OaiCatalogue : IDerivedData, IOaiRecordSource
{
    public const string DirectoryName = "oai";

    private readonly Archive _archive;
    private readonly Func<Record, bool> _isPublic;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();

    private readonly Dictionary<string, CatalogueEntry> _entries = new(StringComparer.Ordinal);
    private readonly SortedSet<OaiPosition> _order = [];
    private readonly Dictionary<string, CatalogueNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _children = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _linked = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _authorityHashes = new(StringComparer.Ordinal);
    private bool _dirty;

    /// <param name="directory">The catalogue's own directory (<c>{data}/derived/oai</c>).</param>
    /// <param name="isPublic">The one publication test of the host: only what it accepts is disseminated.</param>
    public OaiCatalogue(string directory, Archive archive, Func<Record, bool> isPublic, TimeProvider? clock = null)
    {
        Directory = directory;
        _archive = archive;
        _isPublic = isPublic;
        _clock = clock ?? TimeProvider.System;
    }

    public string Name => "OAI catalogue";
    public string Directory { get; }

    /// <summary>How many records have a header (published or deleted).</summary>
    public int Count() { lock (_gate) return _entries.Count; }

    public async Task ApplyAsync(ArchiveChange change, CancellationToken ct)
    {
        var objectId = change.Entry.ObjectId;
        if (change.RecordIdentifier is { } identifier) await ApplyRecordAsync(identifier, change.Record, ct);
        else if (objectId.StartsWith(ArchiveChange.AuthorityPrefix, StringComparison.Ordinal))
            await ApplyAuthorityAsync(objectId[ArchiveChange.AuthorityPrefix.Length..], change.Authority, ct);
    }

    private async Task ApplyRecordAsync(string identifier, Record? record, CancellationToken ct)
    {
        bool lineChanged;
        lock (_gate)
        {
            var before = _nodes.GetValueOrDefault(identifier);
            RemoveNode(identifier);
            if (record is not null) PutNode(identifier, CatalogueNode.From(record));
            lineChanged = before != _nodes.GetValueOrDefault(identifier);
        }
        if (record is null) MarkDeleted(identifier);
        else await RefreshAsync(record, ct);
        if (lineChanged) RefreshDescendants(identifier);
    }

    private async Task ApplyAuthorityAsync(string id, Authority? authority, CancellationToken ct)
    {
        var hash = authority is null ? null : ContentHashes.Of(authority);
        List<string> records;
        lock (_gate)
        {
            if (_authorityHashes.GetValueOrDefault(id) == hash) return;
            if (hash is null) _authorityHashes.Remove(id);
            else _authorityHashes[id] = hash;
            records = _linked.TryGetValue(id, out var ids) ? ids.Where(r => !_entries[r].Deleted).ToList() : [];
            _dirty = true;
        }
        ForgetAuthority(id);
        foreach (var recordId in records)
        {
            // Re-read: the record may have changed too; its own journal entry will be applied as well (harmless).
            var current = await _archive.GetRecordAsync(recordId, ct);
            if (current is not null) await RefreshAsync(current.Value, ct);
        }
    }

    /// <summary>Recomputes one record's header from its current state and moves its datestamp when what it disseminates changed.</summary>
    private async Task RefreshAsync(Record record, CancellationToken ct)
    {
        var id = record.Identifier;
        if (!_isPublic(record))
        {
            // Only the workflow's last step follows publication, so a withdrawn record the catalogue has not
            // seen published (e.g. after a rebuild) is still announced as deleted, as a rebuild would.
            if (record.State == WorkflowState.Withdrawn) EnsureDeleted(record);
            else MarkDeleted(id);
            return;
        }
        var authorities = await LoadAuthoritiesAsync(record, ct);
        var ownSpecs = OwnSpecs(record, authorities);
        var content = ContentHashes.Content(record, authorities, ownSpecs);
        lock (_gate)
        {
            var line = Line(id);
            var fingerprint = ContentHashes.Fingerprint(content, line.SkipLast(1));
            var existing = _entries.GetValueOrDefault(id);
            if (existing is { Deleted: false } && existing.Fingerprint == fingerprint) return;
            Put(new CatalogueEntry(id, NextDatestamp(existing), false, SetSpecs(line, ownSpecs),
                record.Authorities.Select(l => l.AuthorityId).Distinct(StringComparer.Ordinal).ToList(), ownSpecs, content, fingerprint));
        }
    }

    private async Task<List<Authority>> LoadAuthoritiesAsync(Record record, CancellationToken ct)
    {
        var list = new List<Authority>();
        foreach (var id in record.Authorities.Select(l => l.AuthorityId).Distinct(StringComparer.Ordinal))
            if (await _archive.GetAuthorityAsync(id, ct) is { } authority) list.Add(authority.Value);
        return list;
    }

    /// <summary>The sets a record is in by itself (not by its place in the hierarchy): its axes, and europeana when chosen and ready.</summary>
    internal static IReadOnlyList<string> OwnSpecs(Record record, IEnumerable<Authority> authorities)
    {
        var ready = record.ForEuropeana && EuropeanaTiers.Classify(record, authorities).MeetsEuropeanaMinimum;
        return OaiSets.For([], record.Axes, ready);
    }

    private static IReadOnlyList<string> SetSpecs(List<(string Identifier, CatalogueNode Node)> line, IReadOnlyList<string> ownSpecs) =>
        [.. OaiSets.For(line.Select(p => (p.Identifier, p.Node.Level)), [], false), .. ownSpecs];

    private void MarkDeleted(string identifier)
    {
        lock (_gate)
        {
            if (_entries.GetValueOrDefault(identifier) is { Deleted: false } existing)
                Put(existing with { Deleted = true, Datestamp = NextDatestamp(existing) });
        }
    }

    private void EnsureDeleted(Record record)
    {
        lock (_gate)
        {
            var existing = _entries.GetValueOrDefault(record.Identifier);
            if (existing is not null)
            {
                if (!existing.Deleted) Put(existing with { Deleted = true, Datestamp = NextDatestamp(existing) });
                return;
            }
            var own = OaiSets.For([], record.Axes, false);
            Put(new CatalogueEntry(record.Identifier, NextDatestamp(null), true, SetSpecs(Line(record.Identifier), own), [], own, "", ""));
        }
    }

    /// <summary>After a record's title, level or parent changed: the fingerprints and sets of everything below it.</summary>
    private void RefreshDescendants(string identifier)
    {
        lock (_gate)
        {
            var queue = new Queue<string>(_children.GetValueOrDefault(identifier) ?? []);
            var seen = new HashSet<string>(StringComparer.Ordinal) { identifier };
            while (queue.TryDequeue(out var id))
            {
                if (!seen.Add(id)) continue;
                foreach (var child in _children.GetValueOrDefault(id) ?? []) queue.Enqueue(child);
                if (_entries.GetValueOrDefault(id) is not { Deleted: false } entry) continue;
                var line = Line(id);
                var fingerprint = ContentHashes.Fingerprint(entry.ContentHash, line.SkipLast(1));
                if (fingerprint == entry.Fingerprint) continue;
                Put(entry with { Fingerprint = fingerprint, SetSpecs = SetSpecs(line, entry.OwnSpecs), Datestamp = NextDatestamp(entry) });
            }
        }
    }

    /// <summary>The record's line of description, outermost first and the record itself last; a cycle in bad data ends the walk.</summary>
    private List<(string Identifier, CatalogueNode Node)> Line(string identifier)
    {
        var line = new List<(string, CatalogueNode)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var id = identifier; id is not null && seen.Add(id) && _nodes.TryGetValue(id, out var node); id = node.Parent)
            line.Add((id, node));
        line.Reverse();
        return line;
    }

    /// <summary>Now, in whole seconds, but always after the previous datestamp so every change is a step forward.</summary>
    private DateTimeOffset NextDatestamp(CatalogueEntry? previous)
    {
        var now = Protocol.OaiDatestamp.Truncate(_clock.GetUtcNow());
        return previous is null || now > previous.Datestamp ? now : previous.Datestamp.AddSeconds(1);
    }

    private void Put(CatalogueEntry entry)
    {
        if (_entries.Remove(entry.Identifier, out var old))
        {
            _order.Remove(old.Position);
            foreach (var a in old.Authorities)
                if (_linked.TryGetValue(a, out var set) && set.Remove(old.Identifier) && set.Count == 0) _linked.Remove(a);
        }
        _entries[entry.Identifier] = entry;
        _order.Add(entry.Position);
        foreach (var a in entry.Authorities)
        {
            if (!_linked.TryGetValue(a, out var set)) _linked[a] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(entry.Identifier);
        }
        _dirty = true;
    }

    private void PutNode(string identifier, CatalogueNode node)
    {
        _nodes[identifier] = node;
        if (node.Parent is null) return;
        if (!_children.TryGetValue(node.Parent, out var siblings)) _children[node.Parent] = siblings = new HashSet<string>(StringComparer.Ordinal);
        siblings.Add(identifier);
        _dirty = true;
    }

    private void RemoveNode(string identifier)
    {
        if (!_nodes.Remove(identifier, out var old)) return;
        _dirty = true;
        if (old.Parent is not null && _children.TryGetValue(old.Parent, out var siblings) && siblings.Remove(identifier) && siblings.Count == 0)
            _children.Remove(old.Parent);
    }

    private void Clear()
    {
        _entries.Clear();
        _order.Clear();
        _nodes.Clear();
        _children.Clear();
        _linked.Clear();
        _authorityHashes.Clear();
        _authorityCache.Clear();
        _dirty = true;
    }
}
