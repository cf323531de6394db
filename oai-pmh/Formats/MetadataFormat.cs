using System.Xml;
using HafizaIzmir.Oai.Source;

namespace HafizaIzmir.Oai.Formats;

/// <summary>A metadata format the repository disseminates: its OAI description and the mapping that writes it.</summary>
public abstract class MetadataFormat
{
    public abstract string Prefix { get; }
    public abstract string Schema { get; }
    public abstract string Namespace { get; }

    /// <summary>Writes the metadata of one (not deleted) item as the single child of <c>&lt;metadata&gt;</c>.</summary>
    public abstract void Write(XmlWriter writer, OaiItem item);
}

/// <summary>XML namespaces used by the mappings.</summary>
public static class Ns
{
    public const string Xml = "http://www.w3.org/XML/1998/namespace";
    public const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    public const string Dc = "http://purl.org/dc/elements/1.1/";
    public const string DcTerms = "http://purl.org/dc/terms/";
    public const string OaiDc = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    public const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string Edm = "http://www.europeana.eu/schemas/edm/";
    public const string Ore = "http://www.openarchives.org/ore/terms/";
    public const string Skos = "http://www.w3.org/2004/02/skos/core#";
    public const string Owl = "http://www.w3.org/2002/07/owl#";
    public const string Wgs84 = "http://www.w3.org/2003/01/geo/wgs84_pos#";
    public const string RdaGr2 = "http://rdvocab.info/ElementsGr2/";
    public const string Svcs = "http://rdfs.org/sioc/services#";
    public const string Doap = "http://usefulinc.com/ns/doap#";
}

internal static class XmlWriterExtensions
{
    public static void Element(this XmlWriter w, string prefix, string name, string ns, string? text, string? lang = null)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        w.WriteStartElement(prefix, name, ns);
        if (lang is not null) w.WriteAttributeString("xml", "lang", Ns.Xml, lang);
        w.WriteString(Clean(text));
        w.WriteEndElement();
    }

    /// <summary>
    /// Drops characters XML cannot carry (control characters pasted from old documents): one bad
    /// character must not break a harvest halfway through a response.
    /// </summary>
    public static string Clean(string text)
    {
        foreach (var c in text)
            if (!System.Xml.XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c)) return new string(text.Where(ch => System.Xml.XmlConvert.IsXmlChar(ch) || char.IsSurrogate(ch)).ToArray());
        return text;
    }

    public static void Resource(this XmlWriter w, string prefix, string name, string ns, string uri)
    {
        w.WriteStartElement(prefix, name, ns);
        w.WriteAttributeString("rdf", "resource", Ns.Rdf, uri);
        w.WriteEndElement();
    }
}
