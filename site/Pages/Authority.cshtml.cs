using System.Globalization;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Site.Derived;
using HafizaIzmir.Site.Public;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HafizaIzmir.Site.Pages;

/// <summary>
/// <c>/kisi/{slug}</c>, <c>/kurum/{slug}</c>, <c>/mekan/{slug}</c>: a person, institution or place with its
/// names through time, relations as links, external identifiers, a map for places and its published
/// records on a timeline by decade. The identifier and former names' slugs redirect (301) to the slug of the
/// current name.
/// </summary>
public sealed class AuthorityModel(BrowseData browse, IOptions<MapOptions> map) : SitePage
{
    /// <summary>Records listed under each decade; the rest are one link away in the search.</summary>
    public const int ShownPerDecade = 8;

    public Authority Authority { get; private set; } = null!;
    public IReadOnlyList<(Relation Relation, Authority? Target)> Relations { get; private set; } = [];
    public Place? PartOf { get; private set; }
    public IReadOnlyList<KnownAuthority> Parts { get; private set; } = [];
    public IReadOnlyList<TimelineDecade> Timeline { get; private set; } = [];
    public int RecordCount { get; private set; }
    public MapOptions Map => map.Value;

    public string PathOf(Authority authority) => Language.Path(browse.PathOf(authority));

    public IActionResult OnGet(string id)
    {
        var kind = AuthorityPaths.KindOf(SiteLanguage.ToTurkish(Request.Path.Value ?? ""));
        // The address names the kind, so /kurum/ with a person's identifier is not a page.
        if (kind is null || browse.Resolve(kind.Value, id) is not { } found) return NotFoundPage();
        // A merged duplicate's address stays valid for links and citations: it points for good at the survivor.
        if (found.Authority.Value.MergedInto is { } survivor && browse.Authority(survivor) is { } merged)
            return RedirectPermanent(PathOf(merged.Value));
        if (found.Canonical != id)
            return RedirectPermanent(Language.Path(AuthorityPaths.Prefix(kind.Value) + Uri.EscapeDataString(found.Canonical)));
        Authority = found.Authority.Value;
        Title = Authority.Name;
        Relations = [.. Authority.Relations.Select(r => (r, browse.Authority(r.TargetId)?.Value))];
        if (Authority is Place { PartOf: { } parent }) PartOf = browse.Authority(parent)?.Value as Place;
        Parts = browse.PartsOf(Authority.Id);
        var records = browse.RecordsAbout(Authority.Id);
        RecordCount = records.Count;
        Timeline = [.. records.GroupBy(r => r.FirstYear is { } y ? y / 10 * 10 : (int?)null)
            .Select(g => new TimelineDecade(g.Key, g.Count(), [.. g.Take(ShownPerDecade)]))];
        Summary = Authority.Description?.In(Language.Code) is { Length: > 0 } d ? Shorten(d) : $"{T("Facet_" + FacetKey)}: {Authority.Name}";
        PreviewType = Authority.Kind == AuthorityKind.Person ? "profile" : "website";
        PreviewImage = records.FirstOrDefault(r => r.Thumbnail is not null)?.Thumbnail!.Url;
        if (HasMap) AllowImagesFrom(Map.TileOrigin);
        JsonLd = AuthoritySchema.Build(Authority, $"{Request.Scheme}://{Request.Host}", browse, Language);
        return Page();
    }

    public sealed record TimelineDecade(int? Decade, int Count, IReadOnlyList<PublishedRecord> Records);

    public string Describe(EdtfDate date) => date.Describe(Language.Code);

    public string DecadeLabel(int decade) => EdtfDate.Parse($"{decade / 10:000}X").Describe(Language.Code);

    /// <summary>A relation read from this authority's side ("Born in", "Doğduğu yer") in the page's language.</summary>
    public string RelationLabel(RelationType type) => T("Relation_" + type.Code());

    public string FacetKey => Authority.Kind switch
    {
        AuthorityKind.Person => "person",
        AuthorityKind.Institution => "institution",
        _ => "place",
    };

    public string SearchLink(int? decade) => Language.Path("/ara") + QueryString.Create(
        decade is { } d ? [new(FacetKey, Authority.Id), new("decade", d.ToString(CultureInfo.InvariantCulture)), new("sort", "date")]
                        : new KeyValuePair<string, string?>[] { new(FacetKey, Authority.Id), new("sort", "date") }).Value;

    public Place? Located => Authority as Place is { Latitude: not null, Longitude: not null } p ? p : null;

    /// <summary>Whether the interactive map is drawn; the coordinates are always written out as text.</summary>
    public bool HasMap => Located is not null && Map.TileOrigin is not null;

    public static string Coordinate(double value) => value.ToString("0.0#####", CultureInfo.InvariantCulture);

    /// <summary>Coordinates the way people read them: 38.4370° K, 27.1440° D.</summary>
    public string ReadableCoordinates(Place place) =>
        $"{Math.Abs(place.Latitude!.Value).ToString("0.0000", CultureInfo.InvariantCulture)}° {T(place.Latitude >= 0 ? "Map_North" : "Map_South")}, " +
        $"{Math.Abs(place.Longitude!.Value).ToString("0.0000", CultureInfo.InvariantCulture)}° {T(place.Longitude >= 0 ? "Map_East" : "Map_West")}";

    public static IEnumerable<(string Label, string Url)> ExternalLinks(Authority a)
    {
        var e = a.External;
        if (e.Wikidata is { Length: > 0 } q) yield return ("Wikidata", "https://www.wikidata.org/wiki/" + Uri.EscapeDataString(q));
        if (e.Viaf is { Length: > 0 } v) yield return ("VIAF", "https://viaf.org/viaf/" + Uri.EscapeDataString(v));
        if (e.Geonames is { Length: > 0 } g) yield return ("GeoNames", "https://www.geonames.org/" + Uri.EscapeDataString(g));
        if (e.OpenStreetMap is { Length: > 0 } o) yield return ("OpenStreetMap", "https://www.openstreetmap.org/" + string.Join('/', o.Split('/').Select(Uri.EscapeDataString)));
    }

    public static string Shorten(string text)
    {
        if (text.Length <= 200) return text;
        var cut = text.LastIndexOf(' ', 199);
        return text[..(cut < 100 ? 199 : cut)] + "…";
    }
}
