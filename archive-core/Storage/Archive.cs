using System.Text;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using HafizaIzmir.Archive.Domain;

namespace HafizaIzmir.Archive.Storage;

public sealed record Versioned<T>(T Value, int Version, DateTimeOffset Modified);

/// <summary>A new or replaced file of a record, at its logical path (<c>files/0001.tif</c>).</summary>
public sealed record NewFile(string Path, OcflContent Content);

/// <summary>
/// The archive as the rest of the system sees it: records, authorities and accessions, each one OCFL
/// object, saved as new versions and announced in the change journal. Object ids are
/// <c>record:{identifier}</c>, <c>authority:{id}</c> and <c>accession:{id}</c>; the description is the
/// logical file <c>record.json</c>, <c>authority.json</c> or <c>accession.json</c> (<see cref="ArchiveJson"/>),
/// a record's files sit beside it at their <see cref="RecordFile.Path"/>.
/// </summary>
public sealed partial class Archive(OcflRepository repository, ChangeJournal journal)
{
    public const string RecordPrefix = "record:";
    public const string AuthorityPrefix = "authority:";
    public const string AccessionPrefix = "accession:";
    private const string RecordFileName = "record.json";
    private const string AuthorityFileName = "authority.json";
    private const string AccessionFileName = "accession.json";

    public OcflRepository Repository { get; } = repository;
    public ChangeJournal Journal { get; } = journal;

    public Task<Versioned<Record>?> GetRecordAsync(string identifier, CancellationToken ct = default) =>
        GetAsync<Record>(RecordPrefix + Checked(identifier), RecordFileName, ct);

    public Task<Versioned<Authority>?> GetAuthorityAsync(string id, CancellationToken ct = default) =>
        GetAsync<Authority>(AuthorityPrefix + Checked(id), AuthorityFileName, ct);

    public Task<Versioned<Accession>?> GetAccessionAsync(string id, CancellationToken ct = default) =>
        GetAsync<Accession>(AccessionPrefix + Checked(id), AccessionFileName, ct);

    public IAsyncEnumerable<Versioned<Record>> ListRecordsAsync(CancellationToken ct = default) =>
        ListAsync<Record>(RecordPrefix, RecordFileName, ct);

    public IAsyncEnumerable<Versioned<Authority>> ListAuthoritiesAsync(CancellationToken ct = default) =>
        ListAsync<Authority>(AuthorityPrefix, AuthorityFileName, ct);

    public IAsyncEnumerable<Versioned<Accession>> ListAccessionsAsync(CancellationToken ct = default) =>
        ListAsync<Accession>(AccessionPrefix, AccessionFileName, ct);

