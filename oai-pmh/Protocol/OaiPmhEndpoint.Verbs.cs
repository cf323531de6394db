using HafizaIzmir.Oai.Formats;

namespace HafizaIzmir.Oai.Protocol;

// Identify, ListMetadataFormats, ListSets and GetRecord: the verbs that answer in one response.
public sealed partial class OaiPmhEndpoint
{
    private const string IdentifierNs = "http://www.openarchives.org/OAI/2.0/oai-identifier";
    private const string IdentifierSchema = "http://www.openarchives.org/OAI/2.0/oai-identifier.xsd";

    private async Task IdentifyAsync(Exchange x)
    {
        var w = x.W;
        Start(x);
        w.WriteStartElement("Identify", OaiNs);
        w.WriteElementString("repositoryName", OaiNs, _options.RepositoryName);
        w.WriteElementString("baseURL", OaiNs, x.BaseUrl);
        w.WriteElementString("protocolVersion", OaiNs, "2.0");
        foreach (var email in _options.AdminEmails) w.WriteElementString("adminEmail", OaiNs, email);
        w.WriteElementString("earliestDatestamp", OaiNs, OaiDatestamp.Format(_source.EarliestDatestamp() ?? x.Now));
        w.WriteElementString("deletedRecord", OaiNs, "persistent");
        w.WriteElementString("granularity", OaiNs, OaiDatestamp.Granularity);
        w.WriteStartElement("description", OaiNs);
        w.WriteStartElement("oai-identifier", IdentifierNs);
        w.WriteAttributeString("xsi", "schemaLocation", Ns.Xsi, $"{IdentifierNs} {IdentifierSchema}");
        w.WriteElementString("scheme", IdentifierNs, "oai");
        w.WriteElementString("repositoryIdentifier", IdentifierNs, _options.RepositoryIdentifier);
        w.WriteElementString("delimiter", IdentifierNs, ":");
        w.WriteElementString("sampleIdentifier", IdentifierNs, OaiIdentifier("SRR-0001"));
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
        await EndAsync(x);
    }

    private async Task ListMetadataFormatsAsync(Exchange x)
    {
        var identifier = x.Request!.Identifier;
        if (identifier is not null)
        {
            var item = RecordIdentifier(identifier) is { } id ? await _source.GetAsync(id, x.Cancellation) : null;
            if (item is null)
            {
                await FailAsync(x, OaiError.IdDoesNotExist(identifier));
                return;
            }
            if (item.Deleted)
            {
                await FailAsync(x, OaiError.NoMetadataFormats(identifier));
                return;
            }
        }
        var w = x.W;
        Start(x);
        w.WriteStartElement("ListMetadataFormats", OaiNs);
        foreach (var format in Formats(x.BaseUrl))
        {
            w.WriteStartElement("metadataFormat", OaiNs);
            w.WriteElementString("metadataPrefix", OaiNs, format.Prefix);
            w.WriteElementString("schema", OaiNs, format.Schema);
            w.WriteElementString("metadataNamespace", OaiNs, format.Namespace);
            w.WriteEndElement();
        }
        w.WriteEndElement();
        await EndAsync(x);
    }

    private async Task ListSetsAsync(Exchange x)
    {
        if (x.Request!.ResumptionToken is not null)
        {
            // The set list is always answered whole, so no token for it was ever issued.
            await FailAsync(x, OaiError.BadResumptionToken("this repository never splits the list of sets"));
            return;
        }
        var w = x.W;
        Start(x);
        w.WriteStartElement("ListSets", OaiNs);
        foreach (var set in _source.ListSets())
        {
            w.WriteStartElement("set", OaiNs);
            w.WriteElementString("setSpec", OaiNs, set.Spec);
            w.WriteElementString("setName", OaiNs, XmlWriterExtensions.Clean(set.Name));
            w.WriteEndElement();
        }
        w.WriteEndElement();
        await EndAsync(x);
    }

    private async Task GetRecordAsync(Exchange x)
    {
        var request = x.Request!;
        var format = Formats(x.BaseUrl).FirstOrDefault(f => f.Prefix == request.MetadataPrefix);
        var item = RecordIdentifier(request.Identifier!) is { } id ? await _source.GetAsync(id, x.Cancellation) : null;
        if (item is null)
        {
            await FailAsync(x, OaiError.IdDoesNotExist(request.Identifier!));
            return;
        }
        if (format is null)
        {
            await FailAsync(x, OaiError.CannotDisseminateFormat(request.MetadataPrefix!));
            return;
        }
        Start(x);
        x.W.WriteStartElement("GetRecord", OaiNs);
        WriteRecord(x.W, item, format);
        x.W.WriteEndElement();
        await EndAsync(x);
    }
}
