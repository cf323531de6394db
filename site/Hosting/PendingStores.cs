// Placeholders so the site compiles before the storage implementations arrive; delete on merge.
namespace HafizaIzmir.Archive.Storage;

public sealed class FileSystemBlobStore(string root, string? tempDir = null) : IBlobStore
{
    public string Description => $"filesystem {root} (tmp {tempDir})";
    public Task<BlobProperties?> GetPropertiesAsync(string key, CancellationToken ct = default) => throw new NotImplementedException();
    public Task<BlobContent?> GetAsync(string key, CancellationToken ct = default) => throw new NotImplementedException();
    public Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default) => throw new NotImplementedException();
    public Task<string> PutAsync(string key, Stream content, BlobCondition condition, CancellationToken ct = default) => throw new NotImplementedException();
    public IAsyncEnumerable<BlobProperties> ListAsync(string prefix, CancellationToken ct = default) => throw new NotImplementedException();
    public Task DeleteAsync(string key, CancellationToken ct = default) => throw new NotImplementedException();
}

public sealed class AzureBlobStore(string connectionString, string container) : IBlobStore
{
    public string Description => $"azure container {container} ({connectionString.Length} chars)";
    public Task<BlobProperties?> GetPropertiesAsync(string key, CancellationToken ct = default) => throw new NotImplementedException();
    public Task<BlobContent?> GetAsync(string key, CancellationToken ct = default) => throw new NotImplementedException();
    public Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default) => throw new NotImplementedException();
    public Task<string> PutAsync(string key, Stream content, BlobCondition condition, CancellationToken ct = default) => throw new NotImplementedException();
    public IAsyncEnumerable<BlobProperties> ListAsync(string prefix, CancellationToken ct = default) => throw new NotImplementedException();
    public Task DeleteAsync(string key, CancellationToken ct = default) => throw new NotImplementedException();
}
