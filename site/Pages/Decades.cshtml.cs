using System.Globalization;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Site.Derived;
using HafizaIzmir.Site.Public;

namespace HafizaIzmir.Site.Pages;

/// <summary>
/// <c>/onyillar</c>: how many published records fall in each decade, each leading to the search filtered to
/// that decade (counted as the search counts it, so the numbers agree).
/// </summary>
public sealed class DecadesModel(BrowseData browse) : SitePage
{
    /// <summary>Bar lengths are drawn with classes <c>bar-0</c> … <c>bar-20</c> (no inline style under the content policy).</summary>
    public const int BarSteps = 20;

    public IReadOnlyList<(int Decade, int Count)> Decades { get; private set; } = [];
    public int Undated { get; private set; }

    public void OnGet()
    {
        Title = T("Decades_Title");
        Summary = T("Decades_Lead");
        Decades = browse.Decades();
        Undated = browse.UndatedCount();
    }

    public string Label(int decade) => EdtfDate.Parse($"{decade / 10:000}X").Describe(Language.Code);

    public string Link(int decade) => Language.Path("/ara") +
        QueryString.Create([new("decade", decade.ToString(CultureInfo.InvariantCulture)), new KeyValuePair<string, string?>("sort", "date")]).Value;

    public int Bar(int count)
    {
        var max = Decades.Count == 0 ? 1 : Decades.Max(d => d.Count);
        return count == 0 ? 0 : Math.Max(1, (int)Math.Round((double)count * BarSteps / max));
    }
}
