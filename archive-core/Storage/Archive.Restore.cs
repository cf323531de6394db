using HafizaIzmir.Archive.Domain;

namespace HafizaIzmir.Archive.Storage;

public sealed partial class Archive
{
    /// <summary>
    /// Writes a record exactly as an export holds it (its audit fields included) as the first version of a new
    /// object, dated when the record last changed. For restoring into an empty store: it refuses to overwrite.
    /// </summary>
    public Task<OcflCommitResult> RestoreRecordAsync(Record record, IReadOnlyList<NewFile> files, string user, CancellationToken ct = default)
    {
        var changes = files.ToDictionary(f => f.Path, f => (OcflContent?)f.Content, StringComparer.Ordinal);
        changes[RecordFileName] = OcflContent.FromBytes(ArchiveJson.Serialize(record));
        return RestoreAsync(RecordPrefix + Checked(record.Identifier), changes, user, record.ChangedAt ?? record.CreatedAt, ct);
    }

    public Task<OcflCommitResult> RestoreAuthorityAsync(Authority authority, string user, CancellationToken ct = default) =>
        RestoreAsync(AuthorityPrefix + Checked(authority.Id), new Dictionary<string, OcflContent?> { [AuthorityFileName] = OcflContent.FromBytes(ArchiveJson.Serialize(authority)) },
            user, authority.ChangedAt ?? authority.CreatedAt, ct);

    public Task<OcflCommitResult> RestoreAccessionAsync(Accession accession, string user, CancellationToken ct = default) =>
        RestoreAsync(AccessionPrefix + Checked(accession.Id), new Dictionary<string, OcflContent?> { [AccessionFileName] = OcflContent.FromBytes(ArchiveJson.Serialize(accession)) },
            user, null, ct);

    private async Task<OcflCommitResult> RestoreAsync(string objectId, Dictionary<string, OcflContent?> changes, string user, DateTimeOffset? at, CancellationToken ct)
    {
        await Journal.AppendAsync(objectId, 1, ct);
        return await Repository.CommitAsync(new OcflCommit(objectId, null, new CommitInfo(user, "restored from an export", at), changes), ct);
    }
}
