using System.Globalization;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Oai.Formats;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace HafizaIzmir.Site.Iiif;

/// <summary>Which masters the public may download byte for byte (configuration <c>Iiif:DownloadMasters</c>).</summary>
public enum MasterDownloadPolicy
{
    /// <summary>Never: scans are seen only through the image service.</summary>
    None,

    /// <summary>Records whose rights allow free reuse (CC0, the Public Domain Mark, CC BY, CC BY-SA).</summary>
    Open,

    /// <summary>Also the statements that allow reuse with restrictions (the NC and ND licences, NoC-NC, NoC-OKLR, InC-EDU).</summary>
    Reusable,
}

/// <summary>
/// <c>GET /indir/{identifier}/{page}</c>: the master of a published record's scan, exactly as archived, when
/// both the configuration and the record's rights allow it. Unpublished or unknown pages are 404 like every
/// other public surface; a published scan whose master may not be downloaded is 403 with the reason, since
/// the record itself is public.
/// </summary>
public static class MasterDownload
{
    public static string Path(string identifier, int page) =>
        $"/indir/{Uri.EscapeDataString(identifier)}/{page.ToString(CultureInfo.InvariantCulture)}";

    public static bool Allows(MasterDownloadPolicy policy, Record record) => policy switch
    {
        MasterDownloadPolicy.Open => EdmRights.Reuse(record.Rights) == ReuseLevel.Open,
        MasterDownloadPolicy.Reusable => EdmRights.Reuse(record.Rights) != ReuseLevel.None,
        _ => false,
    };

    /// <summary>Each accepted master format: its short name, as a download link tells it, and its file extension.</summary>
    private static readonly Dictionary<string, (string Name, string Extension)> Formats = new(StringComparer.Ordinal)
    {
        ["image/jpeg"] = ("JPEG", ".jpg"),
        ["image/tiff"] = ("TIFF", ".tif"),
        ["image/png"] = ("PNG", ".png"),
        ["image/webp"] = ("WebP", ".webp"),
    };

    public static string FormatName(string mediaType) => Formats.TryGetValue(mediaType, out var f) ? f.Name : mediaType;

    public static void MapMasterDownload(this IEndpointRouteBuilder app) =>
        app.MapGet("/indir/{identifier}/{page:int}", DownloadAsync);

    private static async Task<IResult> DownloadAsync(string identifier, int page, HttpContext http, ImageCatalog catalog,
        IOptions<IiifOptions> options, CancellationToken ct)
    {
        PublicImage image;
        try
        {
            image = await catalog.FindAsync($"{identifier}~{page}", ct);
        }
        catch (IiifRequestException e)
        {
            return Results.Text(e.Message + "\n", "text/plain; charset=utf-8", statusCode: e.Status);
        }
        if (!Allows(options.Value.DownloadMasters, image.Record))
            return Results.Text(
                "Bu taramanın aslı indirilemez; görüntü hizmetini kullanın: " + ImageApi.ServiceId("", image.Id) + "/info.json\n" +
                "The master of this scan may not be downloaded (its rights or this archive's settings do not allow it); " +
                "use the image service instead.\n",
                "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);

        var file = image.File;
        // RFC 9530: lets the downloader check fixity against the archive's own SHA-512.
        http.Response.Headers["Repr-Digest"] = $"sha-512=:{Convert.ToBase64String(Convert.FromHexString(file.Sha512))}:";
        http.Response.Headers.CacheControl = $"public, max-age={options.Value.ImageMaxAgeSeconds}";
        var stream = await catalog.OpenMasterAsync(image, ct);
        return Results.Stream(stream, file.MediaType, FileName(image), entityTag: new EntityTagHeaderValue($"\"{file.Sha512[..32]}\""),
            enableRangeProcessing: stream.CanSeek);
    }

    private static string FileName(PublicImage image)
    {
        var extension = Formats.TryGetValue(image.File.MediaType, out var f) ? f.Extension : System.IO.Path.GetExtension(image.File.Path);
        return $"{image.Record.Identifier}-{image.Id.Page.ToString("000", CultureInfo.InvariantCulture)}{extension}";
    }
}
