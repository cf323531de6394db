namespace HafizaIzmir.Oai;

/// <summary>Configuration of the OAI-PMH repository (bound from the host's configuration section).</summary>
public sealed record OaiOptions
{
    public string RepositoryName { get; set; } = "Hafıza İzmir";
    /// <summary>The namespace part of <c>oai:</c> identifiers, e.g. <c>hafiza.izmir</c> → <c>oai:hafiza.izmir:SRR-0001</c>.</summary>
    public string RepositoryIdentifier { get; set; } = "hafiza.izmir";
    public IList<string> AdminEmails { get; set; } = new List<string> { "arsiv@hafiza.izmir" };
    /// <summary>Records (or headers) per list response; the last response completes the list with an empty token.</summary>
    public int PageSize { get; set; } = 100;
    /// <summary>The institution whose records these are (<c>edm:dataProvider</c>).</summary>
    public string DataProvider { get; set; } = "Hafıza İzmir";
    /// <summary>The aggregator that delivers the records to Europeana (<c>edm:provider</c>).</summary>
    public string Provider { get; set; } = "Hafıza İzmir";
    /// <summary>
    /// The endpoint's public URL (<c>https://hafiza.izmir.bel.tr/oai</c>), echoed in every response; when
    /// empty the URL the request arrived at is used (wrong behind a proxy that rewrites the host).
    /// </summary>
    public string? BaseUrl { get; set; }
    /// <summary>
    /// The public site root used for record pages, images and contextual entity URIs
    /// (<c>https://hafiza.izmir.bel.tr</c>). When empty the request's base URL without its last segment is used.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
    /// <summary>
    /// Secret for signing resumption tokens. Left empty here, the endpoint draws a random key per process;
    /// the host instead keeps one in blob storage so that restarts and replicas accept each other's tokens.
    /// </summary>
    public string? TokenKey { get; set; }
    /// <summary>Whether the IIIF endpoints exist; then every image's web resource names its IIIF service and manifest.</summary>
    public bool Iiif { get; set; } = true;
}
