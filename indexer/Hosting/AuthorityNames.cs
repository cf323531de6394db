using System.Text.Json;
using HafizaIzmir.Archive.Derived;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Text;

namespace HafizaIzmir.Indexer.Hosting;

using Archive = HafizaIzmir.Archive.Storage.Archive;

/// <summary>One autocomplete answer: the authority, and the variant that matched when it was not the preferred name.</summary>
public sealed record AuthorityMatch(string Id, AuthorityKind Kind, string Name, string? Matched, string? Dates);

/// <summary>
/// Every authority's preferred and variant names, folded, in memory: the autocomplete behind the
/// cataloguing forms and the search filters. Authorities have no drafts, so all of them are listed.
/// A linear scan over a few tens of thousands of names stays far below a millisecond per keystroke.
/// </summary>
public sealed class AuthorityNames(string path) : IDerivedData
{
    public const string FileName = "authority-names.json";
    private const int Format = 1;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private bool _dirty;

    public string Name => "authority names";
    public string Path { get; } = path;

    public int Count { get { lock (_gate) return _entries.Count; } }

    /// <summary>
    /// Authorities whose preferred or variant name matches <paramref name="query"/> after folding: the whole
    /// name starts with it, or else each of its words starts a word of the name. Whole-name matches first,
    /// then preferred before variant names, then alphabetical.
    /// </summary>
    public IReadOnlyList<AuthorityMatch> Lookup(string query, AuthorityKind? kind, int limit)
    {
        var folded = TurkishText.Fold(query);
        if (folded.Length == 0 || limit <= 0) return [];
        var words = folded.Split(' ');
        var found = new List<(int Rank, Entry Entry, string? Matched)>();
        lock (_gate)
        {
            foreach (var entry in _entries.Values)
            {
                if (kind is { } k && entry.Kind != k) continue;
                (int Rank, string? Matched)? best = null;
                for (var i = 0; i < entry.Names.Count; i++)
                {
                    var rank = Rank(entry.Folded[i], folded, words);
                    if (rank < 0) continue;
                    // Preferred name (index 0) wins a tie with a variant.
                    var score = rank * 2 + (i == 0 ? 0 : 1);
                    if (best is null || score < best.Value.Rank) best = (score, i == 0 ? null : entry.Names[i]);
                }
                if (best is { } b) found.Add((b.Rank, entry, b.Matched));
            }
        }
        return found
            .OrderBy(f => f.Rank)
            .ThenBy(f => f.Entry.Name, TurkishText.Alphabetical)
            .ThenBy(f => f.Entry.Id, StringComparer.Ordinal)
            .Take(limit)
            .Select(f => new AuthorityMatch(f.Entry.Id, f.Entry.Kind, f.Entry.Name, f.Matched, f.Entry.Dates))
            .ToList();
    }

    /// <summary>0: the name starts with the query; 1: every query word starts some word of the name; -1: no match.</summary>
    private static int Rank(string name, string query, string[] words)
    {
        if (name.StartsWith(query, StringComparison.Ordinal)) return 0;
        var nameWords = name.Split(' ');
        foreach (var word in words)
            if (!nameWords.Any(n => n.StartsWith(word, StringComparison.Ordinal))) return -1;
        return 1;
    }

    public async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!File.Exists(Path)) return false;
        try
        {
            await using var stream = File.OpenRead(Path);
            var file = await JsonSerializer.DeserializeAsync<StoredFile>(stream, Json, ct);
            if (file is null || file.Format != Format) return false;
            lock (_gate)
            {
                _entries.Clear();
                foreach (var e in file.Entries) _entries[e.Id] = Entry.Of(e.Id, e.Kind, e.Name, e.Names, e.Dates);
                _dirty = false;
            }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public async Task RebuildAsync(Archive archive, IProgress<int> progress, CancellationToken ct)
    {
        lock (_gate) _entries.Clear();
        var count = 0;
        await foreach (var authority in archive.ListAuthoritiesAsync(ct))
        {
            Put(authority.Value);
            progress.Report(++count);
        }
        lock (_gate) _dirty = true;
        await SaveAsync(ct);
    }

    public Task ApplyAsync(ArchiveChange change, CancellationToken ct)
    {
        if (!change.Entry.ObjectId.StartsWith(ArchiveChange.AuthorityPrefix, StringComparison.Ordinal)) return Task.CompletedTask;
        var id = change.Entry.ObjectId[ArchiveChange.AuthorityPrefix.Length..];
        lock (_gate)
        {
            _entries.Remove(id);
            _dirty = true;
        }
        if (change.Authority is { } authority) Put(authority);
        return Task.CompletedTask;
    }

    public async Task SaveAsync(CancellationToken ct)
    {
        StoredFile file;
        lock (_gate)
        {
            if (!_dirty && File.Exists(Path)) return;
            file = new StoredFile(Format, [.. _entries.Values.OrderBy(e => e.Id, StringComparer.Ordinal)
                .Select(e => new StoredEntry(e.Id, e.Kind, e.Name, e.Names, e.Dates))]);
            _dirty = false;
        }
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        // Write beside and rename so a crash leaves either the old or the new file, never half of one.
        var temp = Path + ".tmp";
        await using (var stream = File.Create(temp))
            await JsonSerializer.SerializeAsync(stream, file, Json, ct);
        File.Move(temp, Path, overwrite: true);
    }

    private void Put(Authority authority)
    {
        // A merged duplicate answers to nothing: its names live on as the survivor's variants.
        if (authority.MergedInto is not null) return;
        var entry = Entry.Of(authority.Id, authority.Kind, authority.Name, [.. authority.AllNames.Distinct(StringComparer.Ordinal)], authority.Dates?.Text);
        lock (_gate)
        {
            _entries[entry.Id] = entry;
            _dirty = true;
        }
    }

    /// <summary>An authority with every name (preferred first) and its folded form, computed once.</summary>
    private sealed record Entry(string Id, AuthorityKind Kind, string Name, IReadOnlyList<string> Names, IReadOnlyList<string> Folded, string? Dates)
    {
        public static Entry Of(string id, AuthorityKind kind, string name, IReadOnlyList<string> names, string? dates) =>
            new(id, kind, name, names, [.. names.Select(TurkishText.Fold)], dates);
    }

    private sealed record StoredFile(int Format, List<StoredEntry> Entries);

    private sealed record StoredEntry(string Id, AuthorityKind Kind, string Name, IReadOnlyList<string> Names, string? Dates);
}
