namespace HafizaIzmir.Site.Iiif;

/// <summary>A rectangle in full-resolution pixels of the image.</summary>
public readonly record struct PixelRegion(int X, int Y, int Width, int Height)
{
    public bool IsFull(int imageWidth, int imageHeight) => X == 0 && Y == 0 && Width == imageWidth && Height == imageHeight;
}

/// <summary>
/// The region segment of an Image API request: <c>full</c>, <c>square</c>, <c>x,y,w,h</c> in pixels or
/// <c>pct:x,y,w,h</c> in percent of the full image. A region reaching past the image is cut at its edge;
/// one that starts outside it, or has no area, is an error.
/// </summary>
public sealed record RegionParameter
{
    private enum Kind { Full, Square, Pixels, Percent }

    private readonly Kind _kind;
    private readonly double _x, _y, _w, _h;

    private RegionParameter(Kind kind, double x = 0, double y = 0, double w = 0, double h = 0)
    {
        _kind = kind;
        (_x, _y, _w, _h) = (x, y, w, h);
    }

    public static RegionParameter Full { get; } = new(Kind.Full);

    public static RegionParameter Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text == "full") return Full;
        if (text == "square") return new RegionParameter(Kind.Square);
        var percent = text.StartsWith("pct:", StringComparison.Ordinal);
        var parts = (percent ? text[4..] : text).Split(',');
        if (parts.Length != 4)
            throw IiifRequestException.BadRequest($"region '{text}' is not full, square, x,y,w,h or pct:x,y,w,h");
        var values = new double[4];
        for (var i = 0; i < 4; i++)
        {
            if (percent ? IiifNumbers.TryDecimal(parts[i], out values[i]) : TryInteger(parts[i], out values[i])) continue;
            throw IiifRequestException.BadRequest(
                $"region '{text}': '{parts[i]}' is not a {(percent ? "non-negative decimal number" : "whole number of pixels")}");
        }
        if (values[2] <= 0 || values[3] <= 0)
            throw IiifRequestException.BadRequest($"region '{text}' has no area: width and height must be greater than 0");
        if (percent && (values[0] >= 100 || values[1] >= 100))
            throw IiifRequestException.BadRequest($"region '{text}' starts outside the image");
        return new RegionParameter(percent ? Kind.Percent : Kind.Pixels, values[0], values[1], values[2], values[3]);
    }

    private static bool TryInteger(string text, out double value)
    {
        var ok = IiifNumbers.TryInteger(text, out var integer);
        value = integer;
        return ok;
    }

    /// <summary>The pixels this region covers in an image of the given size, cut at the image's edges.</summary>
    public PixelRegion Resolve(int imageWidth, int imageHeight)
    {
        switch (_kind)
        {
            case Kind.Full:
                return new PixelRegion(0, 0, imageWidth, imageHeight);
            case Kind.Square:
                var side = Math.Min(imageWidth, imageHeight);
                return new PixelRegion((imageWidth - side) / 2, (imageHeight - side) / 2, side, side);
        }
        double x = _x, y = _y, w = _w, h = _h;
        if (_kind == Kind.Percent)
        {
            x = Math.Floor(x * imageWidth / 100);
            y = Math.Floor(y * imageHeight / 100);
            // Round the far edge, not the width, so adjacent percentage regions tile without gaps.
            w = Math.Round(_w * imageWidth / 100 + _x * imageWidth / 100, MidpointRounding.AwayFromZero) - x;
            h = Math.Round(_h * imageHeight / 100 + _y * imageHeight / 100, MidpointRounding.AwayFromZero) - y;
        }
        if (x >= imageWidth || y >= imageHeight)
            throw IiifRequestException.BadRequest($"the region starts outside the {imageWidth}×{imageHeight} image");
        w = Math.Min(w, imageWidth - x);
        h = Math.Min(h, imageHeight - y);
        if (w < 1 || h < 1)
            throw IiifRequestException.BadRequest("the region is less than one pixel in this image");
        return new PixelRegion((int)x, (int)y, (int)w, (int)h);
    }

    /// <summary><c>full</c> for the whole image, otherwise the pixel form <c>x,y,w,h</c>.</summary>
    public static string Canonical(PixelRegion region, int imageWidth, int imageHeight) =>
        region.IsFull(imageWidth, imageHeight) ? "full" : $"{region.X},{region.Y},{region.Width},{region.Height}";
}
