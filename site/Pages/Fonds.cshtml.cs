using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Site.Derived;
using HafizaIzmir.Site.Public;

namespace HafizaIzmir.Site.Pages;

/// <summary>
/// <c>/fonlar</c>: the archive's arrangement, fonds → series → file, each with how many published records it
/// holds. Items are left to the file's own page, so the overview stays one screenful per fonds.
/// </summary>
public sealed class FondsModel(BrowseData browse) : SitePage
{
    /// <summary>Files listed under one series before the rest are left to the series page.</summary>
    public const int ShownFiles = 60;

    public IReadOnlyList<PublishedRecord> Roots { get; private set; } = [];

    public void OnGet()
    {
        Title = T("Fonds_Title");
        Summary = T("Fonds_Lead");
        Roots = browse.Roots();
    }

    /// <summary>Children that are themselves containers (series, files), not items.</summary>
    public IReadOnlyList<PublishedRecord> Containers(string identifier) =>
        [.. browse.ChildrenOf(identifier).Where(c => c.Level != Level.Item)];

    public int Count(string identifier) => browse.DescendantCount(identifier);

    public int ItemCount(string identifier) => browse.ChildrenOf(identifier).Count(c => c.Level == Level.Item);

    public string RecordLink(string identifier) => Language.Path(HafizaIzmir.Indexer.Search.SearchResult.UrlOf(identifier));

    public string? DateOf(PublishedRecord r) =>
        r.Date is { } d && EdtfDate.TryParse(d, out var parsed, out _) ? parsed.Describe(Language.Code) : null;
}
