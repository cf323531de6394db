using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;

namespace HafizaIzmir.Site.Public;

/// <summary>The server-rendered public pages (Razor Pages), Turkish at the root and English under <c>/en/</c>.</summary>
public static class PublicSite
{
    public static IServiceCollection AddPublicSite(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            // Each page declares its Turkish route; the English twin is added here from the one mapping table.
            options.Conventions.AddPageRoute("/Search", "en/search");
            options.Conventions.AddPageRoute("/Record", "en/record/{identifier}");
            options.Conventions.AddPageRoute("/RecordPages", "en/record/{identifier}/metin");
            options.Conventions.AddPageRoute("/Index", "en");
            options.Conventions.AddPageRoute("/Axis", "en/axis/{axis}");
            options.Conventions.AddPageRoute("/Streets", "en/streets");
            options.Conventions.AddPageRoute("/Fonds", "en/fonds");
            options.Conventions.AddPageRoute("/Decades", "en/decades");
            options.Conventions.AddPageRoute("/About", "en/about");
            foreach (var route in new[] { "kurum/{id}", "mekan/{id}", "en/person/{id}", "en/institution/{id}", "en/place/{id}" })
                options.Conventions.AddPageRoute("/Authority", route);
        });
        // Turkish letters are written as themselves (readable source, smaller pages); markup characters are still escaped.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddOptions<MapOptions>().BindConfiguration(MapOptions.Section);
        services.AddSingleton<PageFreshness>();
        return services;
    }

    public static void MapPublicSite(this WebApplication app)
    {
        // Runs before any endpoint (routing is at the front of the pipeline), so a current copy costs no rendering.
        app.UseMiddleware<PageCaching>();
        app.MapSitemap();
        app.MapRazorPages();
    }
}
