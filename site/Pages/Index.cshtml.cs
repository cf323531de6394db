using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Site.Public;

namespace HafizaIzmir.Site.Pages;

/// <summary>The home page: the archive's three axes as ways in, and a search box.</summary>
public sealed class IndexModel : SitePage
{
    public static IReadOnlyList<string> AxisCodes => [.. Vocabulary.Axes.Keys];

    public void OnGet() => Title = "";
}
