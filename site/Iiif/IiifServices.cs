using HafizaIzmir.Archive.Derived;
using HafizaIzmir.Archive.Images;
using HafizaIzmir.Archive.Images.Derivatives;
using HafizaIzmir.Site.Hosting;
using Microsoft.Extensions.Options;

namespace HafizaIzmir.Site.Iiif;

/// <summary>Registration of the image pipeline: derivative feed for every host, engine, worker and endpoints for the web.</summary>
public static class IiifServices
{
    /// <summary>Where the derivative jobs wait, under the rebuildable derived directory.</summary>
    public static string QueueDirectory(ArchiveOptions options) => Path.Combine(options.DerivedDirectory, "iiif-queue");

    /// <summary>The local copies of pyramids.</summary>
    public static string CacheDirectory(ArchiveOptions options) => Path.Combine(options.DerivedDirectory, "iiif");

    /// <summary>The journal-fed queue, also for the CLI so that <c>reindex</c> enqueues every image again.</summary>
    public static IServiceCollection AddImageDerivativeFeed(this IServiceCollection services, ArchiveOptions options)
    {
        services.AddSingleton(_ => new DerivativeQueue(QueueDirectory(options)));
        services.AddSingleton(sp => new DerivativeFeed(sp.GetRequiredService<DerivativeQueue>()));
        services.AddSingleton<IDerivedData>(sp => sp.GetRequiredService<DerivativeFeed>());
        return services;
    }

    /// <summary>Engine, derivative store, background worker and the IIIF endpoints' services, configured from
    /// the <c>Images</c> and <c>Iiif</c> sections.</summary>
    public static IServiceCollection AddIiif(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<IiifOptions>(configuration.GetSection(IiifOptions.Section));
        services.Configure<ImagesOptions>(configuration.GetSection(ImagesOptions.Section));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ImagesOptions>>().Value.ToLimits());
        services.AddSingleton<IImageEngine>(sp => new VipsImageEngine(sp.GetRequiredService<ImageLimits>()));
        services.AddSingleton(sp => new DerivativeStore(
            sp.GetRequiredService<HafizaIzmir.Archive.Storage.IBlobStore>(), sp.GetRequiredService<IImageEngine>(),
            CacheDirectory(sp.GetRequiredService<ArchiveOptions>()),
            sp.GetRequiredService<IOptions<IiifOptions>>().Value.LocalCacheMegabytes * 1024 * 1024));
        services.AddSingleton(sp => new PublicRecordCache(sp.GetRequiredService<HafizaIzmir.Archive.Storage.Archive>()));
        services.AddSingleton<IDerivedData>(sp => sp.GetRequiredService<PublicRecordCache>());
        services.AddSingleton<ImageCatalog>();
        services.AddSingleton<DerivativeWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<DerivativeWorker>());
        return services;
    }

    public static void MapIiif(this WebApplication app)
    {
        app.UseViewerAssets();
        app.MapImageApi();
        app.MapPresentationApi();
        app.MapMasterDownload();
    }
}
