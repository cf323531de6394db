using System.Runtime.CompilerServices;
using HafizaIzmir.Archive.Storage;

namespace HafizaIzmir.Tests.Ingest;

/// <summary>An in-memory <see cref="IBlobStore"/> with real conditional-write semantics, for tests of code above storage.</summary>
internal sealed class MemoryBlobStore : IBlobStore
{
    private readonly Dictionary<string, BlobContent> _blobs = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private long _etag;

    public string Description => "memory";

    public int Count { get { lock (_lock) return _blobs.Count; } }

    public Task<BlobProperties?> GetPropertiesAsync(string key, CancellationToken ct = default)
    {
        lock (_lock)
            return Task.FromResult(_blobs.TryGetValue(key, out var b) ? new BlobProperties(key, b.Bytes.Length, b.ETag, b.LastModified) : null);
    }

    public Task<BlobContent?> GetAsync(string key, CancellationToken ct = default)
    {
        lock (_lock) return Task.FromResult(_blobs.GetValueOrDefault(key));
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default)
    {
        lock (_lock)
            return Task.FromResult<Stream?>(_blobs.TryGetValue(key, out var b) ? new MemoryStream(b.Bytes, writable: false) : null);
    }

    public async Task<string> PutAsync(string key, Stream content, BlobCondition condition, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        lock (_lock)
        {
            var exists = _blobs.TryGetValue(key, out var current);
            if (condition.MustBeAbsent && exists) throw new BlobConditionFailedException(key, $"'{key}' already exists");
            if (condition.IfMatchETag is { } etag && (!exists || current!.ETag != etag)) throw new BlobConditionFailedException(key, $"'{key}' changed");
            var tag = $"\"{++_etag}\"";
            _blobs[key] = new BlobContent(buffer.ToArray(), tag, DateTimeOffset.UtcNow);
            return tag;
        }
    }

    public async IAsyncEnumerable<BlobProperties> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken ct = default)
    {
        List<BlobProperties> found;
        lock (_lock)
            found = _blobs.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new BlobProperties(p.Key, p.Value.Bytes.Length, p.Value.ETag, p.Value.LastModified)).ToList();
        foreach (var item in found)
        {
            await Task.Yield();
            yield return item;
        }
    }

    public Task DeleteAsync(string key, CancellationToken ct = default)
    {
        lock (_lock) _blobs.Remove(key);
        return Task.CompletedTask;
    }
}
