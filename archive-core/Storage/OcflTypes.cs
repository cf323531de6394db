using HafizaIzmir.Archive.Domain;

namespace HafizaIzmir.Archive.Storage;

/// <summary>The head state of one OCFL object, read from its root inventory.</summary>
public sealed record OcflObject(
    string Id,
    int Head,
    /// <summary>Logical path → SHA-512 digest of the head version.</summary>
    IReadOnlyDictionary<string, string> State,
    IReadOnlyList<OcflVersion> Versions);

public sealed record OcflVersion(int Number, DateTimeOffset Created, string Message, string User);

/// <summary>Bytes to store at a logical path; <see cref="Open"/> may be called more than once.</summary>
public sealed record OcflContent(Func<Stream> Open, string? Sha512 = null)
{
    public static OcflContent FromBytes(byte[] bytes) => new(() => new MemoryStream(bytes, writable: false));
    public static OcflContent FromFile(string path) => new(() => File.OpenRead(path));
}

/// <summary>
/// One new version of an object: logical paths to add or replace (content) or remove (null); every other
/// path of the head carries over unchanged. <see cref="ExpectedHead"/> null means "the object must not exist yet",
/// otherwise the head the caller read (0 is never a version).
/// </summary>
public sealed record OcflCommit(string ObjectId, int? ExpectedHead, CommitInfo Info, IReadOnlyDictionary<string, OcflContent?> Changes);

public sealed record OcflCommitResult(int Version, bool Changed);

/// <summary>Someone else saved the object first; <see cref="CurrentVersion"/> is what it is now (null: absent).</summary>
public sealed class OcflConflictException(string objectId, int? currentVersion)
    : Exception($"'{objectId}' was changed by someone else: it is now at version {(currentVersion is null ? "none" : "v" + currentVersion)}; reload and try again")
{
    public string ObjectId { get; } = objectId;
    public int? CurrentVersion { get; } = currentVersion;
}

/// <summary>What verify found: problems (with OCFL error codes where the specification has one) and what repair removed.</summary>
public sealed record OcflVerifyReport(int ObjectsChecked, IReadOnlyList<OcflProblem> Problems, IReadOnlyList<string> Repaired)
{
    /// <summary>True when nothing but warnings (codes starting with W) was found.</summary>
    public bool IsValid => Problems.All(p => p.IsWarning);
    public IEnumerable<OcflProblem> Errors => Problems.Where(p => !p.IsWarning);
    public IEnumerable<OcflProblem> Warnings => Problems.Where(p => p.IsWarning);
}

public sealed record OcflProblem(string Where, string Code, string Message)
{
    /// <summary>A "should" of the specification (W…), not a "must" (E…).</summary>
    public bool IsWarning => Code.StartsWith('W');

    public override string ToString() => $"{Code} {Where}: {Message}";
}
