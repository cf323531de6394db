using System.Text.Json.Nodes;
using HafizaIzmir.Archive.Domain;

namespace HafizaIzmir.Site.Iiif;

/// <summary>The names of a record's linked authorities, by kind, as a manifest's metadata lists them.</summary>
public sealed record ManifestNames(IReadOnlyList<string> Persons, IReadOnlyList<string> Institutions, IReadOnlyList<string> Places);

/// <summary>
/// One image of the record, with its size as the image service serves it, and the media type of its master
/// when the master may be downloaded (<see cref="MasterDownload"/>).
/// </summary>
public sealed record ManifestImage(int Page, int Width, int Height, string? DownloadableMaster = null);

/// <summary>
/// IIIF Presentation API 3.0 documents for published records: a Manifest with one Canvas per image and
/// a Collection per fonds, series or file. Labels and metadata in Turkish and English.
/// </summary>
public sealed class ManifestBuilder(string baseUrl, string attribution, string oaiRepositoryIdentifier)
{
    public const string Context = "http://iiif.io/api/presentation/3/context.json";

    public string ManifestId(string identifier) => $"{baseUrl}/iiif/manifest/{Uri.EscapeDataString(identifier)}";
    public string CollectionId(string identifier) => $"{baseUrl}/iiif/collection/{Uri.EscapeDataString(identifier)}";
    private string Service(string identifier, int page) => ImageApi.ServiceId(baseUrl, new ImageIdentifier(identifier, page));

    public JsonObject Manifest(Record record, IReadOnlyList<ManifestImage> images, ManifestNames names, string? parentCollection, ImageServiceLimits limits)
    {
        var id = ManifestId(record.Identifier);
        var manifest = new JsonObject
        {
            ["@context"] = Context,
            ["id"] = id,
            ["type"] = "Manifest",
            ["label"] = Languages(record.Title),
        };
        if (record.Description is { } description) manifest["summary"] = Languages(description);
        manifest["metadata"] = Metadata(record, names);
        manifest["requiredStatement"] = Pair("Kaynak", "Attribution", new LocalizedText(attribution));
        if (RightsUri(record.Rights) is { } rights) manifest["rights"] = rights;
        manifest["homepage"] = new JsonArray(new JsonObject
        {
            ["id"] = $"{baseUrl}/kayit/{Uri.EscapeDataString(record.Identifier)}",
            ["type"] = "Text",
            ["label"] = Languages(record.Title),
            ["format"] = "text/html",
            ["language"] = new JsonArray("tr"),
        });
        if (images.Count > 0) manifest["thumbnail"] = new JsonArray(Thumbnail(record.Identifier, images[0]));
        manifest["seeAlso"] = new JsonArray(new JsonObject
        {
            ["id"] = $"{baseUrl}/oai?verb=GetRecord&metadataPrefix=edm&identifier={Uri.EscapeDataString($"oai:{oaiRepositoryIdentifier}:{record.Identifier}")}",
            ["type"] = "Dataset",
            ["label"] = Pair("EDM kaydı (OAI-PMH)", "EDM record (OAI-PMH)"),
            ["format"] = "application/xml",
            ["profile"] = "http://www.europeana.eu/schemas/edm/",
        });
        if (parentCollection is not null)
            manifest["partOf"] = new JsonArray(new JsonObject { ["id"] = CollectionId(parentCollection), ["type"] = "Collection" });
        // IIIF Content Search 2.0 over the text of the scans (an empty answer where nothing was read).
        manifest["service"] = new JsonArray(new JsonObject { ["id"] = $"{baseUrl}/iiif/search/{Uri.EscapeDataString(record.Identifier)}", ["type"] = "SearchService2" });
        var canvases = new JsonArray();
        foreach (var image in images) canvases.Add(Canvas(id, record.Identifier, image, limits));
        manifest["items"] = canvases;
        return manifest;
    }

    /// <summary>A collection of the record's public children: sub-collections and manifests of items with images.</summary>
    public JsonObject Collection(Record record, IEnumerable<(string Identifier, LocalizedText Title, bool IsCollection)> members, string? parentCollection)
    {
        var collection = new JsonObject
        {
            ["@context"] = Context,
            ["id"] = CollectionId(record.Identifier),
            ["type"] = "Collection",
            ["label"] = Languages(record.Title),
        };
        if (record.Description is { } description) collection["summary"] = Languages(description);
        collection["requiredStatement"] = Pair("Kaynak", "Attribution", new LocalizedText(attribution));
        if (RightsUri(record.Rights) is { } rights) collection["rights"] = rights;
        collection["homepage"] = new JsonArray(new JsonObject
        {
            ["id"] = $"{baseUrl}/kayit/{Uri.EscapeDataString(record.Identifier)}",
            ["type"] = "Text",
            ["label"] = Languages(record.Title),
            ["format"] = "text/html",
        });
        if (parentCollection is not null)
            collection["partOf"] = new JsonArray(new JsonObject { ["id"] = CollectionId(parentCollection), ["type"] = "Collection" });
        var items = new JsonArray();
        foreach (var (identifier, title, isCollection) in members)
            items.Add(new JsonObject
            {
                ["id"] = isCollection ? CollectionId(identifier) : ManifestId(identifier),
                ["type"] = isCollection ? "Collection" : "Manifest",
                ["label"] = Languages(title),
            });
        collection["items"] = items;
        return collection;
    }

