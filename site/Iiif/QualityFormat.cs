using HafizaIzmir.Archive.Images;

namespace HafizaIzmir.Site.Iiif;

/// <summary>
/// The last segment, <c>{quality}.{format}</c>. Qualities <c>default</c>, <c>color</c>, <c>gray</c>,
/// <c>bitonal</c>; formats jpg, png and webp. Formats the Image API defines but this server does not
/// produce (tif, gif, jp2, pdf) are 501, anything else 400.
/// </summary>
public sealed record QualityFormat(string Quality, string Format)
{
    public static readonly string[] Qualities = ["default", "color", "gray", "bitonal"];
    public static readonly string[] Formats = ["jpg", "png", "webp"];
    private static readonly string[] KnownUnsupported = ["tif", "gif", "jp2", "pdf"];

    public static QualityFormat Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var dot = text.LastIndexOf('.');
        if (dot <= 0 || dot == text.Length - 1)
            throw IiifRequestException.BadRequest($"'{text}' is not quality.format (for example default.jpg)");
        var quality = text[..dot];
        var format = text[(dot + 1)..];
        if (!Qualities.Contains(quality, StringComparer.Ordinal))
            throw IiifRequestException.BadRequest($"quality '{quality}' is not one of {string.Join(", ", Qualities)}");
        if (KnownUnsupported.Contains(format, StringComparer.Ordinal))
            throw IiifRequestException.NotImplemented($"format '{format}' is not offered; use {string.Join(", ", Formats)}");
        if (!Formats.Contains(format, StringComparer.Ordinal))
            throw IiifRequestException.BadRequest($"format '{format}' is not an image format of the Image API");
        return new QualityFormat(quality, format);
    }

    public ImageQuality ImageQuality => Quality switch
    {
        "gray" => ImageQuality.Gray,
        "bitonal" => ImageQuality.Bitonal,
        _ => ImageQuality.Color,
    };

    public string MediaType => Format switch
    {
        "png" => "image/png",
        "webp" => "image/webp",
        _ => "image/jpeg",
    };

    public override string ToString() => $"{Quality}.{Format}";
}
