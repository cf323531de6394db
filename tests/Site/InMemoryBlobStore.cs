using System.Runtime.CompilerServices;
using HafizaIzmir.Archive.Storage;

namespace HafizaIzmir.Tests.Site;

/// <summary>A complete <see cref="IBlobStore"/> in memory, with real conditional-write semantics.</summary>
public sealed class InMemoryBlobStore : IBlobStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, BlobContent> _blobs = new(StringComparer.Ordinal);
    private int _etag;

    public string Description => "memory";

    public IReadOnlyDictionary<string, BlobContent> Snapshot()
    {
        lock (_gate) return new Dictionary<string, BlobContent>(_blobs);
    }

    public Task<BlobProperties?> GetPropertiesAsync(string key, CancellationToken ct = default)
    {
        lock (_gate)
            return Task.FromResult(_blobs.TryGetValue(key, out var b) ? new BlobProperties(key, b.Bytes.Length, b.ETag, b.LastModified) : null);
    }

    public Task<BlobContent?> GetAsync(string key, CancellationToken ct = default)
    {
        lock (_gate) return Task.FromResult(_blobs.GetValueOrDefault(key));
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default)
    {
        lock (_gate) return Task.FromResult<Stream?>(_blobs.TryGetValue(key, out var b) ? new MemoryStream(b.Bytes, false) : null);
    }

    public async Task<string> PutAsync(string key, Stream content, BlobCondition condition, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        lock (_gate)
        {
            var exists = _blobs.TryGetValue(key, out var current);
            if (condition.MustBeAbsent && exists) throw new BlobConditionFailedException(key, $"{key} exists");
            if (condition.IfMatchETag is { } etag && (!exists || current!.ETag != etag)) throw new BlobConditionFailedException(key, $"{key} changed");
            var blob = new BlobContent(buffer.ToArray(), $"\"{++_etag}\"", DateTimeOffset.UtcNow);
            _blobs[key] = blob;
            return blob.ETag;
        }
    }

    public async IAsyncEnumerable<BlobProperties> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken ct = default)
    {
        List<BlobProperties> found;
        lock (_gate)
            found = [.. _blobs.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal))
                .Select(p => new BlobProperties(p.Key, p.Value.Bytes.Length, p.Value.ETag, p.Value.LastModified))];
        foreach (var item in found)
        {
            await Task.Yield();
            yield return item;
        }
    }

    public Task DeleteAsync(string key, CancellationToken ct = default)
    {
        lock (_gate) _blobs.Remove(key);
        return Task.CompletedTask;
    }
}
