using HafizaIzmir.Archive.Derived;
using HafizaIzmir.Site.Derived;
using HafizaIzmir.Site.Hosting;
using HafizaIzmir.Site.Katalog;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HafizaIzmir.Site.Stories;

/// <summary>Wiring of stories: the derived story list (for every verb), rendering, workflow, pages and the cataloguing routes.</summary>
public static class StoryServices
{
    /// <summary>The story catalogue as derived data, so <c>reindex</c> and the journal follower keep it.</summary>
    public static IServiceCollection AddStoryCatalogue(this IServiceCollection services, ArchiveOptions options)
    {
        services.AddSingleton(_ => new StoryCatalogue(Path.Combine(options.DerivedDirectory, StoryCatalogue.FileName)));
        services.AddSingleton<IDerivedData>(sp => sp.GetRequiredService<StoryCatalogue>());
        return services;
    }

    public static IServiceCollection AddStories(this IServiceCollection services)
    {
        services.AddSingleton<EmbedResolver>();
        services.AddSingleton<StoryRenderer>();
        services.AddSingleton<StoryWorkflow>();
        // The English addresses of the story pages, beside the Turkish ones the pages declare.
        services.Configure<RazorPagesOptions>(options =>
        {
            options.Conventions.AddPageRoute("/Stories", "en/stories");
            options.Conventions.AddPageRoute("/Story", "en/stories/{slug}");
        });
        return services;
    }

    public static WebApplication MapStories(this WebApplication app)
    {
        app.MapStoryEditor();
        return app;
    }
}
