using System.Globalization;
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
/// Names are folded and split once, looked at only when one of their words starts like the typed one,
/// and answers are ordered by precomputed sort keys: well under a millisecond per keystroke for tens of
/// thousands of authorities.
/// </summary>
public sealed class AuthorityNames(string path) : IDerivedData
{
    public const string FileName = "authority-names.json";
    private const int Format = 1;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private bool _dirty;
    // Entries by the first one and two letters of each word of their folded names; null after a change.
    private Dictionary<string, List<Entry>>? _byStart;
    private long _changes;

    public string Name => "authority names";
    public string Path { get; } = path;

    public int Count { get { lock (_gate) return _entries.Count; } }

    /// <summary>Grows with every change, so a structure built from <see cref="All"/> knows when to build itself again.</summary>
    public long Changes { get { lock (_gate) return _changes; } }

    /// <summary>Every authority with all its names, preferred first.</summary>
    public IReadOnlyList<(string Id, AuthorityKind Kind, IReadOnlyList<string> Names)> All()
    {
        lock (_gate) return [.. _entries.Values.Select(e => (e.Id, e.Kind, e.Names))];
    }

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
            foreach (var entry in Candidates(words))
            {
                if (kind is { } k && entry.Kind != k) continue;
                var best = -1;
                for (var i = 0; i < entry.Names.Count; i++)
                {
                    var rank = Rank(entry.Folded[i], entry.Words[i], folded, words);
                    if (rank < 0) continue;
                    // Preferred name (index 0) wins a tie with a variant.
                    var score = rank * 2 + (i == 0 ? 0 : 1);
                    if (best < 0 || score < found[^1].Rank)
                    {
                        if (best >= 0) found.RemoveAt(found.Count - 1);
                        found.Add((score, entry, i == 0 ? null : entry.Names[i]));
                        best = i;
                    }
                }
            }
        }
        // Sort keys compare as the Turkish alphabet does, byte by byte: a short prefix may match thousands.
        found.Sort((a, b) =>
        {
            var c = a.Rank.CompareTo(b.Rank);
            if (c == 0) c = SortKey.Compare(a.Entry.Order, b.Entry.Order);
            return c != 0 ? c : string.CompareOrdinal(a.Entry.Id, b.Entry.Id);
        });
        return [.. found.Take(limit).Select(f => new AuthorityMatch(f.Entry.Id, f.Entry.Kind, f.Entry.Name, f.Matched, f.Entry.Dates))];
    }

    /// <summary>
    /// The entries that can match: every match has a name word that starts with each query word (a name
    /// starting with the whole query too), so those with a word starting like the longest query word.
    /// The buckets by the first one and two letters of every name word are built again after a change.
    /// </summary>
    private IEnumerable<Entry> Candidates(string[] words)
    {
        var longest = words.MaxBy(w => w.Length)!;
        if (longest.Length == 0) return _entries.Values;
        if (_byStart is null)
        {
            _byStart = new Dictionary<string, List<Entry>>(StringComparer.Ordinal);
            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in _entries.Values)
            {
                keys.Clear();
                foreach (var word in entry.Words.SelectMany(w => w).Where(w => w.Length > 0))
                {
                    keys.Add(word[..1]);
                    if (word.Length > 1) keys.Add(word[..2]);
                }
                foreach (var key in keys)
                {
                    if (!_byStart.TryGetValue(key, out var bucket)) _byStart[key] = bucket = [];
                    bucket.Add(entry);
                }
            }
        }
        return _byStart.TryGetValue(longest[..Math.Min(2, longest.Length)], out var found) ? found : [];
    }

    /// <summary>0: the name starts with the query; 1: every query word starts some word of the name; -1: no match.</summary>
    private static int Rank(string name, string[] nameWords, string query, string[] words)
    {
        if (name.StartsWith(query, StringComparison.Ordinal)) return 0;
        foreach (var word in words)
        {
            var any = false;
            foreach (var n in nameWords)
                if (n.StartsWith(word, StringComparison.Ordinal)) { any = true; break; }
            if (!any) return -1;
        }
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
                _byStart = null;
                foreach (var e in file.Entries) _entries[e.Id] = Entry.Of(e.Id, e.Kind, e.Name, e.Names, e.Dates);
                _dirty = false;
                _changes++;
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
        lock (_gate)
        {
            _entries.Clear();
            _byStart = null;
            _changes++;
        }
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
            _byStart = null;
            _dirty = true;
            _changes++;
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
            _byStart = null;
            _dirty = true;
            _changes++;
        }
    }

    /// <summary>
    /// An authority with every name (preferred first), its folded form and words, and the sort key of the
    /// preferred name in Turkish alphabetical order, all computed once rather than per keystroke.
    /// </summary>
    private sealed record Entry(string Id, AuthorityKind Kind, string Name, IReadOnlyList<string> Names, IReadOnlyList<string> Folded,
        IReadOnlyList<string[]> Words, SortKey Order, string? Dates)
    {
        private static readonly CompareInfo Turkish = CultureInfo.GetCultureInfo("tr-TR").CompareInfo;

        public static Entry Of(string id, AuthorityKind kind, string name, IReadOnlyList<string> names, string? dates)
        {
            string[] folded = [.. names.Select(TurkishText.Fold)];
            return new(id, kind, name, names, folded, [.. folded.Select(f => f.Split(' '))], Turkish.GetSortKey(name, CompareOptions.None), dates);
        }
    }

    private sealed record StoredFile(int Format, List<StoredEntry> Entries);

    private sealed record StoredEntry(string Id, AuthorityKind Kind, string Name, IReadOnlyList<string> Names, string? Dates);
}
