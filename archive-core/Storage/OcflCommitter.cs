using System.Text;

namespace HafizaIzmir.Archive.Storage;

/// <summary>
/// Writes one new version of an OCFL object, safely against crashes and against concurrent writers in any
/// number of processes, using only the blob store's conditional writes:
/// <list type="number">
/// <item>Hash every new content stream (first pass, unless the caller gave its SHA-512).</item>
/// <item>Read the root inventory and its ETag. If <see cref="OcflCommit.ExpectedHead"/> differs from the
/// actual head, throw <see cref="OcflConflictException"/> carrying the actual head.</item>
/// <item>Compute the new state. If it equals the head's, return <c>(head, Changed: false)</c> and write nothing.
/// Content whose digest is already in the manifest is not stored again (deduplication).</item>
/// <item>Claim version n by writing <c>v{n}/inventory.json</c> if absent. If it exists, someone else is writing
/// v{n}: a conflict, unless every file under <c>v{n}/</c> is older than <see cref="OcflRepository.AbandonedAfter"/>
/// and the root head is still n−1; then the leftover of the abandoned write is removed and the claim retried once.</item>
/// <item>Write the new content files (if absent, while hashing them again: bytes that differ from the first pass
/// abort the commit), then the version's sidecar.</item>
/// <item>Flush the store once (the writes above are deferred), then check the claim still has the ETag we wrote (a writer that judged us abandoned would have replaced it).</item>
/// <item>The commit point: write the root inventory if its ETag is unchanged (for v1: the object declaration, then
/// the root inventory if absent). Losing here means someone else committed first: conflict.</item>
/// <item>Write the root sidecar. A crash before this leaves a root inventory identical to <c>v{n}/inventory.json</c>
/// with a stale or missing sidecar, which readers ignore and <c>verify --repair</c> rewrites.</item>
/// </list>
/// On failure before the commit point the writer deletes the files it wrote (the claim last, and only while the
/// claim is still its own), so that it never removes another writer's files. A crash leaves a version directory
/// above the head, which readers never see and which the next writer or <c>verify --repair</c> removes once it is
/// older than the abandonment threshold.
/// </summary>
internal sealed class OcflCommitter(OcflRepository repository)
{
    private IBlobStore Store => repository.Store;

