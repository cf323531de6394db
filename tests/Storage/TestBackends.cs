using System.Net.Sockets;
using HafizaIzmir.Archive.Storage;

namespace HafizaIzmir.Tests.Storage;

/// <summary>Where a test's blobs live; every test instance gets its own empty location, removed afterwards.</summary>
public abstract class TestBackend : IAsyncDisposable
{
    /// <summary>A store over this test's location; each call is a separate instance (like a separate process).</summary>
    public abstract Task<IBlobStore> OpenAsync();

    public abstract ValueTask DisposeAsync();
}

public sealed class FileSystemBackend : TestBackend
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "hafiza-tests", Guid.NewGuid().ToString("N"));

    public string StoreRoot => Path.Combine(Directory, "store");

    public override Task<IBlobStore> OpenAsync() =>
        Task.FromResult<IBlobStore>(new FileSystemBlobStore(StoreRoot, Path.Combine(Directory, "tmp")));

    public override ValueTask DisposeAsync()
    {
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// Azure Blob Storage through Azurite (or the account in HAFIZA_TEST_BLOB_CONNECTION), one container per test
/// instance, deleted afterwards. Without a connection string and without Azurite on 127.0.0.1:10000 the test is skipped.
/// </summary>
public sealed class AzureBackend : TestBackend
{
    private static readonly Lazy<Task<bool>> AzuriteReachable = new(ProbeAzuriteAsync);
    private readonly string container = "t" + Guid.NewGuid().ToString("N");
    private AzureBlobStore? opened;

    public override async Task<IBlobStore> OpenAsync()
    {
        var connection = Environment.GetEnvironmentVariable("HAFIZA_TEST_BLOB_CONNECTION");
        if (string.IsNullOrEmpty(connection))
        {
            if (!await AzuriteReachable.Value)
                Assert.Skip("Azurite not running on 127.0.0.1:10000 (start it with scripts/azurite.sh start, or set HAFIZA_TEST_BLOB_CONNECTION)");
            connection = "UseDevelopmentStorage=true";
        }
        var store = new AzureBlobStore(connection, container);
        opened ??= store;
        return store;
    }

    public override async ValueTask DisposeAsync()
    {
        if (opened is not null) await opened.DeleteContainerAsync();
    }

    private static async Task<bool> ProbeAzuriteAsync()
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync("127.0.0.1", 10000, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }
}

/// <summary>The read-only validation material, from HAFIZA_SHARED or ../shared beside the repository.</summary>
public static class SharedMaterial
{
    public static string? Directory
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("HAFIZA_SHARED");
            if (!string.IsNullOrEmpty(configured)) return System.IO.Directory.Exists(configured) ? configured : null;
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, "HafizaIzmir.sln"))) continue;
                var shared = Path.Combine(dir.FullName, "..", "shared");
                return System.IO.Directory.Exists(shared) ? Path.GetFullPath(shared) : null;
            }
            return null;
        }
    }

    public static string Require(string relative)
    {
        var root = Directory;
        if (root is null || !System.IO.Directory.Exists(Path.Combine(root, relative)))
            Assert.Skip($"validation material '{relative}' not found (set HAFIZA_SHARED or place it at ../shared beside the repository)");
        return Path.Combine(root!, relative);
    }
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;
    public override DateTimeOffset GetUtcNow() => Now;
}
