using System.Text.Json;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Site.Derived;
using HafizaIzmir.Site.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HafizaIzmir.Tests.Site;

/// <summary>
/// The real web application (<see cref="HafizaHost.Build"/>) on an in-process test server over options the
/// test chooses, so several can share one blob container or one data directory can be served twice in turn.
/// </summary>
public sealed class RunningSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningSite(WebApplication app)
    {
        _app = app;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }
    public HafizaIzmir.Archive.Storage.Archive Archive => Service<HafizaIzmir.Archive.Storage.Archive>();
    public T Service<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public static async Task<RunningSite> StartAsync(ArchiveOptions options, Func<HafizaIzmir.Archive.Storage.Archive, Task>? seed = null, Action<WebApplicationBuilder>? configure = null)
    {
        var app = HafizaHost.Build(options, configure: b =>
        {
            b.WebHost.UseTestServer();
            TestLimits.Raise(b);
            configure?.Invoke(b);
        });
        await app.Services.GetRequiredService<OcflRepository>().InitializeAsync();
        if (seed is not null) await seed(app.Services.GetRequiredService<HafizaIzmir.Archive.Storage.Archive>());
        await app.StartAsync();
        await app.Services.GetRequiredService<JournalFollower>().Ready.WaitAsync(TimeSpan.FromSeconds(60));
        return new RunningSite(app);
    }

    /// <summary>GETs <paramref name="url"/> and parses the JSON body, failing with the body when the status is not 200.</summary>
    public async Task<JsonElement> JsonAsync(string url)
    {
        using var response = await Client.GetAsync(url, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode}\n{body}");
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.Clone();
    }

    public static IReadOnlyList<string> Identifiers(JsonElement result) =>
        [.. result.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("identifier").GetString()!)];

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