    public async Task<OcflCommitResult> CommitAsync(OcflCommit commit, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(commit.ObjectId);
        if (commit.ExpectedHead is < 1) throw new ArgumentException("ExpectedHead is null for a new object or a version ≥ 1", nameof(commit));
        foreach (var path in commit.Changes.Keys)
        {
            var reason = OcflInventoryReader.PathProblem(path) ?? (path.Contains('\\') ? "contains a backslash" : null);
            if (reason is not null) throw new ArgumentException($"logical path '{path}' {reason}", nameof(commit));
        }

        var digests = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, content) in commit.Changes)
        {
            if (content is null) continue;
            if (content.Sha512 is { } given) { digests[path] = given.ToLowerInvariant(); continue; }
            await using var stream = content.Open();
            digests[path] = await OcflDigests.Sha512Async(stream, ct);
        }

        var objectKey = repository.ObjectKey(commit.ObjectId);
        for (var attempt = 0; ; attempt++)
        {
            var current = await repository.ReadRootInventoryAsync(objectKey, ct);
            var head = current?.Inventory.Head;
            if (commit.ExpectedHead != head) throw new OcflConflictException(commit.ObjectId, head);
            if (current is not null && current.Inventory.Id != commit.ObjectId)
                throw new InvalidDataException($"the object at {objectKey} has id '{current.Inventory.Id}', not '{commit.ObjectId}'");

            var oldState = current?.Inventory.StateOf(current.Inventory.Head) ?? new(StringComparer.Ordinal);
            var newState = new Dictionary<string, string>(oldState, StringComparer.Ordinal);
            foreach (var (path, content) in commit.Changes)
            {
                if (content is null) newState.Remove(path);
                else newState[path] = digests[path];
            }
            CheckNoConflicts(newState.Keys);
            if (newState.Count == oldState.Count && newState.All(p => oldState.TryGetValue(p.Key, out var d) && d == p.Value))
                return new OcflCommitResult(head ?? 0, Changed: false);

            var n = (head ?? 0) + 1;
            var inventory = current?.Inventory.Clone() ?? new OcflInventory { Id = commit.ObjectId };
            inventory.Head = n;
            var versionKey = $"{objectKey}/{inventory.VersionName(n)}";
            var uploads = new List<(string Key, string LogicalPath, string Digest)>();
            foreach (var (path, digest) in newState.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (inventory.Manifest.ContainsKey(digest)) continue;
                var contentPath = $"{inventory.VersionName(n)}/{inventory.ContentDirectory}/{path}";
                inventory.Manifest[digest] = [contentPath];
                uploads.Add(($"{objectKey}/{contentPath}", path, digest));
            }
            var state = newState.GroupBy(p => p.Value, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(p => p.Key).ToList(), StringComparer.Ordinal);
            inventory.Versions[n] = new OcflInventoryVersion(commit.Info.At ?? repository.Clock.GetUtcNow(), commit.Info.Message, commit.Info.User, null, state);
            var bytes = inventory.ToJson();

            string claimETag;
            await repository.Marks.MarkAsync(versionKey, ct);
            try
            {
                claimETag = await PutAsync($"{versionKey}/inventory.json", bytes, BlobCondition.IfAbsent.Defer(), ct);
            }
            catch (BlobConditionFailedException)
            {
                if (attempt == 0 && await RemoveIfAbandonedAsync(objectKey, versionKey, n, ct)) continue;
                throw new OcflConflictException(commit.ObjectId, await WaitForHeadAsync(objectKey, n, ct));
            }

            var written = new List<string>();
            try
            {
                foreach (var (key, logicalPath, digest) in uploads)
                {
                    await using var source = new HashingReadStream(commit.Changes[logicalPath]!.Open());
                    await Store.PutAsync(key, source, BlobCondition.IfAbsent.Defer(), ct);
                    written.Add(key);
                    var actual = source.Digest();
                    if (actual != digest)
                        throw new InvalidDataException($"the content of '{logicalPath}' has SHA-512 {actual[..16]}…, not {digest[..16]}… as hashed or given before; nothing was committed");
                }
                await PutAsync($"{versionKey}/inventory.json.sha512", Encoding.UTF8.GetBytes(OcflInventory.Sidecar(bytes)), BlobCondition.IfAbsent.Defer(), ct);
                written.Add($"{versionKey}/inventory.json.sha512");

                if (current is null)
                    await PutAsync($"{objectKey}/{OcflRepository.ObjectDeclaration}", "ocfl_object_1.1\n"u8.ToArray(), BlobCondition.None.Defer(), ct);
                // Everything of the version (and the journal entry announcing it) must be on disk before the
                // commit point can be: one flush here covers all the deferred writes above.
                await Store.FlushAsync(ct);
                if ((await Store.GetPropertiesAsync($"{versionKey}/inventory.json", ct))?.ETag != claimETag)
                    throw new BlobConditionFailedException($"{versionKey}/inventory.json", "our claim on the version was removed");
                if (current is null)
                {
                    await PutAsync($"{objectKey}/inventory.json", bytes, BlobCondition.IfAbsent, ct);
                }
                else
                {
                    await PutAsync($"{objectKey}/inventory.json", bytes, BlobCondition.IfMatch(current.ETag), ct);
                }
            }
            catch (Exception e)
            {
                await CleanUpAsync(versionKey, claimETag, written, ct);
                if (e is BlobConditionFailedException)
                    throw new OcflConflictException(commit.ObjectId, (await repository.ReadRootInventoryAsync(objectKey, ct))?.Inventory.Head);
                throw;
            }

            await WriteRootSidecarAsync(objectKey, ct);
            await ReleaseMarkAsync(versionKey);
            return new OcflCommitResult(n, Changed: true);
        }
    }

    /// <summary>
    /// Makes the root sidecar describe the current root inventory. A slower writer of an older version may
    /// overwrite a newer sidecar, so re-check and converge on the inventory that is there now.
    /// </summary>
    internal async Task WriteRootSidecarAsync(string objectKey, CancellationToken ct)
    {
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var root = await Store.GetAsync($"{objectKey}/inventory.json", ct);
                if (root is null) return;
                await PutAsync($"{objectKey}/inventory.json.sha512", Encoding.UTF8.GetBytes(OcflInventory.Sidecar(root.Bytes)), BlobCondition.None.Defer(), ct);
                if ((await Store.GetPropertiesAsync($"{objectKey}/inventory.json", ct))?.ETag == root.ETag) return;
            }
        }
        catch (BlobStoreUnavailableException)
        {
            // The version is committed; a missing or stale root sidecar is repairable (verify --repair).
        }
    }

    /// <summary>
    /// Someone else is writing version n: give them a moment, so the conflict can name the version the
    /// caller has to reload rather than the one it already has.
    /// </summary>
    private async Task<int?> WaitForHeadAsync(string objectKey, int n, CancellationToken ct)
    {
        int? head = null;
        for (var i = 0; i < 40; i++)
        {
            head = (await repository.ReadRootInventoryAsync(objectKey, ct))?.Inventory.Head;
            if (head >= n) break;
            await Task.Delay(50, ct);
        }
        return head;
    }

    private async Task<bool> RemoveIfAbandonedAsync(string objectKey, string versionKey, int n, CancellationToken ct)
    {
        var files = await Store.ListAsync(versionKey + "/", ct).ToListAsync(ct);
        if (files.Count == 0) return true; // gone meanwhile
        var age = repository.Clock.GetUtcNow() - files.Max(f => f.LastModified);
        if (age < repository.AbandonedAfter && !await repository.Marks.IsWriterGoneAsync(versionKey, ct)) return false;
        if (((await repository.ReadRootInventoryAsync(objectKey, ct))?.Inventory.Head ?? 0) != n - 1) return false;
        // The claim goes last, so nobody can claim the version while its old files are still being removed.
        foreach (var file in files.OrderBy(f => f.Key.EndsWith("/inventory.json", StringComparison.Ordinal)))
            await Store.DeleteAsync(file.Key, ct);
        return true;
    }

    private async Task CleanUpAsync(string versionKey, string claimETag, List<string> written, CancellationToken ct)
    {
        try
        {
            if ((await Store.GetPropertiesAsync($"{versionKey}/inventory.json", ct))?.ETag != claimETag) return; // no longer ours
            foreach (var key in written) await Store.DeleteAsync(key, ct);
            await Store.DeleteAsync($"{versionKey}/inventory.json", ct);
            await ReleaseMarkAsync(versionKey);
        }
        catch (BlobStoreUnavailableException)
        {
            // what is left is a version directory above the head: invisible to readers, removed by repair
        }
    }

    /// <summary>The mark only speeds up recognising a dead writer; failing to remove it is harmless.</summary>
    private async Task ReleaseMarkAsync(string versionKey)
    {
        try
        {
            await repository.Marks.ReleaseAsync(versionKey, CancellationToken.None);
        }
        catch (BlobStoreUnavailableException)
        {
        }
    }

    private Task<string> PutAsync(string key, byte[] bytes, BlobCondition condition, CancellationToken ct) =>
        Store.PutAsync(key, new MemoryStream(bytes, writable: false), condition, ct);

    private static void CheckNoConflicts(IEnumerable<string> paths)
    {
        var set = paths.ToHashSet(StringComparer.Ordinal);
        foreach (var path in set)
            for (var i = path.IndexOf('/'); i > 0; i = path.IndexOf('/', i + 1))
                if (set.Contains(path[..i]))
                    throw new ArgumentException($"logical path '{path[..i]}' would be both a file and the directory of '{path}'");
    }
}
