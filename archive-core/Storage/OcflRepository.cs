namespace HafizaIzmir.Archive.Storage;

/// <summary>
/// An OCFL 1.1 storage root on an <see cref="IBlobStore"/>: objects laid out by the
/// 0003-hash-and-id-n-tuple-storage-layout extension, SHA-512 inventories with sidecars, immutable versions.
/// The commit point of a version is the conditional write of the object's root inventory.
/// </summary>
public sealed class OcflRepository(IBlobStore store, TimeProvider? clock = null)
{
    public IBlobStore Store { get; } = store;
    internal TimeProvider Clock { get; } = clock ?? TimeProvider.System;

    /// <summary>Writes the storage root declaration and layout description if absent.</summary>
    public Task InitializeAsync(CancellationToken ct = default) => throw new NotImplementedException();

    /// <summary>The object's key prefix under the storage root, by the layout extension.</summary>
    public static string ObjectRoot(string objectId) => throw new NotImplementedException();

    public Task<OcflObject?> GetObjectAsync(string objectId, CancellationToken ct = default) => throw new NotImplementedException();

    /// <summary>Opens a logical file of the head (or of <paramref name="version"/>); null if absent.</summary>
    public Task<Stream?> OpenFileAsync(string objectId, string logicalPath, int? version = null, CancellationToken ct = default) => throw new NotImplementedException();

    public Task<OcflCommitResult> CommitAsync(OcflCommit commit, CancellationToken ct = default) => throw new NotImplementedException();

    public IAsyncEnumerable<string> ListObjectIdsAsync(CancellationToken ct = default) => throw new NotImplementedException();

    public Task<OcflVerifyReport> VerifyAsync(bool repair, IProgress<int>? progress = null, CancellationToken ct = default) => throw new NotImplementedException();
}