    /// <summary>
    /// Saves the record as a new version unless nothing but its audit fields differ from the head
    /// (then <see cref="OcflCommitResult.Changed"/> is false and no version is written).
    /// <paramref name="expectedVersion"/>: null for a new record, else the version the caller read.
    /// Throws <see cref="OcflConflictException"/> when someone saved first.
    /// Files of the head that <see cref="Record.Files"/> no longer lists (and that are not in <paramref name="files"/>) are removed,
    /// except transcriptions and review notes (<see cref="TranscriptionFolder"/>, <see cref="ReviewFolder"/>), which go only
    /// when <paramref name="removing"/> names them.
    /// </summary>
    public async Task<OcflCommitResult> SaveRecordAsync(Record record, IReadOnlyList<NewFile> files, int? expectedVersion, CommitInfo info, CancellationToken ct = default,
        IReadOnlyList<string>? removing = null)
    {
        var objectId = RecordPrefix + Checked(record.Identifier);
        foreach (var file in files)
            if (file.Path == RecordFileName) throw new ArgumentException($"a record file cannot be called '{RecordFileName}'", nameof(files));
        var head = await GetAsync<Record>(objectId, RecordFileName, ct);
        var state = head is null ? null : (await Repository.GetObjectAsync(objectId, ct))?.State;
        var at = info.At ?? Repository.Clock.GetUtcNow();
        var stamped = record with
        {
            CreatedBy = head?.Value.CreatedBy ?? info.User,
            CreatedAt = head?.Value.CreatedAt ?? at,
            ChangedBy = info.User,
            ChangedAt = at,
        };
        var changes = new Dictionary<string, OcflContent?>(StringComparer.Ordinal);
        foreach (var file in files) changes[file.Path] = file.Content;
        var kept = record.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var path in state?.Keys ?? [])
            if (path != RecordFileName && !kept.Contains(path) && !changes.ContainsKey(path) && !IsKeptBeside(path)) changes[path] = null;
        foreach (var path in removing ?? [])
            if (state?.ContainsKey(path) == true) changes[path] = null;
        var filesUnchanged = changes.All(c => c.Value?.Sha512 is { } sha && state is not null
            && state.TryGetValue(c.Key, out var current) && current.Equals(sha, StringComparison.OrdinalIgnoreCase));
        return await SaveAsync(objectId, RecordFileName, Canonical(record), head is null ? null : Canonical(head.Value), head?.Version,
            ArchiveJson.Serialize(stamped), filesUnchanged ? [] : changes, expectedVersion, info with { At = at }, ct);
    }

    public async Task<OcflCommitResult> SaveAuthorityAsync(Authority authority, int? expectedVersion, CommitInfo info, CancellationToken ct = default)
    {
        var objectId = AuthorityPrefix + Checked(authority.Id);
        var head = await GetAsync<Authority>(objectId, AuthorityFileName, ct);
        var at = info.At ?? Repository.Clock.GetUtcNow();
        var stamped = authority with
        {
            CreatedBy = head?.Value.CreatedBy ?? info.User,
            CreatedAt = head?.Value.CreatedAt ?? at,
            ChangedBy = info.User,
            ChangedAt = at,
        };
        return await SaveAsync(objectId, AuthorityFileName, Canonical(authority), head is null ? null : Canonical(head.Value), head?.Version,
            ArchiveJson.Serialize<Authority>(stamped), [], expectedVersion, info with { At = at }, ct);
    }

    public async Task<OcflCommitResult> SaveAccessionAsync(Accession accession, int? expectedVersion, CommitInfo info, CancellationToken ct = default)
    {
        var objectId = AccessionPrefix + Checked(accession.Id);
        var head = await GetAsync<Accession>(objectId, AccessionFileName, ct);
        var json = ArchiveJson.Serialize(accession);
        return await SaveAsync(objectId, AccessionFileName, Encoding.UTF8.GetString(json), head is null ? null : Encoding.UTF8.GetString(ArchiveJson.Serialize(head.Value)),
            head?.Version, json, [], expectedVersion, info with { At = info.At ?? Repository.Clock.GetUtcNow() }, ct);
    }

    /// <summary>
    /// Where a record keeps the corrected text of its pages (<c>transcriptions/0001.txt</c>). These files are
    /// not scans, so they are not listed in <see cref="Record.Files"/> and a save that does not mention them keeps them.
    /// </summary>
    public const string TranscriptionFolder = "transcriptions/";

    public static string TranscriptionPath(int page) =>
        TranscriptionFolder + page.ToString("0000", System.Globalization.CultureInfo.InvariantCulture) + ".txt";

    /// <summary>
    /// Where the catalogue keeps the notes of a record's current review round (<c>review/notes.json</c>): committed
    /// in the very version that returns the record, removed by the next submission, so every round's notes stay
    /// in the record's history. Like transcriptions they are not scans and survive saves that do not mention them.
    /// </summary>
    public const string ReviewFolder = "review/";

    private static bool IsKeptBeside(string path) =>
        path.StartsWith(TranscriptionFolder, StringComparison.Ordinal) || path.StartsWith(ReviewFolder, StringComparison.Ordinal);

    /// <summary>A stored file of the record's head version; null if absent.</summary>
    public Task<Stream?> OpenRecordFileAsync(string identifier, string path, CancellationToken ct = default) =>
        Repository.OpenFileAsync(RecordPrefix + Checked(identifier), path, ct: ct);

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="identifier"/> is a valid reference code or id.</summary>
    public static string Checked(string identifier) =>
        identifier is not null && Identifier().IsMatch(identifier)
            ? identifier
            : throw new InvalidIdentifierException($"'{identifier}' is not a valid identifier: use 1–100 letters, digits, '.', '_' or '-', starting with a letter or digit");

    private async Task<OcflCommitResult> SaveAsync(string objectId, string fileName, string canonical, string? headCanonical, int? headVersion,
        byte[] json, Dictionary<string, OcflContent?> otherChanges, int? expectedVersion, CommitInfo info, CancellationToken ct)
    {
        if (headVersion != expectedVersion) throw new OcflConflictException(objectId, headVersion);
        if (headCanonical == canonical && otherChanges.Count == 0) return new OcflCommitResult(headVersion ?? 0, Changed: false);
        var changes = new Dictionary<string, OcflContent?>(otherChanges, StringComparer.Ordinal);
        if (headCanonical != canonical) changes[fileName] = OcflContent.FromBytes(json);
        // Announce first: a crash after this leaves an entry whose version never appears, which readers skip.
        await Journal.AppendAsync(objectId, (headVersion ?? 0) + 1, ct);
        return await Repository.CommitAsync(new OcflCommit(objectId, expectedVersion, info, changes), ct);
    }

    private async Task<Versioned<T>?> GetAsync<T>(string objectId, string fileName, CancellationToken ct)
    {
        if (await Repository.OpenHeadFileAsync(objectId, fileName, ct) is not var (head, file)) return null;
        await using var stream = file ?? throw new InvalidDataException($"'{objectId}' v{head.Head} has no {fileName}");
        var value = await ArchiveJson.DeserializeAsync<T>(stream, $"{objectId} {fileName}", ct);
        return new Versioned<T>(value, head.Head, head.Versions.Count > 0 ? head.Versions[^1].Created : default);
    }

    private async IAsyncEnumerable<Versioned<T>> ListAsync<T>(string prefix, string fileName, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var id in Repository.ListObjectIdsAsync(ct))
        {
            if (!id.StartsWith(prefix, StringComparison.Ordinal)) continue;
            if (await GetAsync<T>(id, fileName, ct) is { } value) yield return value;
        }
    }

    private static string Canonical(Record r) =>
        Encoding.UTF8.GetString(ArchiveJson.Serialize(r with { CreatedBy = null, CreatedAt = null, ChangedBy = null, ChangedAt = null }));

    private static string Canonical(Authority a) =>
        Encoding.UTF8.GetString(ArchiveJson.Serialize<Authority>(a with { CreatedBy = null, CreatedAt = null, ChangedBy = null, ChangedAt = null }));

    /// <summary>Whether <paramref name="text"/> is a valid reference code or id (see <see cref="Checked"/>).</summary>
    public static bool IsIdentifier(string? text) => text is not null && Identifier().IsMatch(text);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex Identifier();
}
