using HafizaIzmir.Archive.Images;
using HafizaIzmir.Archive.Ingest;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Site.Accounts;
using HafizaIzmir.Site.Demo;
using HafizaIzmir.Site.Derived;
using HafizaIzmir.Site.Hosting;
using HafizaIzmir.Tests.Site;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HafizaIzmir.Tests.Browser;

/// <summary>
/// The real application (<see cref="HafizaHost.Build"/>) on Kestrel at 127.0.0.1 on a free port, seeded
/// before it starts, plus one headless Chromium shared by the tests of a class; each page gets its own
/// browser context, so cookies never leak between tests. Subclass and override <see cref="SeedAsync"/>
/// for other data; the default is the bundled demo collection with its scans plus one unpublished draft.
/// Debian's Chromium is used (env <c>HAFIZA_CHROMIUM</c> overrides); Playwright never downloads a browser.
/// </summary>
public class BrowserSite : IAsyncLifetime
{
    public const string ChromiumVariable = "HAFIZA_CHROMIUM";
    public const string DefaultChromium = "/usr/bin/chromium";
    /// <summary>The unpublished record of the default seed; it must never be reachable publicly.</summary>
    public const string DraftIdentifier = "SRR-S01-9999";
    public const string DraftTitle = "Kordon'daki gizli taslak film";

    private readonly TempDirectory _dir = new();
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _skipReason;

    /// <summary>Where the site listens, without a trailing slash, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; private set; } = "";
    public HafizaIzmir.Archive.Storage.Archive Archive => Service<HafizaIzmir.Archive.Storage.Archive>();
    public T Service<T>() where T : notnull => _app!.Services.GetRequiredService<T>();
    protected TempDirectory Directory => _dir;

    public async ValueTask InitializeAsync()
    {
        var app = HafizaHost.Build(new ArchiveOptions(_dir.Sub("data")), urls: "http://127.0.0.1:0");
        _app = app;
        await app.Services.GetRequiredService<OcflRepository>().InitializeAsync();
        await SeedAsync(app.Services.GetRequiredService<HafizaIzmir.Archive.Storage.Archive>());
        await app.StartAsync();
        await app.Services.GetRequiredService<JournalFollower>().Ready.WaitAsync(TimeSpan.FromSeconds(60));
        BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single().TrimEnd('/');

        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } chosen ? chosen : DefaultChromium;
        if (!File.Exists(chromium))
        {
            _skipReason = $"no Chromium at {chromium} (scripts/test.sh installs Debian's chromium; {ChromiumVariable} overrides the path)";
            return;
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true });
    }

    /// <summary>Writes the data the site starts with; runs before the host starts, so the follower sees it at once.</summary>
    protected virtual Task SeedAsync(HafizaIzmir.Archive.Storage.Archive archive) => SeedDemoAsync(archive, _dir);

    /// <summary>The bundled demo collection with its drawn scans, published, and <see cref="DraftIdentifier"/> left a draft.</summary>
    public static async Task SeedDemoAsync(HafizaIzmir.Archive.Storage.Archive archive, TempDirectory dir)
    {
        var records = DemoScans.BundledRecords;
        var scans = dir.Sub("scans");
        DemoScans.Create(records, scans);
        var importer = new Importer(archive, ImageFileProbe.Create());
        var demo = await importer.ImportAsync(new ImportRequest
        {
            AuthoritiesPath = Path.Combine(Path.GetDirectoryName(records)!, "authorities.csv"),
            RecordsPath = records,
            FilesDir = scans,
            Publish = true,
            User = "test",
        });
        Assert.True(demo.Succeeded, demo.Describe());
        var draft = dir.Sub("draft.csv");
        await File.WriteAllTextAsync(draft,
            "identifier,parent,level,title,date,type,description,persons,places,axes\n" +
            $"{DraftIdentifier},SRR-S01,item,{DraftTitle},1895,video,İzmir limanında taslak,Şerif Remzi Reyent,Kızlarağası Hanı,liman\n");
        var unpublished = await importer.ImportAsync(new ImportRequest { RecordsPath = draft, User = "test" });
        Assert.True(unpublished.Succeeded, unpublished.Describe());
    }

    /// <summary>A page in a fresh browser context of the given viewport; skips the test when there is no Chromium.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        if (_browser is null) Assert.Skip(_skipReason ?? "the browser did not start");
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "tr-TR",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Creates an account with <paramref name="role"/> and signs in through the real /katalog form, so the
    /// page's context carries the auth cookie afterwards.
    /// </summary>
    public async Task SignInAsync(IPage page, string name, Role role)
    {
        await Service<AccountStore>().CreateAsync(name, role, KatalogBrowser.Password);
        await page.GotoAsync("/katalog/giris");
        await page.FillAsync("input[name=kullanici]", name);
        await page.FillAsync("input[name=parola]", KatalogBrowser.Password);
        await page.Locator("form button[type=submit]").First.ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/katalog/giris", StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _dir.Dispose();
        GC.SuppressFinalize(this);
    }
}
