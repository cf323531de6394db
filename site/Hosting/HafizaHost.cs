using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Site.Derived;
using HafizaIzmir.Archive.Derived;
using HafizaIzmir.Site.Web;
using HafizaIzmir.Site.Iiif;
using HafizaIzmir.Site.Katalog;
using HafizaIzmir.Site.Ocr;
using HafizaIzmir.Site.Public;
using HafizaIzmir.Site.Stories;
using Microsoft.AspNetCore.Http.Features;

namespace HafizaIzmir.Site.Hosting;

/// <summary>
/// Builds the web application (site, API and the background services). <c>serve</c> runs it; tests build
/// it with their own options and server, so both exercise the same wiring.
/// </summary>
public static class HafizaHost
{
    /// <summary>The largest request body accepted; uploads of masters are the big ones.</summary>
    public const long MaxRequestBodyBytes = 512L * 1024 * 1024;

    public static WebApplication Build(ArchiveOptions options, string? urls = null, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // appsettings.json is found beside the program wherever it is started from.
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(HafizaHost).Assembly.GetName().Name,
        });
        if (urls is not null) builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
        });
        builder.Services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = MaxRequestBodyBytes);
        builder.Services.AddProblemDetails();

        builder.Services.AddHafizaArchive(options);
        // Hosted services start in order: storage is initialised before the follower reads the journal.
        builder.Services.AddHostedService<StorageInitializer>();
        builder.Services.AddSingleton(sp => new JournalFollower(sp.GetRequiredService<DerivedData>(), sp.GetRequiredService<ILogger<JournalFollower>>(),
            sp.GetRequiredService<IConfiguration>().GetValue<int?>(JournalFollower.PollIntervalSetting) is { } ms ? TimeSpan.FromMilliseconds(ms) : null));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<JournalFollower>());
        builder.Services.AddIiif(builder.Configuration);
        builder.Services.AddKatalog();
        builder.Services.AddPublicSite();
        builder.Services.AddStories();
        builder.Services.AddHardening(builder.Configuration);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseHardening();
        app.UseStorageOutage();
        // Called here rather than left to the framework, which would put them before everything above: a storage
        // outage met while checking a sign-in cookie is then answered like any other.
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealth();
        app.MapRecordApi();
        app.MapIiif();
        app.MapSearchApi();
        app.MapOaiPmh();
        app.MapRecordTiers();
        app.MapKatalog();
        app.MapOcr();
        app.MapStories();
        app.MapKatalogAdministration();
        app.MapPublicSite();
        return app;
    }

    /// <summary>Writes the OCFL storage root declaration on first start (a no-op afterwards).</summary>
    private sealed class StorageInitializer(OcflRepository repository) : IHostedService
    {
        public Task StartAsync(CancellationToken ct) => repository.InitializeAsync(ct);
        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
