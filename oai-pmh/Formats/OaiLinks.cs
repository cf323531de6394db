using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Text;

namespace HafizaIzmir.Oai.Formats;

/// <summary>
/// The public URIs the mappings point at, all in one place: record pages (<c>/kayit/ID</c>), authority
/// pages (<c>/kisi</c>, <c>/kurum</c>, <c>/mekan</c>), subject concepts, and IIIF images and manifests
/// (<c>/iiif/3/{image-id}</c>, <c>/iiif/manifest/{identifier}</c>). The image id of a record's n-th file
/// (1-based) is <c>{identifier}~{n}</c>.
/// </summary>
public sealed class OaiLinks(string publicBaseUrl)
{
    public const string IiifImageApi = "http://iiif.io/api/image";
    public const string IiifLevel = "http://iiif.io/api/image/3/level1.json";
    public const int ThumbnailWidth = 400;

    private readonly string _base = publicBaseUrl.TrimEnd('/');

    private static string E(string segment) => Uri.EscapeDataString(segment);

    public string RecordPage(string identifier) => $"{_base}/kayit/{E(identifier)}";
    public string ProvidedCho(string identifier) => RecordPage(identifier) + "#cho";
    public string Aggregation(string identifier) => RecordPage(identifier) + "#aggregation";

    public string AuthorityPage(Authority authority) => authority switch
    {
        Person => $"{_base}/kisi/{E(authority.Id)}",
        Institution => $"{_base}/kurum/{E(authority.Id)}",
        _ => $"{_base}/mekan/{E(authority.Id)}",
    };

    public string Place(string id) => $"{_base}/mekan/{E(id)}";
    public string Concept(string term) => $"{_base}/konu/{E(TurkishText.Slug(term))}";

    public string ImageService(string identifier, int page) => $"{_base}/iiif/3/{E($"{identifier}~{page}")}";
    public string FullImage(string identifier, int page) => $"{ImageService(identifier, page)}/full/max/0/default.jpg";
    public string Thumbnail(string identifier, int page) => $"{ImageService(identifier, page)}/full/{ThumbnailWidth},/0/default.jpg";
    public string Manifest(string identifier) => $"{_base}/iiif/manifest/{E(identifier)}";
    /// <summary>A file that is not an image (a PDF) is served as it was stored.</summary>
    public string File(string identifier, int page) => $"{RecordPage(identifier)}/dosya/{page}";

    /// <summary>The URL that shows a file in full: the IIIF full-size rendering for images, the file itself otherwise.</summary>
    public string FileView(string identifier, RecordFile file, int page) =>
        IsImage(file) ? FullImage(identifier, page) : File(identifier, page);

    public static bool IsImage(RecordFile file) => file.MediaType.StartsWith("image/", StringComparison.Ordinal);
    public static bool IsPdf(RecordFile file) => file.MediaType == "application/pdf";
}
