using System.Xml;
using HafizaIzmir.Oai.Formats;
using HafizaIzmir.Oai.Source;

namespace HafizaIzmir.Oai.Protocol;

/// <summary>
/// The OAI-PMH 2.0 repository: answers one request (arguments from the query string or a POSTed form)
/// by streaming the XML response. It keeps no state between requests; lists continue from the position
/// carried in the resumption token.
/// </summary>
public sealed partial class OaiPmhEndpoint
{
    public const string ContentType = "text/xml; charset=utf-8";
    private const string OaiNs = "http://www.openarchives.org/OAI/2.0/";
    private const string OaiSchema = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd";

    private readonly IOaiRecordSource _source;
    private readonly OaiOptions _options;
    private readonly TimeProvider _clock;
    private readonly ResumptionTokenCodec _tokens;

    public OaiPmhEndpoint(IOaiRecordSource source, OaiOptions options, TimeProvider? clock = null)
    {
        if (options.PageSize < 1) throw new ArgumentException($"OAI page size must be at least 1, got {options.PageSize}", nameof(options));
        if (string.IsNullOrWhiteSpace(options.RepositoryIdentifier))
            throw new ArgumentException("OAI repository identifier is required (e.g. hafiza.izmir)", nameof(options));
        _source = source;
        _options = options;
        _clock = clock ?? TimeProvider.System;
        _tokens = new ResumptionTokenCodec(options.TokenKey);
    }

    /// <summary>
    /// Writes the response to <paramref name="arguments"/>. <paramref name="baseUrl"/> is the endpoint's URL
    /// without query (it is echoed in <c>&lt;request&gt;</c> and Identify).
    /// </summary>
    public async Task WriteResponseAsync(IReadOnlyDictionary<string, string[]> arguments, string baseUrl, Stream output,
        CancellationToken cancellation = default)
    {
        var now = OaiDatestamp.Truncate(_clock.GetUtcNow());
        await using var buffer = new ResponseBuffer(output);
        var context = new Exchange(buffer, baseUrl, now, cancellation);
        if (!OaiRequest.TryParse(arguments, out var request, out var error))
        {
            await WriteErrorAsync(context, null, error!);
            return;
        }
        context.Request = request;
        var handled = request!.Verb switch
        {
            OaiRequest.Identify => IdentifyAsync(context),
            OaiRequest.ListMetadataFormats => ListMetadataFormatsAsync(context),
            OaiRequest.ListSets => ListSetsAsync(context),
            OaiRequest.GetRecord => GetRecordAsync(context),
            _ => ListAsync(context),
        };
        await handled;
    }

    /// <summary>One request in progress: where it writes and what it asked.</summary>
    private sealed class Exchange(ResponseBuffer buffer, string baseUrl, DateTimeOffset now, CancellationToken cancellation)
    {
        public XmlWriter W => buffer.Writer;
        public ResponseBuffer Buffer => buffer;
        public string BaseUrl => baseUrl;
        public DateTimeOffset Now => now;
        public CancellationToken Cancellation => cancellation;
        public OaiRequest? Request { get; set; }
    }

    private OaiLinks Links(string baseUrl)
    {
        if (!string.IsNullOrWhiteSpace(_options.PublicBaseUrl)) return new OaiLinks(_options.PublicBaseUrl);
        var trimmed = baseUrl.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        return new OaiLinks(slash > "https://".Length ? trimmed[..slash] : trimmed);
    }

    private IReadOnlyList<MetadataFormat> Formats(string baseUrl)
    {
        var links = Links(baseUrl);
        return [new OaiDcMapper(links), new EdmMapper(links, _options)];
    }

    private string OaiIdentifier(string recordIdentifier) => $"oai:{_options.RepositoryIdentifier}:{recordIdentifier}";

    /// <summary>The record identifier inside an <c>oai:</c> identifier of this repository, or null.</summary>
    private string? RecordIdentifier(string oaiIdentifier)
    {
        var prefix = $"oai:{_options.RepositoryIdentifier}:";
        return oaiIdentifier.StartsWith(prefix, StringComparison.Ordinal) && oaiIdentifier.Length > prefix.Length
            ? oaiIdentifier[prefix.Length..]
            : null;
    }

    private static void Start(Exchange x, OaiError? error = null)
    {
        var w = x.W;
        w.WriteStartDocument();
        w.WriteStartElement("OAI-PMH", OaiNs);
        w.WriteAttributeString("xmlns", "xsi", null, Ns.Xsi);
        w.WriteAttributeString("xsi", "schemaLocation", Ns.Xsi, $"{OaiNs} {OaiSchema}");
        w.WriteElementString("responseDate", OaiNs, OaiDatestamp.Format(x.Now));
        w.WriteStartElement("request", OaiNs);
        if (x.Request is not null && error?.HidesArguments != true)
        {
            w.WriteAttributeString("verb", x.Request.Verb);
            foreach (var (name, value) in x.Request.Arguments) w.WriteAttributeString(name, value);
        }
        w.WriteString(x.BaseUrl);
        w.WriteEndElement();
    }

    private static async Task EndAsync(Exchange x)
    {
        x.W.WriteEndElement();
        x.W.WriteEndDocument();
        await x.Buffer.FlushAsync(force: true, x.Cancellation);
    }

    private static async Task WriteErrorAsync(Exchange x, OaiRequest? request, OaiError error)
    {
        Start(x, error);
        x.W.WriteStartElement("error", OaiNs);
        x.W.WriteAttributeString("code", error.Code);
        x.W.WriteString(XmlWriterExtensions.Clean(error.Message));
        x.W.WriteEndElement();
        await EndAsync(x);
    }

    private Task FailAsync(Exchange x, OaiError error) => WriteErrorAsync(x, x.Request, error);

    private void WriteHeader(XmlWriter w, OaiItem item)
    {
        w.WriteStartElement("header", OaiNs);
        if (item.Deleted) w.WriteAttributeString("status", "deleted");
        w.WriteElementString("identifier", OaiNs, XmlWriterExtensions.Clean(OaiIdentifier(item.Identifier)));
        w.WriteElementString("datestamp", OaiNs, OaiDatestamp.Format(item.Datestamp));
        foreach (var spec in item.SetSpecs) w.WriteElementString("setSpec", OaiNs, spec);
        w.WriteEndElement();
    }

    private void WriteRecord(XmlWriter w, OaiItem item, MetadataFormat format)
    {
        w.WriteStartElement("record", OaiNs);
        WriteHeader(w, item);
        if (!item.Deleted)
        {
            w.WriteStartElement("metadata", OaiNs);
            format.Write(w, item);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }
}
