using HafizaIzmir.Archive.Derived;
using HafizaIzmir.Indexer.Hosting;
using HafizaIzmir.Site.Web;
using Microsoft.Extensions.DependencyInjection;

namespace HafizaIzmir.Site.Hosting;

using Archive = HafizaIzmir.Archive.Storage.Archive;

public static class SearchServices
{
    /// <summary>
    /// The public search index and the authority names for autocomplete, both derived data under
    /// <c>{data}/derived</c>: rebuilt by <c>reindex</c> and at start-up when missing, kept current by the journal follower.
    /// </summary>
    public static IServiceCollection AddSearch(this IServiceCollection services, ArchiveOptions options)
    {
        services.AddSingleton(sp => new SearchIndexData(
            Path.Combine(options.DerivedDirectory, SearchIndexData.DirectoryName), sp.GetRequiredService<Archive>(), PublicationGate.IsPublic,
            fullText: sp.GetRequiredService<HafizaIzmir.Archive.Ocr.RecordText>().SearchTextAsync));
        services.AddSingleton<IDerivedData>(sp => sp.GetRequiredService<SearchIndexData>());
        services.AddSingleton(_ => new AuthorityNames(Path.Combine(options.DerivedDirectory, AuthorityNames.FileName)));
        services.AddSingleton<IDerivedData>(sp => sp.GetRequiredService<AuthorityNames>());
        return services;
    }
}
