using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Indexer.Hosting;
using HafizaIzmir.Indexer.Search;
using HafizaIzmir.Site.Public;
using Microsoft.AspNetCore.Mvc;

namespace HafizaIzmir.Site.Pages;

using Archive = HafizaIzmir.Archive.Storage.Archive;

/// <summary>
/// <c>/kisi/{id}</c>, <c>/kurum/{id}</c>, <c>/mekan/{id}</c>: a person, institution or place with its names
/// through time, relations as links and the published records linked to it (found through the search index).
/// </summary>
public sealed class AuthorityModel(Archive archive, SearchIndexData index) : SitePage
{
    public const int ShownRecords = 20;

    private static readonly Dictionary<AuthorityKind, string> Prefixes = new()
    {
        [AuthorityKind.Person] = "/kisi/",
        [AuthorityKind.Institution] = "/kurum/",
        [AuthorityKind.Place] = "/mekan/",
    };

    public Authority Authority { get; private set; } = null!;
    public IReadOnlyList<(Relation Relation, Authority? Target)> Relations { get; private set; } = [];
    public SearchResult? Records { get; private set; }

    public static string AuthorityPath(AuthorityKind kind, string id) => Prefixes[kind] + Uri.EscapeDataString(id);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var path = SiteLanguage.ToTurkish(Request.Path.Value ?? "");
        var authority = (await archive.GetAuthorityAsync(id, ct))?.Value;
        // The address names the kind, so /kurum/ with a person's identifier is not a page.
        if (authority is null || !path.StartsWith(Prefixes[authority.Kind], StringComparison.Ordinal)) return NotFoundPage();
        Authority = authority;
        Title = authority.Name;
        var relations = new List<(Relation, Authority?)>();
        foreach (var relation in authority.Relations)
            relations.Add((relation, (await archive.GetAuthorityAsync(relation.TargetId, ct))?.Value));
        Relations = relations;
        var query = authority.Kind switch
        {
            AuthorityKind.Person => new SearchQuery { Person = authority.Id },
            AuthorityKind.Institution => new SearchQuery { Institution = authority.Id },
            _ => new SearchQuery { Place = authority.Id },
        };
        try
        {
            Records = index.Search(query with { Sort = SearchSort.Date, Size = ShownRecords });
        }
        catch (SearchIndexUnavailableException)
        {
            Records = null;
        }
        return Page();
    }

    public string Describe(EdtfDate date) => date.Describe(Language.Code);

    /// <summary>A relation read from this authority's side ("Born in", "Doğduğu yer") in the page's language.</summary>
    public string RelationLabel(RelationType type) => T("Relation_" + type.Code());

    public string FacetKey => Authority.Kind switch
    {
        AuthorityKind.Person => "person",
        AuthorityKind.Institution => "institution",
        _ => "place",
    };
}
