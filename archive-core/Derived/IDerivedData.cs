using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;

namespace HafizaIzmir.Archive.Derived;

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
public sealed record ArchiveChange(JournalEntry Entry, Record? Record = null, Authority? Authority = null, Accession? Accession = null, int? HeadVersion = null, Story? Story = null)
{
    public const string RecordPrefix = "record:";
    public const string AuthorityPrefix = "authority:";
    public const string AccessionPrefix = "accession:";
    public const string StoryPrefix = "story:";

    /// <summary>The record identifier when the entry is about a record (present or not), else null.</summary>
    public string? RecordIdentifier => Entry.ObjectId.StartsWith(RecordPrefix, StringComparison.Ordinal)
        ? Entry.ObjectId[RecordPrefix.Length..]
        : null;

    /// <summary>
    /// True while the entry announces a version the object has not reached yet: the commit is still in
    /// progress (or failed; after <paramref name="settle"/> it is treated as abandoned).
    /// </summary>
    public bool IsPending(DateTimeOffset now, TimeSpan settle) => (HeadVersion ?? 0) < Entry.Version && now - Entry.At < settle;

    public static async Task<ArchiveChange> ReadAsync(Archive archive, JournalEntry entry, CancellationToken ct)
    {
        var id = entry.ObjectId;
        if (id.StartsWith(RecordPrefix, StringComparison.Ordinal))
        {
            var record = await archive.GetRecordAsync(id[RecordPrefix.Length..], ct);
            return new(entry, Record: record?.Value, HeadVersion: record?.Version);
        }
        if (id.StartsWith(AuthorityPrefix, StringComparison.Ordinal))
        {
            var authority = await archive.GetAuthorityAsync(id[AuthorityPrefix.Length..], ct);
            return new(entry, Authority: authority?.Value, HeadVersion: authority?.Version);
        }
        if (id.StartsWith(AccessionPrefix, StringComparison.Ordinal))
        {
            var accession = await archive.GetAccessionAsync(id[AccessionPrefix.Length..], ct);
            return new(entry, Accession: accession?.Value, HeadVersion: accession?.Version);
        }
        if (id.StartsWith(StoryPrefix, StringComparison.Ordinal))
        {
            var story = await archive.GetStoryAsync(id[StoryPrefix.Length..], ct);
            return new(entry, Story: story?.Value, HeadVersion: story?.Version);
        }
        return new(entry);
    }
}
