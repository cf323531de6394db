using System.Text.Json;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Oai.Protocol;
using HafizaIzmir.Oai.Source;

namespace HafizaIzmir.Oai.Catalogue;

using Archive = HafizaIzmir.Archive.Storage.Archive;

// Rebuilding from the archive, and the catalogue file: one compact JSON document rewritten atomically.
public sealed partial class OaiCatalogue
{
    public const string FileName = "catalogue.json";
    private const int Format = 1;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string FilePath => Path.Combine(Directory, FileName);

    /// <summary>
    /// Walks the whole archive. A rebuild knows only what storage says: published records get the latest
    /// modification of anything they disseminate (the record, its authorities, its ancestors) as datestamp,
    /// withdrawn ones become deleted headers; a record unpublished in another way before the rebuild is forgotten.
    /// </summary>
    public async Task RebuildAsync(Archive archive, IProgress<int> progress, CancellationToken ct)
    {
        var authorities = new Dictionary<string, Versioned<Authority>>(StringComparer.Ordinal);
        await foreach (var authority in archive.ListAuthoritiesAsync(ct)) authorities[authority.Value.Id] = authority;
        lock (_gate)
        {
            Clear();
            foreach (var (id, authority) in authorities) _authorityHashes[id] = ContentHashes.Of(authority.Value);
        }

        var modified = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var found = new List<(string Id, bool Deleted, List<string> Authorities, IReadOnlyList<string> Own, string Content)>();
        var count = 0;
        await foreach (var versioned in archive.ListRecordsAsync(ct))
        {
            var record = versioned.Value;
            lock (_gate) PutNode(record.Identifier, CatalogueNode.From(record));
            modified[record.Identifier] = versioned.Modified;
            if (_isPublic(record))
            {
                var linked = record.Authorities.Select(l => l.AuthorityId).Distinct(StringComparer.Ordinal).ToList();
                var resolved = linked.Select(authorities.GetValueOrDefault).OfType<Versioned<Authority>>().Select(a => a.Value).ToList();
                var own = OwnSpecs(record, resolved);
                found.Add((record.Identifier, false, linked, own, ContentHashes.Content(record, resolved, own)));
            }
            else if (record.State == WorkflowState.Withdrawn)
                found.Add((record.Identifier, true, [], OaiSets.For([], record.Axes, false), ""));
            progress.Report(++count);
        }

        lock (_gate)
        {
            foreach (var (id, deleted, linked, own, content) in found)
            {
                var line = Line(id);
                var latest = modified[id];
                if (!deleted)
                {
                    foreach (var a in linked)
                        if (authorities.TryGetValue(a, out var authority) && authority.Modified > latest) latest = authority.Modified;
                    foreach (var (ancestor, _) in line.SkipLast(1))
                        if (modified.TryGetValue(ancestor, out var at) && at > latest) latest = at;
                }
                var fingerprint = deleted ? "" : ContentHashes.Fingerprint(content, line.SkipLast(1));
                Put(new CatalogueEntry(id, OaiDatestamp.Truncate(latest), deleted, SetSpecs(line, own), linked, own, content, fingerprint));
            }
        }
        await SaveAsync(ct);
    }

    public async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!File.Exists(FilePath)) return false;
        try
        {
            await using var stream = File.OpenRead(FilePath);
            var file = await JsonSerializer.DeserializeAsync<StoredCatalogue>(stream, Json, ct);
            if (file is null || file.Format != Format) return false;
            lock (_gate)
            {
                Clear();
                foreach (var n in file.Nodes) PutNode(n.I, new CatalogueNode(n.P, n.L, n.T, n.E));
                foreach (var e in file.Entries)
                    Put(new CatalogueEntry(e.I, DateTimeOffset.FromUnixTimeSeconds(e.D), e.X, e.S, e.A, e.O, e.C, e.F));
                foreach (var (id, hash) in file.Authorities) _authorityHashes[id] = hash;
                _dirty = false;
            }
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or KeyNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Writes beside and renames, so a crash leaves the old or the new catalogue, never half of one.</summary>
    public async Task SaveAsync(CancellationToken ct)
    {
        StoredCatalogue file;
        lock (_gate)
        {
            if (!_dirty && File.Exists(FilePath)) return;
            file = new StoredCatalogue(Format,
                _entries.Values.OrderBy(e => e.Position).Select(e => new StoredEntry(
                    e.Identifier, e.Datestamp.ToUnixTimeSeconds(), e.Deleted, e.SetSpecs, e.Authorities, e.OwnSpecs, e.ContentHash, e.Fingerprint)).ToList(),
                _nodes.Select(p => new StoredNode(p.Key, p.Value.Parent, p.Value.Level, p.Value.Title, p.Value.TitleEn)).ToList(),
                new Dictionary<string, string>(_authorityHashes, StringComparer.Ordinal));
            _dirty = false;
        }
        System.IO.Directory.CreateDirectory(Directory);
        var temp = FilePath + ".tmp";
        try
        {
            await using (var stream = File.Create(temp))
                await JsonSerializer.SerializeAsync(stream, file, Json, ct);
            File.Move(temp, FilePath, overwrite: true);
        }
        catch
        {
            lock (_gate) _dirty = true;
            throw;
        }
    }

    // Short property names: the file holds tens of thousands of entries.
    private sealed record StoredCatalogue(int Format, List<StoredEntry> Entries, List<StoredNode> Nodes, Dictionary<string, string> Authorities);

    private sealed record StoredEntry(string I, long D, bool X, IReadOnlyList<string> S, IReadOnlyList<string> A, IReadOnlyList<string> O, string C, string F);

    private sealed record StoredNode(string I, string? P, Level L, string T, string? E);
}
