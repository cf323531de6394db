using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using HafizaIzmir.Archive.Images;
using HafizaIzmir.Archive.Images.Derivatives;
using Microsoft.Extensions.Options;

namespace HafizaIzmir.Site.Iiif;

/// <summary>
/// IIIF Image API 3.0 at compliance level 2: <c>/iiif/3/{id}</c> (redirects to info.json),
/// <c>/iiif/3/{id}/info.json</c> and <c>/iiif/3/{id}/{region}/{size}/{rotation}/{quality}.{format}</c>.
/// </summary>
public static class ImageApi
{
    public const string Context = "http://iiif.io/api/image/3/context.json";
    public const string JsonLdType = "application/ld+json;profile=\"" + Context + "\"";
    public const int TileSize = 256;

    public static void MapImageApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/iiif/3").AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.AccessControlAllowOrigin = "*";
            try
            {
                return await next(context);
            }
            catch (IiifRequestException e)
            {
                return Results.Text(e.Message + "\n", "text/plain; charset=utf-8", statusCode: e.Status);
            }
        });
        // The base URI answers 303 See Other with the image information, as the specification recommends.
        group.MapGet("/{id}", (string id, HttpContext http) =>
        {
            http.Response.Headers.Location = $"{http.Request.PathBase}/iiif/3/{Uri.EscapeDataString(id)}/info.json";
            return Results.StatusCode(StatusCodes.Status303SeeOther);
        });
        group.MapGet("/{id}/info.json", InfoAsync);
        group.MapGet("/{id}/{region}/{size}/{rotation}/{qualityFormat}", ImageAsync);
    }

    /// <summary>The image service's base URI, as info.json and manifests name it.</summary>
    public static string ServiceId(string baseUrl, ImageIdentifier id) => $"{baseUrl}/iiif/3/{Uri.EscapeDataString(id.ToString())}";

    public static string BaseUrl(HttpRequest request, IiifOptions options) =>
        string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : options.PublicBaseUrl.TrimEnd('/');

    private static async Task<IResult> InfoAsync(string id, HttpContext http, ImageCatalog catalog, IOptions<IiifOptions> options, CancellationToken ct)
    {
        var image = await catalog.FindAsync(id, ct);
        var info = Info(ServiceId(BaseUrl(http.Request, options.Value), image.Id), image.Width, image.Height, options.Value.Limits);
        var body = info.ToJsonString();
        if (NotModified(http, ETag(image.File.Sha512, body), 3600)) return Results.StatusCode(StatusCodes.Status304NotModified);
        var wantsLd = http.Request.Headers.Accept.Any(a => a?.Contains("application/ld+json", StringComparison.OrdinalIgnoreCase) == true);
        http.Response.Headers.Link = "<http://iiif.io/api/image/3/level2.json>;rel=\"profile\"";
        return Results.Text(body, wantsLd ? JsonLdType : "application/json", Encoding.UTF8);
    }

    /// <summary>info.json: size, limits, the 256-pixel tiles with their scale factors, preferred sizes and extras.</summary>
    public static JsonObject Info(string serviceId, int width, int height, ImageServiceLimits limits)
    {
        var factors = new JsonArray();
        var sizes = new JsonArray();
        for (var factor = 1; ; factor *= 2)
        {
            factors.Add(factor);
            var (w, h) = ((width + factor - 1) / factor, (height + factor - 1) / factor);
            if (w <= limits.MaxWidth && h <= limits.MaxHeight && (long)w * h <= limits.MaxArea)
                sizes.Insert(0, new JsonObject { ["width"] = w, ["height"] = h });
            if (w <= TileSize && h <= TileSize) break;
        }
        return new JsonObject
        {
            ["@context"] = Context,
            ["id"] = serviceId,
            ["type"] = "ImageService3",
            ["protocol"] = "http://iiif.io/api/image",
            ["profile"] = "level2",
            ["width"] = width,
            ["height"] = height,
            ["maxWidth"] = limits.MaxWidth,
            ["maxHeight"] = limits.MaxHeight,
            ["maxArea"] = limits.MaxArea,
            ["sizes"] = sizes,
            ["tiles"] = new JsonArray(new JsonObject { ["width"] = TileSize, ["height"] = TileSize, ["scaleFactors"] = factors }),
            ["extraQualities"] = new JsonArray("color", "gray", "bitonal"),
            ["extraFormats"] = new JsonArray("png", "webp"),
            ["extraFeatures"] = new JsonArray("mirroring", "rotationArbitrary", "sizeUpscaling", "canonicalLinkHeader", "profileLinkHeader"),
        };
    }

    private static async Task<IResult> ImageAsync(string id, string region, string size, string rotation, string qualityFormat,
        HttpContext http, ImageCatalog catalog, DerivativeStore derivatives, IImageEngine engine, IOptions<IiifOptions> options, CancellationToken ct)
    {
        // Syntax first: a malformed request is 400 whatever the id.
        var regionParameter = RegionParameter.Parse(region);
        var sizeParameter = SizeParameter.Parse(size);
        var rotationParameter = RotationParameter.Parse(rotation);
        var output = QualityFormat.Parse(qualityFormat);

        var image = await catalog.FindAsync(id, ct);
        var pixels = regionParameter.Resolve(image.Width, image.Height);
        var (width, height) = sizeParameter.Resolve(pixels.Width, pixels.Height, options.Value.Limits);

        var canonicalPath = $"{RegionParameter.Canonical(pixels, image.Width, image.Height)}/" +
                            $"{SizeParameter.Canonical(width, height, pixels.Width, pixels.Height, sizeParameter.Upscale)}/" +
                            $"{rotationParameter.Canonical}/{output}";
        var serviceId = ServiceId(BaseUrl(http.Request, options.Value), image.Id);
        http.Response.Headers.Link = $"<{serviceId}/{canonicalPath}>;rel=\"canonical\", <http://iiif.io/api/image/3/level2.json>;rel=\"profile\"";
        if (NotModified(http, ETag(image.File.Sha512, canonicalPath), options.Value.ImageMaxAgeSeconds))
            return Results.StatusCode(StatusCodes.Status304NotModified);

        if (IsThumbnail(pixels, width, height, rotationParameter, output, image)
            && await derivatives.ThumbnailAsync(image.File.Sha512, ct) is { } thumbnail)
            return Results.Bytes(thumbnail, output.MediaType);

        var render = new ImageRender(pixels.X, pixels.Y, pixels.Width, pixels.Height, width, height)
        {
            Rotation = rotationParameter.Degrees,
            Mirror = rotationParameter.Mirror,
            Quality = output.ImageQuality,
            Format = output.Format,
        };
        var (stream, _) = await catalog.OpenPixelsAsync(image, ct);
        await using (stream)
        {
            try
            {
                return Results.Bytes(await engine.RenderAsync(stream, render, ct), output.MediaType);
            }
            catch (ImageTooLargeException e)
            {
                throw IiifRequestException.BadRequest(e.Message);
            }
        }
    }

    private static bool IsThumbnail(PixelRegion pixels, int width, int height, RotationParameter rotation, QualityFormat output, PublicImage image) =>
        pixels.IsFull(image.Width, image.Height) && rotation == RotationParameter.None && output.Format == "jpg"
        && output.Quality is "default" or "color" && (width, height) == DerivativeStore.ThumbnailSize(image.Width, image.Height);

    private static string ETag(string sha512, string what) =>
        "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sha512 + "\n" + what)))[..32] + "\"";

    /// <summary>Sets ETag and Cache-Control; true when the client's copy is current.</summary>
    private static bool NotModified(HttpContext http, string etag, int maxAgeSeconds)
    {
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = $"public, max-age={maxAgeSeconds}";
        return http.Request.Headers.IfNoneMatch.Any(v => v is not null && (v == "*" || v.Split(',').Select(s => s.Trim()).Contains(etag)));
    }
}
