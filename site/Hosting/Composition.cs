using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Site.Accounts;
using HafizaIzmir.Site.Derived;
using HafizaIzmir.Site.Iiif;
using HafizaIzmir.Site.Ocr;
using HafizaIzmir.Site.Web;
using HafizaIzmir.Site.Stories;
using HafizaIzmir.Archive.Derived;
using Microsoft.Extensions.DependencyInjection;

namespace HafizaIzmir.Site.Hosting;

using Archive = HafizaIzmir.Archive.Storage.Archive;

/// <summary>
/// The one place that turns <see cref="ArchiveOptions"/> into the archive's services; the web host and
/// every CLI verb go through it, so they can never disagree about where the data is.
/// </summary>
public static class Composition
{
    public static IServiceCollection AddHafizaArchive(this IServiceCollection services, ArchiveOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(_ => options.CreateBlobStore());
        services.AddSingleton(sp => new OcflRepository(sp.GetRequiredService<IBlobStore>())
        {
            WriterMarksDirectory = Path.Combine(options.TempDirectory, "writers"),
        });
        services.AddSingleton(sp => new ChangeJournal(sp.GetRequiredService<IBlobStore>()));
        services.AddSingleton(sp => new Archive(sp.GetRequiredService<OcflRepository>(), sp.GetRequiredService<ChangeJournal>()));
        services.AddSingleton(sp => new AccountStore(sp.GetRequiredService<IBlobStore>()));

        // Derived structures: each registers as IDerivedData so reindex and the journal follower find it.
        services.AddSingleton(_ => new RecordTree(Path.Combine(options.DerivedDirectory, RecordTree.FileName)));
        services.AddSingleton<IDerivedData>(sp => sp.GetRequiredService<RecordTree>());
        services.AddImageDerivativeFeed(options);
        services.AddSearch(options);
        services.AddOaiCatalogue(options);
        services.AddBrowseData(options);
        services.AddOcr(options);
        services.AddStoryCatalogue(options);
        services.AddSingleton(sp => new DerivedData(options.DerivedDirectory, sp.GetRequiredService<Archive>(), sp.GetServices<IDerivedData>()));
        return services;
    }

    /// <summary>The services a CLI verb needs, without a web host.</summary>
    public static ServiceProvider BuildForCli(ArchiveOptions options) =>
        new ServiceCollection().AddHafizaArchive(options).BuildServiceProvider();
}
