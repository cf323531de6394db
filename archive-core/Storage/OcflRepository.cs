using System.Runtime.CompilerServices;
using System.Text;

namespace HafizaIzmir.Archive.Storage;

/// <summary>
/// An OCFL 1.1 storage root on an <see cref="IBlobStore"/>: objects laid out by the
/// 0003-hash-and-id-n-tuple-storage-layout extension, SHA-512 inventories with sidecars, immutable versions.
/// The commit point of a version is the conditional write of the object's root inventory
/// (the algorithm is described on <see cref="OcflCommitter"/>).
/// <para>
/// The storage root lives under the key prefix <c>ocfl/</c> of the store (<paramref name="rootPrefix"/>),
/// so that the change journal and other non-OCFL blobs can sit beside it without breaking the rule that a
/// storage root holds nothing but objects and extensions. Readers only read the root inventory of an
/// object: a write in progress or abandoned is invisible to them.
/// </para>
/// </summary>
public sealed class OcflRepository(IBlobStore store, TimeProvider? clock = null, string rootPrefix = "ocfl")
{
    public const string RootDeclaration = "0=ocfl_1.1";
    public const string ObjectDeclaration = "0=ocfl_object_1.1";

    public IBlobStore Store { get; } = store;
    internal TimeProvider Clock { get; } = clock ?? TimeProvider.System;

    /// <summary>Key prefix of the storage root in the store, ending in '/' (or empty for the store's root).</summary>
    public string RootKey { get; } = rootPrefix.Length == 0 ? "" : rootPrefix.TrimEnd('/') + "/";

    /// <summary>
    /// How old an unfinished version directory must be before a writer or <c>verify --repair</c> treats it as
    /// abandoned and removes it. Must exceed the longest time a commit can take (uploading the largest master).
    /// </summary>
    public TimeSpan AbandonedAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A local directory for marks that tell which process on this machine is writing which version (see
    /// <see cref="WriterMarks"/>); defaults to the filesystem store's temporary directory, none for other stores.
    /// </summary>
    public string? WriterMarksDirectory { get; init; } = store is FileSystemBlobStore fs ? Path.Combine(fs.TempDirectory, "writers") : null;

    internal WriterMarks Marks => _marks ??= new WriterMarks(WriterMarksDirectory);
    private WriterMarks? _marks;

    /// <summary>Writes the storage root declaration and layout description if absent.</summary>
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await PutIfAbsentAsync(RootKey + RootDeclaration, "ocfl_1.1\n", ct);
        await PutIfAbsentAsync(RootKey + "ocfl_layout.json", OcflLayout.LayoutJson, ct);
        await PutIfAbsentAsync(RootKey + $"extensions/{OcflLayout.ExtensionName}/config.json", OcflLayout.ConfigJson, ct);
    }

    /// <summary>The object's key prefix under the storage root, by the layout extension.</summary>
    public static string ObjectRoot(string objectId) => OcflLayout.ObjectRoot(objectId);

    /// <summary>The object's key prefix in the store (storage root prefix included), without a trailing '/'.</summary>
    public string ObjectKey(string objectId) => RootKey + ObjectRoot(objectId);

    public async Task<OcflObject?> GetObjectAsync(string objectId, CancellationToken ct = default)
    {
        var inventory = (await ReadRootInventoryAsync(ObjectKey(objectId), ct))?.Inventory;
        if (inventory is null) return null;
        var versions = inventory.Versions
            .Select(p => new OcflVersion(p.Key, p.Value.Created, p.Value.Message ?? "", p.Value.UserName ?? ""))
            .ToList();
        return new OcflObject(inventory.Id, inventory.Head, inventory.StateOf(inventory.Head), versions);
    }

    /// <summary>
    /// The head state and one logical file of it from a single read of the inventory, so a reader of many
    /// objects (a harvest, a rebuild) parses each inventory once; null when the object does not exist.
    /// </summary>
    public async Task<(OcflObject Object, Stream? File)?> OpenHeadFileAsync(string objectId, string logicalPath, CancellationToken ct = default)
    {
        var objectKey = ObjectKey(objectId);
        var inventory = (await ReadRootInventoryAsync(objectKey, ct))?.Inventory;
        if (inventory is null) return null;
        var versions = inventory.Versions
            .Select(p => new OcflVersion(p.Key, p.Value.Created, p.Value.Message ?? "", p.Value.UserName ?? ""))
            .ToList();
        var head = new OcflObject(inventory.Id, inventory.Head, inventory.StateOf(inventory.Head), versions);
        return (head, await OpenAsync(objectId, objectKey, inventory, logicalPath, inventory.Head, ct));
    }

