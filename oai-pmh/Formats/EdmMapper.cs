using System.Globalization;
using System.Xml;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Oai.Source;

namespace HafizaIzmir.Oai.Formats;

/// <summary>
/// Europeana Data Model, external profile: one <c>edm:ProvidedCHO</c>, its <c>ore:Aggregation</c>, an
/// <c>edm:WebResource</c> per file (with its IIIF <c>svcs:Service</c>), and the contextual entities it
/// points at. Properties inside each class follow the order the EDM schema fixes.
/// </summary>
public sealed class EdmMapper(OaiLinks links, OaiOptions options) : MetadataFormat
{
    public override string Prefix => "edm";
    public override string Schema => "http://www.europeana.eu/schemas/edm/EDM.xsd";
    public override string Namespace => Ns.Edm;

    private static readonly (string Prefix, string Uri)[] Namespaces =
    [
        ("rdf", Ns.Rdf), ("edm", Ns.Edm), ("ore", Ns.Ore), ("dc", Ns.Dc), ("dcterms", Ns.DcTerms), ("skos", Ns.Skos),
        ("owl", Ns.Owl), ("wgs84_pos", Ns.Wgs84), ("rdaGr2", Ns.RdaGr2), ("svcs", Ns.Svcs), ("doap", Ns.Doap),
    ];

    public override void Write(XmlWriter w, OaiItem item)
    {
        w.WriteStartElement("rdf", "RDF", Ns.Rdf);
        foreach (var (prefix, uri) in Namespaces.Skip(1)) w.WriteAttributeString("xmlns", prefix, null, uri);
        var linked = RecordFacts.Linked(item).ToList();
        var rights = EdmRights.ForEdm(item.Record.Rights);
        WriteProvidedCho(w, item, linked);
        WriteAggregation(w, item.Record, rights);
        WriteWebResources(w, item.Record, rights);
        var agents = linked.Select(p => p.Authority).Where(a => a is not Place).DistinctBy(a => a.Id);
        foreach (var agent in agents) EdmContext.WriteAgent(w, links, agent);
        foreach (var place in linked.Select(p => p.Authority).OfType<Place>().DistinctBy(a => a.Id)) EdmContext.WritePlace(w, links, place);
        foreach (var subject in item.Record.Subjects.Distinct()) EdmContext.WriteConcept(w, links, subject);
        w.WriteEndElement();
    }

    private void WriteProvidedCho(XmlWriter w, OaiItem item, List<(AuthorityLink Link, Authority Authority)> linked)
    {
        var r = item.Record;
        w.WriteStartElement("edm", "ProvidedCHO", Ns.Edm);
        w.WriteAttributeString("rdf", "about", Ns.Rdf, links.ProvidedCho(r.Identifier));
        Dc(w, "title", r.Title.Tr, "tr");
        Dc(w, "title", r.Title.En, "en");
        Dc(w, "description", r.Description?.Tr, "tr");
        Dc(w, "description", r.Description?.En, "en");
        foreach (var (link, agent) in linked.Where(p => p.Authority is not Place))
        {
            var role = RecordFacts.RoleOf(link);
            w.Resource("dc", role switch { AgentRole.Creator => "creator", AgentRole.Contributor => "contributor", _ => "subject" },
                Ns.Dc, links.AuthorityPage(agent));
        }
        Dc(w, "date", r.Date?.Text);
        Dc(w, "identifier", r.Identifier);
        foreach (var language in RecordFacts.Languages(r)) Dc(w, "language", language);
        foreach (var subject in r.Subjects.Distinct()) w.Resource("dc", "subject", Ns.Dc, links.Concept(subject));
        Dc(w, "type", RecordFacts.DcType(r), "tr");
        w.Element("dcterms", "created", Ns.DcTerms, r.Date?.Text);
        w.Element("dcterms", "extent", Ns.DcTerms, r.Extent, "tr");
        if (r.Parent is not null) w.Resource("dcterms", "isPartOf", Ns.DcTerms, links.ProvidedCho(r.Parent));
        foreach (var place in linked.Select(p => p.Authority).OfType<Place>().DistinctBy(p => p.Id))
            w.Resource("dcterms", "spatial", Ns.DcTerms, links.AuthorityPage(place));
        w.Element("edm", "type", Ns.Edm, RecordFacts.EdmType(r).EdmType());
        w.WriteEndElement();
    }

    private void WriteAggregation(XmlWriter w, Record r, string rights)
    {
        w.WriteStartElement("ore", "Aggregation", Ns.Ore);
        w.WriteAttributeString("rdf", "about", Ns.Rdf, links.Aggregation(r.Identifier));
        w.Resource("edm", "aggregatedCHO", Ns.Edm, links.ProvidedCho(r.Identifier));
        w.Element("edm", "dataProvider", Ns.Edm, options.DataProvider);
        for (var page = 2; page <= r.Files.Count; page++)
            w.Resource("edm", "hasView", Ns.Edm, links.FileView(r.Identifier, r.Files[page - 1], page));
        w.Resource("edm", "isShownAt", Ns.Edm, links.RecordPage(r.Identifier));
        if (r.Files.Count > 0) w.Resource("edm", "isShownBy", Ns.Edm, links.FileView(r.Identifier, r.Files[0], 1));
        var firstImage = r.Files.Select((f, i) => (File: f, Page: i + 1)).FirstOrDefault(p => OaiLinks.IsImage(p.File));
        if (firstImage.File is not null) w.Resource("edm", "object", Ns.Edm, links.Thumbnail(r.Identifier, firstImage.Page));
        w.Element("edm", "provider", Ns.Edm, options.Provider);
        w.Resource("edm", "rights", Ns.Edm, rights);
        w.WriteEndElement();
    }

    private void WriteWebResources(XmlWriter w, Record r, string rights)
    {
        for (var page = 1; page <= r.Files.Count; page++)
        {
            var file = r.Files[page - 1];
            var iiif = options.Iiif && OaiLinks.IsImage(file);
            w.WriteStartElement("edm", "WebResource", Ns.Edm);
            w.WriteAttributeString("rdf", "about", Ns.Rdf, links.FileView(r.Identifier, file, page));
            Dc(w, "format", iiif ? "image/jpeg" : file.MediaType);
            w.Resource("edm", "rights", Ns.Edm, rights);
            if (iiif)
            {
                w.Resource("dcterms", "isReferencedBy", Ns.DcTerms, links.Manifest(r.Identifier));
                w.Resource("svcs", "has_service", Ns.Svcs, links.ImageService(r.Identifier, page));
            }
            w.WriteEndElement();
            if (!iiif) continue;
            w.WriteStartElement("svcs", "Service", Ns.Svcs);
            w.WriteAttributeString("rdf", "about", Ns.Rdf, links.ImageService(r.Identifier, page));
            w.Resource("dcterms", "conformsTo", Ns.DcTerms, OaiLinks.IiifImageApi);
            w.Resource("doap", "implements", Ns.Doap, OaiLinks.IiifLevel);
            w.WriteEndElement();
        }
    }

    private static void Dc(XmlWriter w, string name, string? text, string? lang = null) => w.Element("dc", name, Ns.Dc, text, lang);

    internal static string Number(double value) => value.ToString("0.0######", CultureInfo.InvariantCulture);
}
