using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;

namespace HafizaIzmir.Site.Derived;

using Archive = HafizaIzmir.Archive.Storage.Archive;

/// <summary>
/// A structure computed from the blob store alone (record tree, search index, OAI lists). It can always be
/// thrown away and rebuilt; between rebuilds it is kept current by applying journal changes one at a time.
/// </summary>
public interface IDerivedData
{
    /// <summary>Short name for progress and logs ("record tree", "search index").</summary>
    string Name { get; }

    /// <summary>Loads the persisted state; false when it is missing or unreadable (then everything is rebuilt).</summary>
    Task<bool> LoadAsync(CancellationToken ct);

    /// <summary>Discards the current state and builds it again from <paramref name="archive"/>; reports objects done.</summary>
    Task RebuildAsync(Archive archive, IProgress<int> progress, CancellationToken ct);

    /// <summary>Brings the state in line with one object's new head. Must be idempotent: a change may arrive twice.</summary>
    Task ApplyAsync(ArchiveChange change, CancellationToken ct);

    /// <summary>Persists what was applied; called before the journal position is moved past it.</summary>
    Task SaveAsync(CancellationToken ct);
}

/// <summary>
/// One object as it is now, after a journal entry announced a change to it. The value is re-read from the
/// archive (never taken from the entry), so a stale or repeated entry simply re-applies the current state.
/// Exactly one of the values is set when the object exists; none when it is gone.
/// </summary>
public sealed record ArchiveChange(JournalEntry Entry, Record? Record = null, Authority? Authority = null, Accession? Accession = null)
{
    public const string RecordPrefix = "record:";
    public const string AuthorityPrefix = "authority:";
    public const string AccessionPrefix = "accession:";

    /// <summary>The record identifier when the entry is about a record (present or not), else null.</summary>
    public string? RecordIdentifier => Entry.ObjectId.StartsWith(RecordPrefix, StringComparison.Ordinal)
        ? Entry.ObjectId[RecordPrefix.Length..]
        : null;

    public static async Task<ArchiveChange> ReadAsync(Archive archive, JournalEntry entry, CancellationToken ct)
    {
        var id = entry.ObjectId;
        if (id.StartsWith(RecordPrefix, StringComparison.Ordinal))
            return new(entry, Record: (await archive.GetRecordAsync(id[RecordPrefix.Length..], ct))?.Value);
        if (id.StartsWith(AuthorityPrefix, StringComparison.Ordinal))
            return new(entry, Authority: (await archive.GetAuthorityAsync(id[AuthorityPrefix.Length..], ct))?.Value);
        if (id.StartsWith(AccessionPrefix, StringComparison.Ordinal))
            return new(entry, Accession: (await archive.GetAccessionAsync(id[AccessionPrefix.Length..], ct))?.Value);
        return new(entry);
    }
}
