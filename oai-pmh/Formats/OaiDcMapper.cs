using System.Xml;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Oai.Source;

namespace HafizaIzmir.Oai.Formats;

/// <summary>Unqualified Dublin Core (<c>oai_dc</c>), the format every OAI-PMH repository must offer.</summary>
public sealed class OaiDcMapper(OaiLinks links) : MetadataFormat
{
    public override string Prefix => "oai_dc";
    public override string Schema => "http://www.openarchives.org/OAI/2.0/oai_dc.xsd";
    public override string Namespace => Ns.OaiDc;

    public override void Write(XmlWriter w, OaiItem item)
    {
        var r = item.Record;
        w.WriteStartElement("oai_dc", "dc", Ns.OaiDc);
        w.WriteAttributeString("xmlns", "dc", null, Ns.Dc);
        w.WriteAttributeString("xmlns", "xsi", null, Ns.Xsi);
        w.WriteAttributeString("xsi", "schemaLocation", Ns.Xsi, $"{Ns.OaiDc} {Schema}");

        Dc(w, "title", r.Title.Tr, "tr");
        Dc(w, "title", r.Title.En, "en");
        var linked = RecordFacts.Linked(item).ToList();
        foreach (var (link, authority) in linked.Where(p => p.Authority is not Place))
        {
            var role = RecordFacts.RoleOf(link);
            Dc(w, role switch { AgentRole.Creator => "creator", AgentRole.Contributor => "contributor", _ => "subject" }, authority.Name);
        }
        foreach (var subject in r.Subjects) Dc(w, "subject", subject, "tr");
        Dc(w, "description", r.Description?.Tr, "tr");
        Dc(w, "description", r.Description?.En, "en");
        Dc(w, "date", r.Date?.Text);
        Dc(w, "type", RecordFacts.DcType(r), "tr");
        Dc(w, "type", DcmiType(RecordFacts.EdmType(r)));
        foreach (var mediaType in r.Files.Select(f => f.MediaType).Distinct()) Dc(w, "format", mediaType);
        Dc(w, "format", r.Extent, "tr");
        Dc(w, "identifier", r.Identifier);
        Dc(w, "identifier", links.RecordPage(r.Identifier));
        foreach (var language in r.Languages) Dc(w, "language", language);
        Dc(w, "relation", r.Parent);
        foreach (var (_, place) in linked.Where(p => p.Authority is Place)) Dc(w, "coverage", place.Name);
        Dc(w, "rights", EdmRights.Normalize(r.Rights) ?? r.Rights);
        w.WriteEndElement();
    }

    private static void Dc(XmlWriter w, string name, string? text, string? lang = null) => w.Element("dc", name, Ns.Dc, text, lang);

    /// <summary>The DCMI Type Vocabulary term that harvesters of plain Dublin Core understand.</summary>
    private static string DcmiType(EuropeanaType type) => type switch
    {
        EuropeanaType.Text => "Text",
        EuropeanaType.Image => "StillImage",
        EuropeanaType.Sound => "Sound",
        EuropeanaType.Video => "MovingImage",
        _ => "PhysicalObject",
    };
}
