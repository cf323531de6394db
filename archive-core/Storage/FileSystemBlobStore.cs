using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace HafizaIzmir.Archive.Storage;

/// <summary>
/// Blobs as files under a root directory: key <c>a/b/c</c> is the file <c>{root}/a/b/c</c>.
/// <para>
/// Writes are durable and atomic: the bytes go to a file in a temporary directory outside the key space
/// (default <c>{root}/../tmp</c>, which must be on the same filesystem so the final rename is atomic), and the
/// file is renamed over the key; the write returns once file and rename are on disk (see
/// <see cref="FileSystemDurability"/>: a shared flush on Linux, fsync of file and directory elsewhere). Every write, conditional or not, takes an exclusive lock on one of 256 lock files
/// (<c>{temp}/locks/xx.lock</c>, chosen by the key's hash, opened with <see cref="FileShare.None"/> which is an
/// flock on Unix), so check-and-rename is atomic across threads and processes.
/// </para>
/// <para>
/// ETag: <c>"{length:x}-{last-write ticks:x}"</c>. Hashing would be exact but makes listing a store of
/// masters read every byte, so instead the writer, holding the key's lock, stamps each new file with a
/// last-write time strictly after the one it replaces (at 100 ns resolution, which ext4, xfs, btrfs and
/// tmpfs keep). The ETag of a key therefore changes on every write through this class. A filesystem with
/// coarse timestamps (FAT) or edits behind the store's back can defeat this.
/// </para>
/// The constructor creates nothing, so a read-only directory can be opened and read.
/// </summary>
public sealed class FileSystemBlobStore : IBlobStore
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);
    private readonly string root;
    private readonly string tempDirectory;
    private readonly FileSystemDurability durability;
    private volatile bool directoriesReady;

    public FileSystemBlobStore(string root, string? tempDirectory = null)
    {
        this.root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        this.tempDirectory = Path.GetFullPath(tempDirectory ?? Path.Combine(this.root, "..", "tmp"));
        var inside = this.tempDirectory + Path.DirectorySeparatorChar;
        if (inside.StartsWith(this.root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"the temporary directory '{this.tempDirectory}' must lie outside the store root '{this.root}'", nameof(tempDirectory));
        durability = new FileSystemDurability(this.root);
    }

    /// <summary>Where this store keeps its temporary files; also home to other machine-local bookkeeping.</summary>
    public string TempDirectory => tempDirectory;

    public string Description => $"filesystem {root}";
    public string Root => root;

    public Task<BlobProperties?> GetPropertiesAsync(string key, CancellationToken ct = default)
    {
        var info = new FileInfo(PathOf(key));
        return Task.FromResult(info.Exists ? Properties(key, info) : null);
    }

    public async Task<BlobContent?> GetAsync(string key, CancellationToken ct = default)
    {
        var path = PathOf(key);
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.Asynchronous);
            // Length and time come from the open handle so the ETag describes exactly the bytes read,
            // even if a writer renames a new file over the key meanwhile.
            var length = RandomAccess.GetLength(handle);
            var modified = File.GetLastWriteTimeUtc(handle);
            var bytes = new byte[length];
            var read = 0;
            while (read < bytes.Length)
            {
                var n = await RandomAccess.ReadAsync(handle, bytes.AsMemory(read), read, ct);
                if (n == 0) throw new IOException($"'{path}' was truncated while being read");
                read += n;
            }
            return new BlobContent(bytes, ETag(length, modified), new DateTimeOffset(modified, TimeSpan.Zero));
        }
        catch (Exception e) when (IsAbsent(e, path)) { return null; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw Unavailable("read", key, e); }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default)
    {
        var path = PathOf(key);
        try
        {
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81920, useAsync: true);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception e) when (IsAbsent(e, path)) { return Task.FromResult<Stream?>(null); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw Unavailable("open", key, e); }
    }

    public async Task<string> PutAsync(string key, Stream content, BlobCondition condition, CancellationToken ct = default)
    {
        var target = PathOf(key);
        string? temp = null;
        try
        {
            EnsureDirectories();
            temp = Path.Combine(tempDirectory, $"{Guid.NewGuid():N}.tmp");
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, ct);
                await file.FlushAsync(ct);
                if (!FileSystemDurability.GroupsFlushes) file.Flush(flushToDisk: true);
            }
            string etag;
            using (await LockAsync(key, ct))
            {
                var existing = new FileInfo(target);
                if (condition.MustBeAbsent && (existing.Exists || Directory.Exists(target)))
                    throw new BlobConditionFailedException(key, $"'{key}' already exists");
                if (condition.IfMatchETag is { } expected)
                {
                    if (!existing.Exists)
                        throw new BlobConditionFailedException(key, $"'{key}' does not exist (expected ETag {expected})");
                    var actual = ETag(existing.Length, existing.LastWriteTimeUtc);
                    if (actual != expected)
                        throw new BlobConditionFailedException(key, $"'{key}' has changed (ETag {actual}, expected {expected})");
                }
                var stamp = DateTime.UtcNow;
                if (existing.Exists && existing.LastWriteTimeUtc >= stamp) stamp = existing.LastWriteTimeUtc.AddTicks(1);
                File.SetLastWriteTimeUtc(temp, stamp);
                MoveIntoPlace(temp, target);
                temp = null;
                if (!FileSystemDurability.GroupsFlushes) FileSystemDurability.SyncDirectory(Path.GetDirectoryName(target)!);
                var written = new FileInfo(target);
                etag = ETag(written.Length, written.LastWriteTimeUtc);
            }
            if (FileSystemDurability.GroupsFlushes && !condition.Deferred) await durability.FlushAsync();
            return etag;
        }
        catch (Exception e) when (e is IOException and not BlobConditionFailedException and not BlobStoreUnavailableException || e is UnauthorizedAccessException)
        {
            throw Unavailable("write", key, e);
        }
        finally
        {
            if (temp is not null) TryDelete(temp);
        }
    }

    public Task FlushAsync(CancellationToken ct = default) =>
        FileSystemDurability.GroupsFlushes ? durability.FlushAsync() : Task.CompletedTask;

    public async IAsyncEnumerable<BlobProperties> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken ct = default)
    {
        BlobKeys.ValidatePrefix(prefix);
        var slash = prefix.LastIndexOf('/');
        var baseKey = slash < 0 ? "" : prefix[..(slash + 1)];
        var directory = baseKey.Length == 0 ? root : Path.Combine(root, baseKey[..^1].Replace('/', Path.DirectorySeparatorChar));
        foreach (var (key, info) in Walk(directory, baseKey, prefix))
        {
            ct.ThrowIfCancellationRequested();
            yield return Properties(key, info);
        }
        await Task.CompletedTask;
    }

    public async Task DeleteAsync(string key, CancellationToken ct = default)
    {
        var path = PathOf(key);
        if (!File.Exists(path)) return;
        try
        {
            using (await LockAsync(key, ct))
            {
                File.Delete(path);
                PruneEmptyParents(Path.GetDirectoryName(path)!);
            }
        }
        catch (Exception e) when (e is IOException and not BlobStoreUnavailableException || e is UnauthorizedAccessException)
        {
            throw Unavailable("delete", key, e);
        }
    }

    private string PathOf(string key)
    {
        BlobKeys.Validate(key);
        return Path.Combine(root, key.Replace('/', Path.DirectorySeparatorChar));
    }

    private static BlobProperties Properties(string key, FileInfo info) =>
        new(key, info.Length, ETag(info.Length, info.LastWriteTimeUtc), new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero));

    private static string ETag(long length, DateTime lastWriteUtc) => $"\"{length:x}-{lastWriteUtc.Ticks:x}\"";

    /// <summary>Files below <paramref name="directory"/> in ordinal key order: a directory sorts as its name plus '/'.</summary>
    private static IEnumerable<(string Key, FileInfo Info)> Walk(string directory, string keyPrefix, string prefix)
    {
        List<(string Sort, FileSystemInfo Entry)> entries;
        try
        {
            entries = new DirectoryInfo(directory).EnumerateFileSystemInfos()
                .Select(e => (e is DirectoryInfo ? e.Name + "/" : e.Name, e))
                .ToList();
        }
        catch (DirectoryNotFoundException) { yield break; }
        entries.Sort((a, b) => string.CompareOrdinal(a.Sort, b.Sort));
        foreach (var (sort, entry) in entries)
        {
            var key = keyPrefix + sort;
            if (entry is DirectoryInfo sub)
            {
                if (!key.StartsWith(prefix, StringComparison.Ordinal) && !prefix.StartsWith(key, StringComparison.Ordinal)) continue;
                foreach (var found in Walk(sub.FullName, key, prefix)) yield return found;
            }
            else if (key.StartsWith(prefix, StringComparison.Ordinal) && entry is FileInfo file)
            {
                file.Refresh();
                if (file.Exists) yield return (key, file);
            }
        }
    }

    private static void MoveIntoPlace(string temp, string target)
    {
        // A concurrent delete may prune the freshly created parent; create it again and retry.
        for (var attempt = 0; ; attempt++)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            try
            {
                File.Move(temp, target, overwrite: true);
                return;
            }
            // Linux reports a vanished target directory as a missing file; the temp file still being there tells them apart.
            catch (IOException e) when (attempt < 5 && e is DirectoryNotFoundException or FileNotFoundException && File.Exists(temp)) { }
        }
    }

    private void PruneEmptyParents(string directory)
    {
        while (directory.Length > root.Length && directory.StartsWith(root, StringComparison.Ordinal))
        {
            try { Directory.Delete(directory); }
            catch (IOException) { return; } // not empty, or already gone
            directory = Path.GetDirectoryName(directory)!;
        }
    }

    private async Task<IDisposable> LockAsync(string key, CancellationToken ct)
    {
        EnsureDirectories();
        var locks = Path.Combine(tempDirectory, "locks");
        var stripe = SHA256.HashData(Encoding.UTF8.GetBytes(key))[0];
        var path = Path.Combine(locks, $"{stripe:x2}.lock");
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
            }
            catch (IOException e) when (clock.Elapsed < LockTimeout && e is not FileNotFoundException and not DirectoryNotFoundException)
            {
                await Task.Delay(Random.Shared.Next(1, 10), ct);
            }
            catch (IOException e)
            {
                throw new BlobStoreUnavailableException($"could not lock '{key}' in {Description} within {LockTimeout.TotalSeconds:0} s: {e.Message}", e);
            }
        }
    }

    /// <summary>Created on the first write, not in the constructor, so a read-only store stays untouched.</summary>
    private void EnsureDirectories()
    {
        if (directoriesReady) return;
        Directory.CreateDirectory(Path.Combine(tempDirectory, "locks"));
        directoriesReady = true;
    }

    private static bool IsAbsent(Exception e, string path) =>
        e is FileNotFoundException or DirectoryNotFoundException
        || (e is UnauthorizedAccessException && Directory.Exists(path));

    private BlobStoreUnavailableException Unavailable(string operation, string key, Exception e)
    {
        var diskFull = e.HResult == 28 || e.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase);
        var reason = diskFull ? "the disk is full" : e.Message;
        return new BlobStoreUnavailableException($"could not {operation} '{key}' in {Description}: {reason}", e, diskFull);
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>Makes the rename itself durable; only POSIX systems let a directory be opened and fsynced.</summary>
}
