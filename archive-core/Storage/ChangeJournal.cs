namespace HafizaIzmir.Archive.Storage;

/// <summary>One change: an object reached (or is about to reach) a version.</summary>
public sealed record JournalEntry(string Position, string ObjectId, int Version, DateTimeOffset At);

/// <summary>
/// The ordered list of changes, kept in the blob store beside the OCFL root, that the indexer and OAI
/// follow. Entries are written before the commit they announce, so a crash can never lose one;
/// a reader re-reads the object's head, which makes a stale or abandoned entry harmless.
/// </summary>
public sealed class ChangeJournal(IBlobStore store, TimeProvider? clock = null)
{
    public Task<JournalEntry> AppendAsync(string objectId, int version, CancellationToken ct = default) => throw new NotImplementedException();

    /// <summary>Entries after <paramref name="position"/> (all when null), oldest first.</summary>
    public IAsyncEnumerable<JournalEntry> ReadAfterAsync(string? position, CancellationToken ct = default) => throw new NotImplementedException();

    internal IBlobStore Store => store;
    internal TimeProvider Clock => clock ?? TimeProvider.System;
}
