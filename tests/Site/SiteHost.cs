using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Site.Derived;
using HafizaIzmir.Archive.Derived;
using HafizaIzmir.Site.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HafizaIzmir.Tests.Site;

/// <summary>
/// The real web application (<see cref="HafizaHost.Build"/>, the same wiring <c>serve</c> uses) on an
/// in-process test server, over a fresh filesystem store or, when one is configured, Azure (Azurite).
/// </summary>
public sealed class SiteHost : IAsyncDisposable
{
    public const string AzureConnectionVariable = "HAFIZA_TEST_BLOB_CONNECTION";

    private readonly TempDirectory _dir = new();
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;
    public HafizaIzmir.Archive.Storage.Archive Archive { get; private set; } = null!;
    public IServiceProvider Services => _app!.Services;
    /// <summary>The test's own directory: the data directory and nothing else the site may write to lies under it.</summary>
    public string Root => _dir.Path;
    public string DataDirectory => _data ?? _dir.Sub("data");
    private string? _data;

    /// <summary>
    /// "filesystem" or "azure"; the latter skips the test when no Azure connection is configured, unless
    /// <paramref name="blobConnection"/> names one. <paramref name="dataDirectory"/> replaces the host's own.
    /// </summary>
    public static async Task<SiteHost> StartAsync(string storage, Func<HafizaIzmir.Archive.Storage.Archive, Task>? seed = null,
        Action<WebApplicationBuilder>? configure = null, IReadOnlyDictionary<string, string?>? settings = null,
        string? blobConnection = null, string? dataDirectory = null)
    {
        var connection = blobConnection;
        if (storage == "azure" && connection is null)
        {
            connection = Environment.GetEnvironmentVariable(AzureConnectionVariable);
            if (string.IsNullOrWhiteSpace(connection)) Assert.Skip($"{AzureConnectionVariable} is not set (scripts/test.sh sets it when Azurite runs)");
        }
        var host = new SiteHost();
        host._data = dataDirectory;
        var options = new ArchiveOptions(host.DataDirectory, connection, $"site-test-{Guid.NewGuid():N}");

        host._app = HafizaHost.Build(options, configure: b =>
        {
            b.WebHost.UseTestServer();
            TestLimits.Raise(b);
            if (settings is not null) b.Configuration.AddInMemoryCollection(settings);
            configure?.Invoke(b);
        });
        host.Archive = host._app.Services.GetRequiredService<HafizaIzmir.Archive.Storage.Archive>();
        await host._app.Services.GetRequiredService<OcflRepository>().InitializeAsync();
        if (seed is not null) await seed(host.Archive);
        await host._app.StartAsync();
        await host._app.Services.GetRequiredService<JournalFollower>().Ready.WaitAsync(TimeSpan.FromSeconds(30));
        host.Client = host._app.GetTestClient();
        return host;
    }

    /// <summary>The sample fonds: a published letter with its creator, and one record in every non-public state.</summary>
    public static async Task SeedSamplesAsync(HafizaIzmir.Archive.Storage.Archive archive)
    {
        var info = new CommitInfo("test", "seed");
        await archive.SaveAuthorityAsync(SampleRecords.Reyent, null, info);
        foreach (var record in new[] { SampleRecords.Fonds, SampleRecords.Letter, SampleRecords.Draft, SampleRecords.InReview, SampleRecords.Withdrawn })
            await archive.SaveRecordAsync(record, [], null, info);
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _dir.Dispose();
    }
}
