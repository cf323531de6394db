using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace HafizaIzmir.Archive.Storage;

/// <summary>
/// Blobs in one Azure Blob Storage container (or Azurite). Conditions map to HTTP preconditions:
/// <see cref="BlobCondition.IfAbsent"/> is <c>If-None-Match: *</c>, <see cref="BlobCondition.IfMatch"/> is
/// <c>If-Match: etag</c>; the service checks them atomically with the write (for large uploads at the final
/// block-list commit). The container is created on the first write if it does not exist.
/// Listing is in the service's order, which is ordinal for the ASCII keys this archive writes.
/// </summary>
public sealed class AzureBlobStore : IBlobStore
{
    private readonly BlobContainerClient container;
    private volatile bool containerReady;

    public AzureBlobStore(string connectionString, string containerName)
        : this(new BlobContainerClient(connectionString, containerName, Options()))
    {
    }

    public AzureBlobStore(BlobContainerClient container) => this.container = container;

    public string Description => $"azure container {container.Name} at {container.Uri.GetLeftPart(UriPartial.Authority)}";

    public async Task<BlobProperties?> GetPropertiesAsync(string key, CancellationToken ct = default)
    {
        var blob = Blob(key);
        try
        {
            var p = (await blob.GetPropertiesAsync(cancellationToken: ct)).Value;
            return new BlobProperties(key, p.ContentLength, Tag(p.ETag), p.LastModified);
        }
        catch (RequestFailedException e) when (e.Status == 404) { return null; }
        catch (Exception e) when (IsUnavailable(e, ct)) { throw Unavailable("read", key, e); }
    }

    public async Task<BlobContent?> GetAsync(string key, CancellationToken ct = default)
    {
        var blob = Blob(key);
        try
        {
            var result = (await blob.DownloadContentAsync(ct)).Value;
            return new BlobContent(result.Content.ToArray(), Tag(result.Details.ETag), result.Details.LastModified);
        }
        catch (RequestFailedException e) when (e.Status == 404) { return null; }
        catch (Exception e) when (IsUnavailable(e, ct)) { throw Unavailable("read", key, e); }
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default)
    {
        var blob = Blob(key);
        try
        {
            // allowModifications: false pins the stream to the ETag it started with, so a concurrent
            // overwrite makes the read fail instead of mixing two versions.
            return await blob.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), ct);
        }
        catch (RequestFailedException e) when (e.Status == 404) { return null; }
        catch (Exception e) when (IsUnavailable(e, ct)) { throw Unavailable("open", key, e); }
    }

    public async Task<string> PutAsync(string key, Stream content, BlobCondition condition, CancellationToken ct = default)
    {
        var blob = Blob(key);
        var conditions = condition.MustBeAbsent ? new BlobRequestConditions { IfNoneMatch = ETag.All }
            : condition.IfMatchETag is { } etag ? new BlobRequestConditions { IfMatch = new ETag(etag) }
            : null;
        try
        {
            await EnsureContainerAsync(ct);
            var info = (await blob.UploadAsync(content, new BlobUploadOptions { Conditions = conditions }, ct)).Value;
            return Tag(info.ETag);
        }
        catch (RequestFailedException e) when (conditions is not null && (e.Status is 409 or 412 || (e.Status == 404 && condition.IfMatchETag is not null)))
        {
            throw new BlobConditionFailedException(key, condition.MustBeAbsent
                ? $"'{key}' already exists"
                : $"'{key}' has changed or is gone (expected ETag {condition.IfMatchETag})");
        }
        catch (Exception e) when (IsUnavailable(e, ct)) { throw Unavailable("write", key, e); }
    }

    public async IAsyncEnumerable<BlobProperties> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken ct = default)
    {
        BlobKeys.ValidatePrefix(prefix);
        var pages = container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix.Length == 0 ? null : prefix }, ct).AsPages().GetAsyncEnumerator(ct);
        try
        {
            while (true)
            {
                Page<BlobItem> page;
                try
                {
                    if (!await pages.MoveNextAsync()) yield break;
                    page = pages.Current;
                }
                catch (RequestFailedException e) when (e.Status == 404) { yield break; } // no container yet: nothing stored
                catch (Exception e) when (IsUnavailable(e, ct)) { throw Unavailable("list", prefix, e); }
                foreach (var item in page.Values)
                {
                    yield return new BlobProperties(item.Name, item.Properties.ContentLength ?? 0,
                        item.Properties.ETag is { } tag ? Tag(tag) : "", item.Properties.LastModified ?? DateTimeOffset.MinValue);
                }
            }
        }
        finally
        {
            await pages.DisposeAsync();
        }
    }

    public async Task DeleteAsync(string key, CancellationToken ct = default)
    {
        var blob = Blob(key);
        try
        {
            await blob.DeleteIfExistsAsync(cancellationToken: ct);
        }
        catch (RequestFailedException e) when (e.Status == 404) { }
        catch (Exception e) when (IsUnavailable(e, ct)) { throw Unavailable("delete", key, e); }
    }

    /// <summary>Removes the whole container (tests, and tearing down a scratch store).</summary>
    public async Task DeleteContainerAsync(CancellationToken ct = default)
    {
        try
        {
            await container.DeleteIfExistsAsync(cancellationToken: ct);
            containerReady = false;
        }
        catch (Exception e) when (IsUnavailable(e, ct)) { throw Unavailable("delete container", container.Name, e); }
    }

    private BlobClient Blob(string key)
    {
        BlobKeys.Validate(key);
        return container.GetBlobClient(key);
    }

    private async Task EnsureContainerAsync(CancellationToken ct)
    {
        if (containerReady) return;
        await container.CreateIfNotExistsAsync(cancellationToken: ct);
        containerReady = true;
    }

    /// <summary>The service quotes ETags in headers but not in listings; always hand out the quoted form.</summary>
    private static string Tag(ETag etag)
    {
        var text = etag.ToString();
        return text.StartsWith('"') ? text : $"\"{text}\"";
    }

    private static BlobClientOptions Options()
    {
        var options = new BlobClientOptions();
        // Fail within seconds when the service is unreachable instead of retrying for minutes.
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(100);
        return options;
    }

    private static bool IsUnavailable(Exception e, CancellationToken ct) =>
        e is RequestFailedException or HttpRequestException or AggregateException or IOException
        || (e is OperationCanceledException && !ct.IsCancellationRequested);

    private BlobStoreUnavailableException Unavailable(string operation, string key, Exception e)
    {
        var reason = e is RequestFailedException r
            ? (r.Status == 0 ? $"cannot reach the service ({r.Message.Split('\n')[0]})" : $"HTTP {r.Status} {r.ErrorCode}")
            : e.Message.Split('\n')[0];
        return new BlobStoreUnavailableException($"could not {operation} '{key}' in {Description}: {reason}", e);
    }
}
