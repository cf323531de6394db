using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Site.Derived;
using HafizaIzmir.Site.Public;

namespace HafizaIzmir.Site.Pages;

/// <summary>The home page: a search box, the archive's three axes and other ways in, and what was published last.</summary>
public sealed class IndexModel(BrowseData browse) : SitePage
{
    public const int RecentCount = 8;

    public static IReadOnlyList<string> AxisCodes => [.. Vocabulary.Axes.Keys];

    public IReadOnlyList<PublishedRecord> Recent { get; private set; } = [];
    public int PublishedCount { get; private set; }

    public void OnGet()
    {
        Title = "";
        Recent = browse.Recent(RecentCount);
        PublishedCount = browse.PublishedCount;
        PreviewImage = Recent.FirstOrDefault(r => r.Thumbnail is not null)?.Thumbnail!.Url;
    }
}
