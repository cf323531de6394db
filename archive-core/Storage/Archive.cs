using HafizaIzmir.Archive.Domain;

namespace HafizaIzmir.Archive.Storage;

public sealed record Versioned<T>(T Value, int Version, DateTimeOffset Modified);

/// <summary>A new or replaced file of a record, at its logical path (<c>files/0001.tif</c>).</summary>
public sealed record NewFile(string Path, OcflContent Content);

/// <summary>
/// The archive as the rest of the system sees it: records, authorities and accessions, each one OCFL
/// object, saved as new versions and announced in the change journal. Object ids are
/// <c>record:{identifier}</c>, <c>authority:{id}</c> and <c>accession:{id}</c>.
/// </summary>
public sealed class Archive(OcflRepository repository, ChangeJournal journal)
{
    public OcflRepository Repository { get; } = repository;
    public ChangeJournal Journal { get; } = journal;

    public Task<Versioned<Record>?> GetRecordAsync(string identifier, CancellationToken ct = default) => throw new NotImplementedException();
    public Task<Versioned<Authority>?> GetAuthorityAsync(string id, CancellationToken ct = default) => throw new NotImplementedException();
    public Task<Versioned<Accession>?> GetAccessionAsync(string id, CancellationToken ct = default) => throw new NotImplementedException();
    public IAsyncEnumerable<Versioned<Record>> ListRecordsAsync(CancellationToken ct = default) => throw new NotImplementedException();
    public IAsyncEnumerable<Versioned<Authority>> ListAuthoritiesAsync(CancellationToken ct = default) => throw new NotImplementedException();

    /// <summary>
    /// Saves the record as a new version unless nothing but its audit fields differ from the head
    /// (then <see cref="OcflCommitResult.Changed"/> is false and no version is written).
    /// <paramref name="expectedVersion"/>: null for a new record, else the version the caller read.
    /// Throws <see cref="OcflConflictException"/> when someone saved first.
    /// </summary>
    public Task<OcflCommitResult> SaveRecordAsync(Record record, IReadOnlyList<NewFile> files, int? expectedVersion, CommitInfo info, CancellationToken ct = default) => throw new NotImplementedException();
    public Task<OcflCommitResult> SaveAuthorityAsync(Authority authority, int? expectedVersion, CommitInfo info, CancellationToken ct = default) => throw new NotImplementedException();
    public Task<OcflCommitResult> SaveAccessionAsync(Accession accession, int? expectedVersion, CommitInfo info, CancellationToken ct = default) => throw new NotImplementedException();

    /// <summary>A stored file of the record's head version; null if absent.</summary>
    public Task<Stream?> OpenRecordFileAsync(string identifier, string path, CancellationToken ct = default) => throw new NotImplementedException();
}
