using System.Xml;
using HafizaIzmir.Archive.Domain;

namespace HafizaIzmir.Oai.Formats;

/// <summary>
/// The EDM contextual classes: <c>edm:Agent</c> for persons and institutions, <c>edm:Place</c>, and
/// <c>skos:Concept</c> for subject terms, each with its properties in schema order.
/// </summary>
public static class EdmContext
{
    /// <summary>
    /// Europeana counts an agent as a contextual class only with dates or a profession, a place only with
    /// coordinates; a concept made from a free subject term carries just a label and never counts.
    /// </summary>
    public static bool Qualifies(Authority authority) => authority switch
    {
        Place p => p.Latitude is not null && p.Longitude is not null,
        Person p => p.Dates is not null || !string.IsNullOrWhiteSpace(p.Subtype),
        _ => authority.Dates is not null,
    };

    public static void WriteAgent(XmlWriter w, OaiLinks links, Authority agent)
    {
        w.WriteStartElement("edm", "Agent", Ns.Edm);
        w.WriteAttributeString("rdf", "about", Ns.Rdf, links.AuthorityPage(agent));
        WriteLabels(w, agent);
        var (begin, end) = Ends(agent.Dates);
        if (agent.Dates is not null && !agent.Dates.IsInterval) w.Element("dc", "date", Ns.Dc, agent.Dates.Text);
        w.Element("edm", "begin", Ns.Edm, begin);
        w.Element("edm", "end", Ns.Edm, end);
        if (agent is Person person)
        {
            w.Element("rdaGr2", "dateOfBirth", Ns.RdaGr2, begin);
            w.Element("rdaGr2", "dateOfDeath", Ns.RdaGr2, end);
            w.Element("rdaGr2", "professionOrOccupation", Ns.RdaGr2, person.Subtype, "tr");
        }
        else
        {
            w.Element("rdaGr2", "dateOfEstablishment", Ns.RdaGr2, begin);
            w.Element("rdaGr2", "dateOfTermination", Ns.RdaGr2, end);
        }
        WriteSameAs(w, agent.External);
        w.WriteEndElement();
    }

    public static void WritePlace(XmlWriter w, OaiLinks links, Place place)
    {
        w.WriteStartElement("edm", "Place", Ns.Edm);
        w.WriteAttributeString("rdf", "about", Ns.Rdf, links.AuthorityPage(place));
        if (place.Latitude is not null && place.Longitude is not null)
        {
            w.Element("wgs84_pos", "lat", Ns.Wgs84, EdmMapper.Number(place.Latitude.Value));
            w.Element("wgs84_pos", "long", Ns.Wgs84, EdmMapper.Number(place.Longitude.Value));
        }
        WriteLabels(w, place);
        if (place.PartOf is not null) w.Resource("dcterms", "isPartOf", Ns.DcTerms, links.Place(place.PartOf));
        WriteSameAs(w, place.External);
        w.WriteEndElement();
    }

    public static void WriteConcept(XmlWriter w, OaiLinks links, string term)
    {
        w.WriteStartElement("skos", "Concept", Ns.Skos);
        w.WriteAttributeString("rdf", "about", Ns.Rdf, links.Concept(term));
        w.Element("skos", "prefLabel", Ns.Skos, term, "tr");
        w.WriteEndElement();
    }

    /// <summary>Variant and historical names become alternative labels; the period a name was used goes into a note.</summary>
    private static void WriteLabels(XmlWriter w, Authority authority)
    {
        w.Element("skos", "prefLabel", Ns.Skos, authority.Name, "tr");
        foreach (var variant in authority.Variants.DistinctBy(v => v.Name)) w.Element("skos", "altLabel", Ns.Skos, variant.Name);
        w.Element("skos", "note", Ns.Skos, authority.Description?.Tr, "tr");
        w.Element("skos", "note", Ns.Skos, authority.Description?.En, "en");
        foreach (var variant in authority.Variants.Where(v => v.Period is not null))
            w.Element("skos", "note", Ns.Skos, $"{variant.Name}: {variant.Period!.Describe("tr")}", "tr");
    }

    private static void WriteSameAs(XmlWriter w, ExternalIds ids)
    {
        if (!string.IsNullOrWhiteSpace(ids.Wikidata)) w.Resource("owl", "sameAs", Ns.Owl, $"http://www.wikidata.org/entity/{ids.Wikidata.Trim()}");
        if (!string.IsNullOrWhiteSpace(ids.Viaf)) w.Resource("owl", "sameAs", Ns.Owl, $"http://viaf.org/viaf/{ids.Viaf.Trim()}");
        if (!string.IsNullOrWhiteSpace(ids.Geonames)) w.Resource("owl", "sameAs", Ns.Owl, $"http://sws.geonames.org/{ids.Geonames.Trim()}/");
    }

    /// <summary>The written ends of an EDTF interval (<c>1890/1957</c> → 1890, 1957); open or unknown ends are left out.</summary>
    private static (string? Begin, string? End) Ends(EdtfDate? dates)
    {
        if (dates is null || !dates.IsInterval) return (null, null);
        var parts = dates.Text.Split('/');
        static string? Known(string s) => s is "" or ".." ? null : s;
        return (Known(parts[0]), Known(parts[1]));
    }
}
