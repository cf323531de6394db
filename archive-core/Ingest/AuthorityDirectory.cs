using System.Security.Cryptography;
using System.Text;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Text;

namespace HafizaIzmir.Archive.Ingest;

public enum AuthoritySource { Storage, AuthoritiesFile, RecordName }

/// <summary>An authority as the name matching sees it: its id, kind and every name it answers to.</summary>
public sealed record DirectoryEntry(string Id, AuthorityKind Kind, string Name, IReadOnlyList<string> Names, AuthoritySource Source)
{
    public override string ToString() => $"{Id} ({Name})";
}

/// <summary>The authorities a name matched; more than one means the name is ambiguous and must not be guessed.</summary>
public sealed record NameMatch(string Name, IReadOnlyList<DirectoryEntry> Candidates)
{
    public DirectoryEntry? Single => Candidates.Count == 1 ? Candidates[0] : null;
    public bool IsAmbiguous => Candidates.Count > 1;

    public string AmbiguityMessage =>
        $"'{Name}' is ambiguous: it matches {string.Join(" and ", Candidates.Select(c => $"{c.Kind.Code()} {c}"))}; use a more specific name";
}

/// <summary>
/// Every known authority by its Turkish-folded preferred and variant names, per kind: those in storage,
/// those of the authorities file (which replace the stored names of the authority they update) and
/// those created from names in record rows.
/// </summary>
public sealed class AuthorityDirectory
{
    private readonly Dictionary<string, DirectoryEntry> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<(AuthorityKind Kind, string Key), List<string>> _byName = [];
    // Ids of merged duplicates: matched by no name (the survivor carries their names) but never given out again.
    private readonly HashSet<string> _retired = new(StringComparer.Ordinal);

    public AuthorityDirectory(IEnumerable<Authority> stored)
    {
        foreach (var a in stored)
        {
            if (a.MergedInto is not null) _retired.Add(a.Id);
            else Register(a.Id, a.Kind, a.Name, a.Variants.Select(v => v.Name), AuthoritySource.Storage);
        }
    }

    public static async Task<AuthorityDirectory> LoadAsync(Storage.Archive archive, CancellationToken ct = default)
    {
        var stored = new List<Authority>();
        await foreach (var a in archive.ListAuthoritiesAsync(ct)) stored.Add(a.Value);
        return new AuthorityDirectory(stored);
    }

    public DirectoryEntry? Get(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Adds the authority, or replaces the names it had when it is already known by this id.</summary>
    public DirectoryEntry Register(string id, AuthorityKind kind, string name, IEnumerable<string> variants, AuthoritySource source)
    {
        if (_byId.TryGetValue(id, out var previous))
            foreach (var key in previous.Names.Select(TurkishText.Fold).Distinct())
                _byName[(previous.Kind, key)].Remove(id);
        var entry = new DirectoryEntry(id, kind, name, variants.Prepend(name).ToArray(), source);
        _byId[id] = entry;
        foreach (var key in entry.Names.Select(TurkishText.Fold).Where(k => k.Length > 0).Distinct())
        {
            if (!_byName.TryGetValue((kind, key), out var ids)) _byName[(kind, key)] = ids = [];
            ids.Add(id);
        }
        return entry;
    }

    public NameMatch Find(AuthorityKind kind, string name) =>
        new(name, _byName.TryGetValue((kind, TurkishText.Fold(name)), out var ids) ? ids.Select(i => _byId[i]).ToArray() : []);

    /// <summary>For relation targets, whose kind the CSV does not say: every kind is searched.</summary>
    public NameMatch FindAnyKind(string name) =>
        new(name, Enum.GetValues<AuthorityKind>().SelectMany(k => Find(k, name).Candidates).ToArray());

    /// <summary>A fresh id for a new authority: <see cref="AuthorityIds.For"/>, disambiguated in the rare case it is taken.</summary>
    public string NewId(AuthorityKind kind, string name)
    {
        var id = AuthorityIds.For(kind, name);
        // Taken only when an authority created under this name was since renamed; the id must stay theirs.
        for (var n = 2; _byId.ContainsKey(id) || _retired.Contains(id); n++) id = $"{AuthorityIds.For(kind, name)}-{n}";
        return id;
    }
}

/// <summary>Authority ids: assigned once from the name at creation, never recomputed when the name changes.</summary>
public static class AuthorityIds
{
    private const string Base32 = "abcdefghijklmnopqrstuvwxyz234567";

    public static char Letter(AuthorityKind kind) => kind switch
    {
        AuthorityKind.Person => 'p',
        AuthorityKind.Institution => 'i',
        _ => 'l',
    };

    /// <summary><c>p-</c>/<c>i-</c>/<c>l-</c> and ten base32 characters of SHA-256 over the kind and folded name.</summary>
    public static string For(AuthorityKind kind, string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(kind.Code() + ":" + TurkishText.Fold(name)));
        var sb = new StringBuilder(12).Append(Letter(kind)).Append('-');
        // Ten base32 characters are 50 bits, taken from the first seven bytes.
        ulong bits = 0;
        for (var i = 0; i < 7; i++) bits = (bits << 8) | hash[i];
        for (var i = 0; i < 10; i++) sb.Append(Base32[(int)((bits >> (56 - 5 * (i + 1))) & 31)]);
        return sb.ToString();
    }
}
