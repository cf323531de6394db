using HafizaIzmir.Archive.Derived;
using HafizaIzmir.Site.Derived;
using Microsoft.Extensions.DependencyInjection;

namespace HafizaIzmir.Site.Hosting;

public static class BrowseServices
{
    /// <summary>
    /// The public browse data (published records, authorities and their addresses) under <c>{data}/derived</c>:
    /// rebuilt by <c>reindex</c> and at start-up when missing, kept current by the journal follower.
    /// </summary>
    public static IServiceCollection AddBrowseData(this IServiceCollection services, ArchiveOptions options)
    {
        services.AddSingleton(_ => new BrowseData(Path.Combine(options.DerivedDirectory, BrowseData.FileName)));
        services.AddSingleton<IDerivedData>(sp => sp.GetRequiredService<BrowseData>());
        return services;
    }
}