    private JsonObject Canvas(string manifestId, string identifier, ManifestImage image, ImageServiceLimits limits)
    {
        var canvasId = $"{manifestId}/canvas/{image.Page}";
        // The painted resource is the "full/max" rendering, whose size the service's limits may reduce.
        var (w, h) = SizeParameter.Max.Resolve(image.Width, image.Height, limits);
        var body = new JsonObject
        {
            ["id"] = $"{Service(identifier, image.Page)}/full/max/0/default.jpg",
            ["type"] = "Image",
            ["format"] = "image/jpeg",
            ["width"] = w,
            ["height"] = h,
            ["service"] = new JsonArray(ServiceReference(identifier, image.Page)),
        };
        var canvas = new JsonObject
        {
            ["id"] = canvasId,
            ["type"] = "Canvas",
            ["label"] = Pair($"Sayfa {image.Page}", $"Page {image.Page}"),
            ["width"] = image.Width,
            ["height"] = image.Height,
            ["thumbnail"] = new JsonArray(Thumbnail(identifier, image)),
        };
        if (image.DownloadableMaster is { } mediaType)
            canvas["rendering"] = new JsonArray(new JsonObject
            {
                ["id"] = baseUrl + MasterDownload.Path(identifier, image.Page),
                ["type"] = "Image",
                ["label"] = Pair($"Asıl dosya ({MasterDownload.FormatName(mediaType)})", $"Original file ({MasterDownload.FormatName(mediaType)})"),
                ["format"] = mediaType,
            });
        canvas["items"] = new JsonArray(new JsonObject
        {
            ["id"] = $"{canvasId}/page",
            ["type"] = "AnnotationPage",
            ["items"] = new JsonArray(new JsonObject
            {
                ["id"] = $"{canvasId}/page/image",
                ["type"] = "Annotation",
                ["motivation"] = "painting",
                ["body"] = body,
                ["target"] = canvasId,
            }),
        });
        return canvas;
    }

    private JsonObject Thumbnail(string identifier, ManifestImage image)
    {
        var (w, h) = HafizaIzmir.Archive.Images.Derivatives.DerivativeStore.ThumbnailSize(image.Width, image.Height);
        return new JsonObject
        {
            ["id"] = $"{Service(identifier, image.Page)}/full/{w},/0/default.jpg",
            ["type"] = "Image",
            ["format"] = "image/jpeg",
            ["width"] = w,
            ["height"] = h,
            ["service"] = new JsonArray(ServiceReference(identifier, image.Page)),
        };
    }

    private JsonObject ServiceReference(string identifier, int page) => new()
    {
        ["id"] = Service(identifier, page),
        ["type"] = "ImageService3",
        ["profile"] = "level2",
    };

    private static JsonArray Metadata(Record record, ManifestNames names)
    {
        var metadata = new JsonArray
        {
            Pair("Kimlik", "Identifier", Neutral(record.Identifier)),
        };
        if (record.Date is { } date) metadata.Add(Pair("Tarih", "Date", new LocalizedText(date.Describe("tr"), date.Describe("en"))));
        if (record.Type is { } type) metadata.Add(Pair("Tür (Europeana)", "Type (Europeana)", Neutral(type.ToString().ToUpperInvariant())));
        if (!string.IsNullOrWhiteSpace(record.Genre)) metadata.Add(Pair("Belge türü", "Genre", Languages(new LocalizedText(record.Genre))));
        AddNames(metadata, "Kişiler", "Persons", names.Persons);
        AddNames(metadata, "Kurumlar", "Institutions", names.Institutions);
        AddNames(metadata, "Mekânlar", "Places", names.Places);
        if (record.Subjects.Count > 0) metadata.Add(Pair("Konular", "Subjects", Languages(new LocalizedText(string.Join("; ", record.Subjects)))));
        if (!string.IsNullOrWhiteSpace(record.Extent)) metadata.Add(Pair("Kapsam", "Extent", Languages(new LocalizedText(record.Extent))));
        if (record.Languages.Count > 0) metadata.Add(Pair("Dil", "Language", Neutral(string.Join(", ", record.Languages))));
        return metadata;
    }

    private static void AddNames(JsonArray metadata, string tr, string en, IReadOnlyList<string> values)
    {
        if (values.Count > 0) metadata.Add(Pair(tr, en, Neutral(string.Join("; ", values))));
    }

    private static JsonObject Pair(string labelTr, string labelEn, LocalizedText value) => Pair(labelTr, labelEn, Languages(value));

    private static JsonObject Pair(string tr, string en) => Languages(new LocalizedText(tr, en));

    /// <summary>A language map with the Turkish text and, when there is one, the English.</summary>
    private static JsonObject Languages(LocalizedText text)
    {
        var map = new JsonObject { ["tr"] = new JsonArray(text.Tr) };
        if (!string.IsNullOrWhiteSpace(text.En)) map["en"] = new JsonArray(text.En);
        return map;
    }

    /// <summary>A value in no particular language (an identifier, a list of names).</summary>
    private static JsonObject Neutral(string text) => new() { ["none"] = new JsonArray(text) };

    private static JsonObject Pair(string labelTr, string labelEn, JsonObject value) => new()
    {
        ["label"] = Languages(new LocalizedText(labelTr, labelEn)),
        ["value"] = value,
    };

    /// <summary>Presentation 3 allows only Creative Commons and RightsStatements.org URIs in <c>rights</c>.
    /// Cataloguers paste https links too; the specification's form is http.</summary>
    private static string? RightsUri(string? rights) =>
        rights is not null && Uri.TryCreate(rights.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        && uri.Host is "creativecommons.org" or "rightsstatements.org"
            ? $"http://{uri.Host}{uri.AbsolutePath}"
            : null;
}
