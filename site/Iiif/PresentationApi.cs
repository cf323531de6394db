using System.Security.Cryptography;
using System.Text;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Oai;
using HafizaIzmir.Site.Derived;
using HafizaIzmir.Site.Web;
using Microsoft.Extensions.Options;

namespace HafizaIzmir.Site.Iiif;

using Archive = HafizaIzmir.Archive.Storage.Archive;

/// <summary>
/// IIIF Presentation API 3.0: <c>/iiif/manifest/{identifier}</c> for every published record with images and
/// <c>/iiif/collection/{identifier}</c> for every published fonds, series or file. Anything unpublished is 404.
/// </summary>
public static class PresentationApi
{
    public const string JsonLdType = "application/ld+json;profile=\"" + ManifestBuilder.Context + "\"";

    public static void MapPresentationApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/iiif/manifest/{identifier}", ManifestAsync);
        app.MapGet("/iiif/collection/{identifier}", CollectionAsync);
    }

    private static async Task<IResult> ManifestAsync(string identifier, HttpContext http, Archive archive, ImageCatalog catalog,
        RecordTree tree, IOptions<IiifOptions> iiif, IOptions<OaiOptions> oai, CancellationToken ct)
    {
        http.Response.Headers.AccessControlAllowOrigin = "*";
        var record = await PublicationGate.PublicRecordAsync(archive, identifier, ct);
        if (record is null || !ImageCatalog.Images(record).Any()) return NotFound(identifier, "manifest");
        var images = new List<ManifestImage>();
        foreach (var (page, _) in ImageCatalog.Images(record))
        {
            var image = await catalog.FindAsync($"{record.Identifier}~{page}", ct);
            images.Add(new ManifestImage(page, image.Width, image.Height,
                MasterDownload.Allows(iiif.Value.DownloadMasters, record) ? image.File.MediaType : null));
        }
        var names = await NamesAsync(archive, record, ct);
        var manifest = Builder(http, iiif.Value, oai.Value).Manifest(record, images, names, PublicParent(tree, record), iiif.Value.Limits);
        return Json(http, manifest.ToJsonString());
    }

    private static async Task<IResult> CollectionAsync(string identifier, HttpContext http, Archive archive, RecordTree tree,
        IOptions<IiifOptions> iiif, IOptions<OaiOptions> oai, CancellationToken ct)
    {
        http.Response.Headers.AccessControlAllowOrigin = "*";
        var record = await PublicationGate.PublicRecordAsync(archive, identifier, ct);
        if (record is null || record.Level == Level.Item) return NotFound(identifier, "collection");
        var members = new List<(string, LocalizedText, bool)>();
        foreach (var child in tree.Children(record.Identifier).Where(c => c.IsPublic))
        {
            if (child.Level != Level.Item)
                members.Add((child.Identifier, new LocalizedText(child.Title, child.TitleEn), true));
            else if ((await archive.GetRecordAsync(child.Identifier, ct))?.Value is { } item
                     && PublicationGate.IsPublic(item) && ImageCatalog.Images(item).Any())
                members.Add((item.Identifier, item.Title, false));
        }
        var collection = Builder(http, iiif.Value, oai.Value).Collection(record, members, PublicParent(tree, record));
        return Json(http, collection.ToJsonString());
    }

    private static ManifestBuilder Builder(HttpContext http, IiifOptions iiif, OaiOptions oai) =>
        new(ImageApi.BaseUrl(http.Request, iiif), oai.DataProvider, oai.RepositoryIdentifier);

    private static string? PublicParent(RecordTree tree, Record record) =>
        record.Parent is { } parent && tree.Find(parent) is { IsPublic: true } ? parent : null;

    private static async Task<ManifestNames> NamesAsync(Archive archive, Record record, CancellationToken ct)
    {
        var byKind = new Dictionary<AuthorityKind, List<string>>
        {
            [AuthorityKind.Person] = [],
            [AuthorityKind.Institution] = [],
            [AuthorityKind.Place] = [],
        };
        foreach (var link in record.Authorities)
            if ((await archive.GetAuthorityAsync(link.AuthorityId, ct))?.Value is { } authority)
                byKind[link.Kind].Add(authority.Name);
        return new ManifestNames(byKind[AuthorityKind.Person], byKind[AuthorityKind.Institution], byKind[AuthorityKind.Place]);
    }

    private static IResult Json(HttpContext http, string body)
    {
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)))[..32] + "\"";
        http.Response.Headers.ETag = etag;
        // Short: a manifest changes with its record, and withdrawal must take effect soon.
        http.Response.Headers.CacheControl = "public, max-age=300";
        if (http.Request.Headers.IfNoneMatch.Any(v => v == etag)) return Results.StatusCode(StatusCodes.Status304NotModified);
        var wantsLd = http.Request.Headers.Accept.Any(a => a?.Contains("application/ld+json", StringComparison.OrdinalIgnoreCase) == true);
        return Results.Text(body, wantsLd ? JsonLdType : "application/json", Encoding.UTF8);
    }

    private static IResult NotFound(string identifier, string what) =>
        Results.Text($"there is no public {what} '{identifier}'\n", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
}
