using System.Xml.Linq;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Ingest;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Site.Demo;
using HafizaIzmir.Site.Derived;
using HafizaIzmir.Site.Hosting;
using HafizaIzmir.Tests.Site;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static HafizaIzmir.Tests.Oai.OaiClient;

namespace HafizaIzmir.Tests.Oai;

/// <summary>One header as a harvester sees it.</summary>
internal sealed record Harvested(string Identifier, string Datestamp, bool Deleted);

/// <summary>
/// The real host (<see cref="HafizaHost.Build"/>) on a test server over a data directory that outlives it,
/// so a second host can be started on the same data. Pages are small to make harvests cross many tokens.
/// </summary>
internal sealed class OaiSite : IAsyncDisposable
{
    public const int PageSize = 10;
    private WebApplication _app = null!;

    public HttpClient Client { get; private set; } = null!;
    public HafizaIzmir.Archive.Storage.Archive Archive { get; private set; } = null!;

    public static async Task<OaiSite> StartAsync(string data, Func<HafizaIzmir.Archive.Storage.Archive, Task>? seed = null)
    {
        var site = new OaiSite();
        site._app = HafizaHost.Build(new ArchiveOptions(data), configure: b =>
        {
            b.WebHost.UseTestServer();
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Oai:PageSize"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Oai:PublicBaseUrl"] = "https://hafiza.example.org",
            });
        });
        site.Archive = site._app.Services.GetRequiredService<HafizaIzmir.Archive.Storage.Archive>();
        await site._app.Services.GetRequiredService<OcflRepository>().InitializeAsync();
        if (seed is not null) await seed(site.Archive);
        await site._app.StartAsync();
        await site._app.Services.GetRequiredService<JournalFollower>().Ready.WaitAsync(TimeSpan.FromSeconds(60));
        site.Client = site._app.GetTestClient();
        return site;
    }

    /// <summary>The bundled demo collection through the real importer (published, with its synthetic scans), and one draft.</summary>
    public static async Task SeedDemoAsync(HafizaIzmir.Archive.Storage.Archive archive)
    {
        var report = await new Importer(archive, ImageFileProbe.Create()).ImportAsync(new ImportRequest
        {
            AuthoritiesPath = Path.Combine(Path.GetDirectoryName(DemoScans.BundledRecords)!, "authorities.csv"),
            RecordsPath = DemoScans.BundledRecords,
            FilesDir = DemoScanFiles.Value,
            Publish = true,
            User = "test",
        });
        Assert.True(report.Succeeded, report.Describe());
        await archive.SaveRecordAsync(SampleRecords.Make(DraftId, Level.Item, "Taslak mektup", "SRR", WorkflowState.Draft), [], null, new CommitInfo("test", "draft"));
    }

    public const string DraftId = "SRR-TASLAK";

    /// <summary>Drawn once per test run: the scans take a few seconds and never change.</summary>
    private static readonly Lazy<string> DemoScanFiles = new(() =>
    {
        var dir = Path.Combine(Path.GetTempPath(), $"hafiza-oai-demo-scans-{Environment.ProcessId}");
        DemoScans.Create(DemoScans.BundledRecords, dir);
        // Shared by every OAI test class of the run, so it goes when the test process does.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(dir, recursive: true); }
            catch (IOException) { }
        };
        return dir;
    });

    public async Task<XDocument> Get(string query)
    {
        var response = await Client.GetAsync("/oai?" + query, TestContext.Current.CancellationToken);
        Assert.Equal("text/xml; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>A whole list across resumption tokens; every response is validated against the schemas when they are present.</summary>
    public async Task<List<Harvested>> HarvestAsync(string verb, string prefix, string? arguments = null, Func<int, Task>? betweenPages = null)
    {
        var seen = new List<Harvested>();
        var d = await Get($"verb={verb}&metadataPrefix={prefix}{(arguments is null ? "" : "&" + arguments)}");
        for (var page = 1; ; page++)
        {
            if (ErrorCode(d) == "noRecordsMatch") return seen;
            Assert.Null(ErrorCode(d));
            if (OaiSchemas.Shared is not null) OaiSchemas.AssertValid(d, edm: prefix == "edm");
            seen.AddRange(Headers(d));
            var token = Token(d);
            if (token is null || token.Value.Length == 0) return seen;
            if (betweenPages is not null) await betweenPages(page);
            d = await Get($"verb={verb}&resumptionToken={Uri.EscapeDataString(token.Value)}");
        }
    }

    public static IEnumerable<Harvested> Headers(XDocument d) => d.Descendants(OaiNs + "header").Select(h => new Harvested(
        h.Element(OaiNs + "identifier")!.Value["oai:hafiza.izmir:".Length..],
        h.Element(OaiNs + "datestamp")!.Value,
        h.Attribute("status")?.Value == "deleted"));

    public async Task<Harvested?> HeaderAsync(string identifier)
    {
        var d = await Get($"verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:hafiza.izmir:{identifier}");
        return Headers(d).SingleOrDefault();
    }

    /// <summary>Waits until the journal follower has brought the catalogue to the state <paramref name="done"/> expects.</summary>
    public async Task<Harvested> WaitForAsync(string identifier, Func<Harvested?, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var header = await HeaderAsync(identifier);
            if (done(header)) return header!;
            Assert.True(DateTime.UtcNow < deadline, $"the catalogue did not reach the expected state for {identifier} in time (now {header})");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Lists hold back the current second; this waits until a datestamp is listable.</summary>
    public static async Task SettleAsync(string datestamp)
    {
        var at = DateTimeOffset.Parse(datestamp, System.Globalization.CultureInfo.InvariantCulture);
        while (DateTimeOffset.UtcNow < at.AddSeconds(2)) await Task.Delay(200, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