    /// <summary>Opens a logical file of the head (or of <paramref name="version"/>); null if absent.</summary>
    public async Task<Stream?> OpenFileAsync(string objectId, string logicalPath, int? version = null, CancellationToken ct = default)
    {
        var objectKey = ObjectKey(objectId);
        var inventory = (await ReadRootInventoryAsync(objectKey, ct))?.Inventory;
        if (inventory is null) return null;
        return await OpenAsync(objectId, objectKey, inventory, logicalPath, version, ct);
    }

    private async Task<Stream?> OpenAsync(string objectId, string objectKey, OcflInventory inventory, string logicalPath, int? version, CancellationToken ct)
    {
        if (!inventory.StateOf(version ?? inventory.Head).TryGetValue(logicalPath, out var digest)) return null;
        var contentPath = inventory.ContentPath(digest)
            ?? throw new InvalidDataException($"OCFL object '{objectId}': '{logicalPath}' has digest {digest} that the manifest does not list");
        return await Store.OpenReadAsync($"{objectKey}/{contentPath}", ct)
            ?? throw new InvalidDataException($"OCFL object '{objectId}': content file '{contentPath}' of '{logicalPath}' is missing; run verify");
    }

    public Task<OcflCommitResult> CommitAsync(OcflCommit commit, CancellationToken ct = default) =>
        new OcflCommitter(this).CommitAsync(commit, ct);

    /// <summary>Ids of every object, in storage order (by the hash of the id, not by the id).</summary>
    public async IAsyncEnumerable<string> ListObjectIdsAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var suffix = "/" + ObjectDeclaration;
        await foreach (var blob in Store.ListAsync(RootKey, ct))
        {
            if (!blob.Key.EndsWith(suffix, StringComparison.Ordinal)) continue;
            var objectKey = blob.Key[..^suffix.Length];
            var id = OcflLayout.DecodeObjectId(objectKey[(objectKey.LastIndexOf('/') + 1)..]);
            if (id is null || ObjectKey(id) != objectKey)
            {
                // 0003 truncates long ids and appends their hash, and an object placed by another layout has
                // an arbitrary directory name: then only the inventory knows the id.
                id = (await ReadRootInventoryAsync(objectKey, ct))?.Inventory.Id;
                if (id is null) continue; // declaration without inventory: an interrupted first commit
            }
            yield return id;
        }
    }

    public Task<OcflVerifyReport> VerifyAsync(bool repair, IProgress<int>? progress = null, CancellationToken ct = default) =>
        new OcflVerifier(this).VerifyRepositoryAsync(repair, progress, ct);

    /// <summary>Verifies the single object whose root is at <paramref name="objectRootKey"/> in the store.</summary>
    public Task<OcflVerifyReport> VerifyObjectAsync(string objectRootKey, bool repair = false, CancellationToken ct = default) =>
        new OcflVerifier(this).VerifyObjectAsync(objectRootKey.TrimEnd('/'), repair, ct);

    internal sealed record RootInventory(OcflInventory Inventory, string ETag, DateTimeOffset Modified);

    /// <summary>The committed state of an object, or null when it does not exist.</summary>
    internal async Task<RootInventory?> ReadRootInventoryAsync(string objectKey, CancellationToken ct)
    {
        var blob = await Store.GetAsync($"{objectKey}/inventory.json", ct);
        if (blob is null) return null;
        var problems = new List<OcflProblem>();
        var inventory = OcflInventoryReader.Read(blob.Bytes, $"{objectKey}/inventory.json", problems);
        var errors = problems.Where(p => !p.Code.StartsWith('W')).ToList();
        if (inventory is null || errors.Count > 0)
            throw new InvalidDataException($"the inventory of {objectKey} is damaged: {string.Join("; ", errors.Take(3))}; run verify");
        return new RootInventory(inventory, blob.ETag, blob.LastModified);
    }

    private async Task PutIfAbsentAsync(string key, string text, CancellationToken ct)
    {
        if (await Store.GetPropertiesAsync(key, ct) is not null) return;
        try
        {
            await Store.PutAsync(key, new MemoryStream(Encoding.UTF8.GetBytes(text)), BlobCondition.IfAbsent, ct);
        }
        catch (BlobConditionFailedException)
        {
            // another process initialised the root at the same moment
        }
    }
}
