namespace HafizaIzmir.Archive.Storage;

/// <summary>
/// The one narrow storage interface everything persistent goes through. Keys are '/'-separated paths.
/// Conditional writes are the only concurrency control the layers above rely on: a put that names a
/// condition either takes effect whole or throws <see cref="BlobConditionFailedException"/>.
/// </summary>
public interface IBlobStore
{
    /// <summary>A short description for logs and errors ("filesystem /…/data/store", "azure container hafiza").</summary>
    string Description { get; }

    Task<BlobProperties?> GetPropertiesAsync(string key, CancellationToken ct = default);

    /// <summary>The whole blob, or null when absent. For small blobs (inventories, JSON).</summary>
    Task<BlobContent?> GetAsync(string key, CancellationToken ct = default);

    /// <summary>A readable stream over the blob, or null when absent. For large blobs (masters).</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default);

    /// <summary>
    /// Writes the blob durably and returns its new ETag. With <see cref="BlobCondition.IfAbsent"/> the write
    /// fails if the key exists; with <see cref="BlobCondition.IfMatch"/> it fails unless the current ETag matches.
    /// </summary>
    Task<string> PutAsync(string key, Stream content, BlobCondition condition, CancellationToken ct = default);

    /// <summary>Every blob whose key starts with <paramref name="prefix"/>, in ordinal key order.</summary>
    IAsyncEnumerable<BlobProperties> ListAsync(string prefix, CancellationToken ct = default);

    /// <summary>Removes the blob; absent is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken ct = default);

    /// <summary>
    /// Makes every write this store acknowledged before the call durable, including those made with
    /// <see cref="BlobCondition.Deferred"/>. Stores whose writes are durable when acknowledged do nothing.
    /// </summary>
    Task FlushAsync(CancellationToken ct = default) => Task.CompletedTask;
}

public sealed record BlobProperties(string Key, long Length, string ETag, DateTimeOffset LastModified);

public sealed record BlobContent(byte[] Bytes, string ETag, DateTimeOffset LastModified);

/// <summary>
/// The precondition of a write, and whether its durability may wait: a <see cref="Deferred"/> write is
/// atomic and visible at once but only certain to survive a power cut after the next
/// <see cref="IBlobStore.FlushAsync"/>. A writer that needs several blobs on disk before a final one (an
/// OCFL version before its commit point) writes them deferred and flushes once.
/// </summary>
public readonly record struct BlobCondition(string? IfMatchETag, bool MustBeAbsent)
{
    public bool Deferred { get; init; }

    public BlobCondition Defer() => this with { Deferred = true };

    public static readonly BlobCondition None = new(null, false);
    public static readonly BlobCondition IfAbsent = new(null, true);
    public static BlobCondition IfMatch(string etag) => new(etag, false);
}

/// <summary>A conditional write found the blob in another state than it asked for.</summary>
public sealed class BlobConditionFailedException(string key, string message) : IOException(message)
{
    public string Key { get; } = key;
}

/// <summary>The store could not be reached or refused the operation (disk full, Azurite down …).</summary>
public sealed class BlobStoreUnavailableException(string message, Exception? inner = null, bool diskFull = false) : IOException(message, inner)
{
    /// <summary>The store has no room left (as opposed to being unreachable): the same request fails until space is freed.</summary>
    public bool DiskFull { get; } = diskFull;
}
