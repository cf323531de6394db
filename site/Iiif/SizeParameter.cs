namespace HafizaIzmir.Site.Iiif;

/// <summary>What the server is willing to render: the <c>maxWidth</c>, <c>maxHeight</c> and <c>maxArea</c> of info.json.</summary>
public sealed record ImageServiceLimits(int MaxWidth, int MaxHeight, long MaxArea)
{
    public static ImageServiceLimits Default { get; } = new(10_000, 10_000, 50_000_000);
}

/// <summary>
/// The size segment of an Image API request: <c>max</c>, <c>w,</c>, <c>,h</c>, <c>pct:n</c>, <c>w,h</c>,
/// <c>!w,h</c>, each optionally preceded by <c>^</c> to allow enlarging the region. Without <c>^</c> a
/// size larger than the region is an error; with or without it, a size beyond the server's limits is.
/// </summary>
public sealed record SizeParameter
{
    private enum Kind { Max, Width, Height, Percent, Exact, Fit }

    private readonly Kind _kind;
    private readonly int _w, _h;
    private readonly double _percent;

    private SizeParameter(Kind kind, bool upscale, int w = 0, int h = 0, double percent = 0)
    {
        _kind = kind;
        Upscale = upscale;
        (_w, _h, _percent) = (w, h, percent);
    }

    public bool Upscale { get; }

    public static SizeParameter Max { get; } = new(Kind.Max, upscale: false);

    public static SizeParameter Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var upscale = text.StartsWith('^');
        var body = upscale ? text[1..] : text;
        if (body == "max") return upscale ? new SizeParameter(Kind.Max, true) : Max;
        if (body.StartsWith("pct:", StringComparison.Ordinal))
        {
            if (!IiifNumbers.TryDecimal(body[4..], out var percent) || percent <= 0)
                throw IiifRequestException.BadRequest($"size '{text}': the percentage must be a decimal number greater than 0");
            if (!upscale && percent > 100)
                throw IiifRequestException.BadRequest($"size '{text}' enlarges the image; use ^pct: to allow that");
            if (percent > 100_000)
                throw IiifRequestException.BadRequest($"size '{text}' is beyond any size this server renders");
            return new SizeParameter(Kind.Percent, upscale, percent: percent);
        }
        var fit = body.StartsWith('!');
        var parts = (fit ? body[1..] : body).Split(',');
        if (parts.Length != 2)
            throw IiifRequestException.BadRequest($"size '{text}' is not max, w,, ,h, pct:n, w,h or !w,h (optionally with ^)");
        var hasW = parts[0].Length > 0;
        var hasH = parts[1].Length > 0;
        int w = 0, h = 0;
        if ((hasW && !IiifNumbers.TryInteger(parts[0], out w)) || (hasH && !IiifNumbers.TryInteger(parts[1], out h)))
            throw IiifRequestException.BadRequest($"size '{text}': width and height must be whole numbers of pixels");
        if ((hasW && w == 0) || (hasH && h == 0))
            throw IiifRequestException.BadRequest($"size '{text}': width and height must be greater than 0");
        return (fit, hasW, hasH) switch
        {
            (true, true, true) => new SizeParameter(Kind.Fit, upscale, w, h),
            (false, true, true) => new SizeParameter(Kind.Exact, upscale, w, h),
            (false, true, false) => new SizeParameter(Kind.Width, upscale, w),
            (false, false, true) => new SizeParameter(Kind.Height, upscale, h: h),
            _ => throw IiifRequestException.BadRequest($"size '{text}' needs {(fit ? "both a width and a height after !" : "a width, a height or both")}"),
        };
    }

    /// <summary>The output size for a region of <paramref name="regionWidth"/>×<paramref name="regionHeight"/> pixels.</summary>
    public (int Width, int Height) Resolve(int regionWidth, int regionHeight, ImageServiceLimits limits)
    {
        double rw = regionWidth, rh = regionHeight;
        double w, h;
        switch (_kind)
        {
            case Kind.Max:
                var scale = Math.Min(Math.Min(limits.MaxWidth / rw, limits.MaxHeight / rh), Math.Sqrt(limits.MaxArea / (rw * rh)));
                if (!Upscale) scale = Math.Min(scale, 1);
                w = Math.Floor(rw * scale);
                h = Math.Floor(rh * scale);
                // Keep the aspect ratio when one side would round to nothing.
                (w, h) = (Math.Max(w, 1), Math.Max(h, 1));
                return Checked(w, h, limits);
            case Kind.Width:
                (w, h) = (_w, Math.Max(1, Math.Round(rh * _w / rw, MidpointRounding.AwayFromZero)));
                break;
            case Kind.Height:
                (w, h) = (Math.Max(1, Math.Round(rw * _h / rh, MidpointRounding.AwayFromZero)), _h);
                break;
            case Kind.Percent:
                (w, h) = (Math.Round(rw * _percent / 100, MidpointRounding.AwayFromZero), Math.Round(rh * _percent / 100, MidpointRounding.AwayFromZero));
                break;
            case Kind.Exact:
                (w, h) = (_w, _h);
                break;
            default:
                var fit = Math.Min(_w / rw, _h / rh);
                if (!Upscale) fit = Math.Min(fit, 1);
                w = Math.Clamp(Math.Round(rw * fit, MidpointRounding.AwayFromZero), 1, _w);
                h = Math.Clamp(Math.Round(rh * fit, MidpointRounding.AwayFromZero), 1, _h);
                break;
        }
        if (!Upscale && (w > rw || h > rh))
            throw IiifRequestException.BadRequest(
                $"the requested size {w}×{h} is larger than the {regionWidth}×{regionHeight} region; prefix the size with ^ to enlarge");
        return Checked(w, h, limits);
    }

    private static (int, int) Checked(double w, double h, ImageServiceLimits limits)
    {
        if (w < 1 || h < 1)
            throw IiifRequestException.BadRequest("the requested size is less than one pixel");
        if (w > limits.MaxWidth || h > limits.MaxHeight || w * h > limits.MaxArea)
            throw IiifRequestException.BadRequest(
                $"the requested size {w}×{h} exceeds this server's limits (maxWidth {limits.MaxWidth}, maxHeight {limits.MaxHeight}, maxArea {limits.MaxArea})");
        return ((int)w, (int)h);
    }

    /// <summary><c>max</c> when the result is the region's own size (not enlarged), otherwise <c>w,h</c> (with ^ when enlarged).</summary>
    public static string Canonical(int width, int height, int regionWidth, int regionHeight, bool upscaled)
    {
        if (width == regionWidth && height == regionHeight) return "max";
        var enlarged = upscaled && (width > regionWidth || height > regionHeight);
        return $"{(enlarged ? "^" : "")}{width},{height}";
    }
}
