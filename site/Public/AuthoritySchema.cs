using System.Text.Json;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Site.Derived;

namespace HafizaIzmir.Site.Public;

/// <summary>schema.org descriptions of authorities (Person, Organization, Place) for search engines, as JSON-LD.</summary>
public static class AuthoritySchema
{
    public static string Build(Authority a, string origin, BrowseData browse, SiteLanguage language)
    {
        var url = origin + browse.PathOf(a);
        var data = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = a.Kind switch { AuthorityKind.Person => "Person", AuthorityKind.Institution => "Organization", _ => "Place" },
            ["@id"] = url,
            ["url"] = url,
            ["identifier"] = a.Id,
            ["name"] = a.Name,
            ["alternateName"] = a.Variants.Count > 0 ? a.Variants.Select(v => v.Name).ToArray() : null,
            ["description"] = a.Description?.In(language.Code) is { Length: > 0 } d ? d : null,
            ["sameAs"] = SameAs(a) is { Length: > 0 } same ? same : null,
            ["subjectOf"] = origin + "/ara?" + (a.Kind switch { AuthorityKind.Person => "person", AuthorityKind.Institution => "institution", _ => "place" }) + "=" + Uri.EscapeDataString(a.Id),
        };
        switch (a)
        {
            case Person p:
                data["jobTitle"] = p.Subtype;
                data["birthDate"] = p.Dates?.Start?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
                data["deathDate"] = p.Dates is { IsInterval: true, End: { } end } ? end.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
                break;
            case Institution i:
                data["foundingDate"] = i.Dates?.Start?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
                data["dissolutionDate"] = i.Dates is { IsInterval: true, End: { } closed } ? closed.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
                break;
            case Place place:
                if (place is { Latitude: { } lat, Longitude: { } lon })
                    data["geo"] = new Dictionary<string, object> { ["@type"] = "GeoCoordinates", ["latitude"] = lat, ["longitude"] = lon };
                if (place.PartOf is { } parent && browse.Authority(parent) is { } container)
                    data["containedInPlace"] = new Dictionary<string, object> { ["@type"] = "Place", ["@id"] = origin + browse.PathOf(container.Value), ["name"] = container.Value.Name };
                break;
        }
        // The default encoder escapes '<', '>' and '&', so no name can close the script element it is written in.
        return JsonSerializer.Serialize(data.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value));
    }

    private static string[] SameAs(Authority a)
    {
        var e = a.External;
        var links = new List<string>();
        if (e.Wikidata is { Length: > 0 } q) links.Add("http://www.wikidata.org/entity/" + Uri.EscapeDataString(q));
        if (e.Viaf is { Length: > 0 } v) links.Add("http://viaf.org/viaf/" + Uri.EscapeDataString(v));
        if (e.Geonames is { Length: > 0 } g) links.Add("https://sws.geonames.org/" + Uri.EscapeDataString(g) + "/");
        return [.. links];
    }
}
