using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Site.Derived;
using HafizaIzmir.Site.Public;
using HafizaIzmir.Site.Stories;

namespace HafizaIzmir.Site.Pages;

/// <summary><c>/hikaye</c> (<c>/en/stories</c>): every published story, most recently published first.</summary>
public sealed class StoriesModel(StoryCatalogue catalogue, EmbedResolver resolver) : SitePage
{
    public IReadOnlyList<StoryListing> Stories { get; private set; } = [];
    public IReadOnlyDictionary<string, EmbedTarget> Covers { get; private set; } = new Dictionary<string, EmbedTarget>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Title = T("Stories_Title");
        Stories = catalogue.Published();
        Covers = await StoryCovers.FindAsync(resolver, Stories, ct);
    }
}

/// <summary>The public cover images of listed stories (a cover record that is not public shows no picture).</summary>
public static class StoryCovers
{
    public static async Task<IReadOnlyDictionary<string, EmbedTarget>> FindAsync(EmbedResolver resolver, IEnumerable<StoryListing> stories, CancellationToken ct)
    {
        var withCover = stories.Where(s => s.Cover is not null).ToList();
        var targets = await resolver.ResolveAsync(withCover.Select(s => new EmbedReference("kayit", s.Cover!)), ct);
        var covers = new Dictionary<string, EmbedTarget>(StringComparer.Ordinal);
        foreach (var story in withCover)
            if (targets.GetValueOrDefault(new EmbedReference("kayit", story.Cover!)) is { IsPublic: true, Thumbnail: not null } target)
                covers[story.Slug] = target;
        return covers;
    }
}
