using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Text;
using HafizaIzmir.Site.Derived;
using HafizaIzmir.Site.Public;
using HafizaIzmir.Site.Web;

namespace HafizaIzmir.Site.Pages;

/// <summary>
/// <c>/sokaklar</c>: the city's streets and avenues with every name they have carried and when, searchable by
/// any of those names as people type them (Turkish-folded: <c>kizlaragasi</c> finds <c>Kızlarağası</c>).
/// </summary>
public sealed class StreetsModel(BrowseData browse) : SitePage
{
    public string? Query { get; private set; }
    public IReadOnlyList<StreetEntry> Streets { get; private set; } = [];
    public int AllCount { get; private set; }

    /// <summary>A street, the enclosing district, and the name the query matched when it was not the current one.</summary>
    public sealed record StreetEntry(Place Place, Authority? District, string? MatchedName, int RecordCount);

    public void OnGet()
    {
        Title = T("Streets_Title");
        Summary = T("Streets_Lead");
        Query = new QueryParameters(Request.Query).Text("q", SearchApi.MaxQueryLength);
        var words = Query is null ? [] : TurkishText.Fold(Query).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var all = browse.Streets();
        AllCount = all.Count;
        var entries = new List<StreetEntry>();
        foreach (var known in all)
        {
            var place = (Place)known.Value;
            string? matched = null;
            if (words.Length > 0)
            {
                var hit = place.AllNames.FirstOrDefault(n => Matches(TurkishText.Fold(n), words));
                if (hit is null) continue;
                if (hit != place.Name) matched = hit;
            }
            var district = place.PartOf is { } p ? browse.Authority(p)?.Value : null;
            entries.Add(new StreetEntry(place, district, matched, browse.RecordsAbout(place.Id).Count));
        }
        Streets = entries;
    }

    /// <summary>Every word of the query occurs in the name (so a fragment such as <c>aga</c> is enough).</summary>
    private static bool Matches(string foldedName, string[] words) => words.All(w => foldedName.Contains(w, StringComparison.Ordinal));

    public string PathOf(Authority authority) => Language.Path(browse.PathOf(authority));

    public string Describe(EdtfDate date) => date.Describe(Language.Code);
}
