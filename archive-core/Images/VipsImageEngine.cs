using NetVips;

namespace HafizaIzmir.Archive.Images;

/// <summary>
/// <see cref="IImageEngine"/> on libvips (NetVips). Pipelines stream through the image in strips where the
/// format allows (sequential access), so memory stays bounded by the output, not the master.
/// </summary>
public sealed class VipsImageEngine : IImageEngine
{
    private static readonly string[] RegionFormats = ["jpg", "png", "webp", "tif"];
    private readonly ImageLimits _limits;

    static VipsImageEngine()
    {
        if (!ModuleInitializer.VipsInitialized)
            return; // reported by the constructor, where the exception can say why
        // The operation cache keeps decoded pixels of unrelated requests alive; for a server handling many
        // different masters memory matters more than reuse.
        Cache.Max = 0;
        // Loaders libvips itself marks as unsafe for untrusted input (ImageMagick, PDF, SVG...) are never needed.
        NetVips.NetVips.BlockUntrusted = true;
    }

    public VipsImageEngine(ImageLimits? limits = null)
    {
        if (!ModuleInitializer.VipsInitialized)
            throw new InvalidOperationException(
                "libvips could not be loaded: " + (ModuleInitializer.Exception?.Message ?? "unknown reason"),
                ModuleInitializer.Exception);
        _limits = limits ?? ImageLimits.Default;
    }

    /// <summary>The libvips version in use, e.g. "8.18.7".</summary>
    public static string LibvipsVersion =>
        $"{NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}.{NetVips.NetVips.Version(2)}";

    public ImageInfo Probe(Stream stream) => ImageProbe.Probe(stream, _limits);

    public async Task<byte[]> ThumbnailAsync(Stream master, int maxSide, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSide, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxSide, _limits.MaxSide);
        cancellationToken.ThrowIfCancellationRequested();
        using var source = await MasterSource.OpenAsync(master, _limits, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return Decode(source, () =>
        {
            // Not Image.ThumbnailStream: it sniffs the format itself and ignores fail-on for truncated JPEGs.
            // Our own loader keeps "what was probed is what gets decoded" and refuses truncated pixel data,
            // while still using shrink-on-load and pyramid levels.
            var info = source.Info;
            var shrink = Math.Max(1, (double)Math.Max(info.Width, info.Height) / maxSide);
            using var level = OpenLevel(source, shrink);
            // The size is worked out from the full resolution, not from whichever level was opened, so the
            // same master always gives the same thumbnail size. ThumbnailImage applies EXIF orientation after
            // shrinking (the rotation happens on the small image), hence the swap for quarter turns.
            var (width, height) = Sideways(level) ? (info.Height, info.Width) : (info.Width, info.Height);
            using var thumbnail = level.ThumbnailImage(Scaled(width, shrink), height: Scaled(height, shrink),
                size: Enums.Size.Force);
            using var displayable = Displayable(thumbnail);
            return displayable.JpegsaveBuffer(q: 82, optimizeCoding: true, keep: Enums.ForeignKeep.None);
        }, cancellationToken);
    }

    public async Task PyramidAsync(Stream master, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        cancellationToken.ThrowIfCancellationRequested();
        using var source = await MasterSource.OpenAsync(master, _limits, cancellationToken);
        // libtiff seeks back to patch offsets, so a sink that cannot seek gets the file from a spool.
        await using var spool = output.CanSeek ? null : MasterSource.CreateSpool();
        cancellationToken.ThrowIfCancellationRequested();
        Decode(source, () =>
        {
            using var upright = Upright(source);
            using var image = Displayable(upright);
            // Cancelling kills the evaluation between strips instead of waiting for the whole pyramid.
            image.SetProgress(new Progress<int>(), cancellationToken);
            image.TiffsaveStream(spool ?? output, compression: Enums.ForeignTiffCompression.Jpeg, q: 85,
                tile: true, tileWidth: 256, tileHeight: 256, pyramid: true, bigtiff: NeedsBigTiff(source.Info),
                keep: Enums.ForeignKeep.None);
            return true;
        }, cancellationToken);
        if (spool is not null)
        {
            spool.Position = 0;
            await spool.CopyToAsync(output, cancellationToken);
        }
    }

    public Task<byte[]> RegionAsync(Stream master, int x, int y, int width, int height, int targetWidth,
        int targetHeight, double rotation, string format, CancellationToken cancellationToken = default) =>
        RenderAsync(master, new ImageRender(x, y, width, height, targetWidth, targetHeight) { Rotation = rotation, Format = format },
            cancellationToken);

    public async Task<byte[]> RenderAsync(Stream master, ImageRender render, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(render);
        var format = (render.Format ?? "").Trim().ToLowerInvariant() switch { "jpeg" => "jpg", "tiff" => "tif", var f => f };
        if (!RegionFormats.Contains(format))
            throw new ArgumentException($"format '{format}' is not one of: {string.Join(", ", RegionFormats)}", nameof(render));
        if (!double.IsFinite(render.Rotation) || render.Rotation is < 0 or >= 360)
            throw new ArgumentOutOfRangeException(nameof(render), render.Rotation, "rotation must be at least 0 and below 360 degrees");
        var (x, y, width, height) = (render.X, render.Y, render.Width, render.Height);
        var (targetWidth, targetHeight) = (render.TargetWidth, render.TargetHeight);
        if (targetWidth < 1 || targetHeight < 1)
            throw new ArgumentOutOfRangeException(nameof(render), "the target size must be at least 1×1");
        _limits.CheckDimensions("requested", targetWidth, targetHeight);
        if (render.Rotation % 90 != 0)
        {
            var (cos, sin) = (Math.Abs(Math.Cos(render.Rotation * Math.PI / 180)), Math.Abs(Math.Sin(render.Rotation * Math.PI / 180)));
            _limits.CheckDimensions("turned", (int)Math.Ceiling(targetWidth * cos + targetHeight * sin),
                (int)Math.Ceiling(targetWidth * sin + targetHeight * cos));
        }
        cancellationToken.ThrowIfCancellationRequested();

        using var source = await MasterSource.OpenAsync(master, _limits, cancellationToken);
        // Coordinates refer to the image shown upright (pyramids are upright already; a master may carry EXIF
        // orientation), so a region means the same pixels whether it is cut from the master or the pyramid.
        var (uprightWidth, uprightHeight) = (source.Info.UprightWidth, source.Info.UprightHeight);
        if (x < 0 || y < 0 || width < 1 || height < 1 || (long)x + width > uprightWidth || (long)y + height > uprightHeight)
            throw new ArgumentOutOfRangeException(nameof(render),
                $"region {x},{y},{width},{height} does not lie within the {uprightWidth}×{uprightHeight} image");
        cancellationToken.ThrowIfCancellationRequested();

        return Decode(source, () =>
        {
            var shrink = Math.Min((double)width / targetWidth, (double)height / targetHeight);
            using var level = source.Info.Orientation > 1 ? OpenUprightLevel(source, shrink) : OpenLevel(source, shrink);
            var fx = (double)level.Width / uprightWidth;
            var fy = (double)level.Height / uprightHeight;
            var left = (int)Math.Floor(x * fx);
            var top = (int)Math.Floor(y * fy);
            var right = Math.Clamp((int)Math.Ceiling((x + width) * fx), left + 1, level.Width);
            var bottom = Math.Clamp((int)Math.Ceiling((y + height) * fy), top + 1, level.Height);

            using var cropped = level.Crop(left, top, right - left, bottom - top);
            // The level is upright already; the orientation must not be applied a second time.
            using var scaled = cropped.ThumbnailImage(targetWidth, height: targetHeight, size: Enums.Size.Force,
                noRotate: true);
            using var displayable = Displayable(scaled);
            // Mirroring and rotation need random access; the scaled region is small (bounded by the limits), so hold it.
            using var held = displayable.CopyMemory();
            using var mirrored = render.Mirror ? held.FlipHor() : held.Copy();
            if (render.Rotation % 90 == 0)
            {
                using var rotated = render.Rotation switch
                {
                    90 => mirrored.Rot(Enums.Angle.D90),
                    180 => mirrored.Rot(Enums.Angle.D180),
                    270 => mirrored.Rot(Enums.Angle.D270),
                    _ => mirrored.Copy(),
                };
                using var toned = Tone(rotated, render.Quality);
                return Encode(toned, format, render.Quality == ImageQuality.Bitonal);
            }
            return EncodeTurned(mirrored, render.Rotation, render.Quality, format);
        }, cancellationToken);
    }

    /// <summary>
    /// An arbitrary clockwise turn: the output is the turned image's bounding box. The corners are white in
    /// JPEG and transparent in PNG, WebP and TIFF, whose alpha comes from turning a plain mask the same way.
    /// Tone is applied after the turn, so a bitonal answer stays pure black and white at its edges.
    /// </summary>
    private static byte[] EncodeTurned(Image image, double degrees, ImageQuality quality, string format)
    {
        var white = Enumerable.Repeat(255.0, image.Bands).ToArray();
        using var turned = image.Rotate(degrees, background: white);
        using var toned = Tone(turned, quality);
        if (format == "jpg") return Encode(toned, format);
        using var plain = Image.Black(image.Width, image.Height) + 255;
        using var mask = plain.Cast(Enums.BandFormat.Uchar);
        using var turnedMask = mask.Rotate(degrees, background: [0.0]);
        using var masked = toned.Bandjoin(turnedMask.Cast(Enums.BandFormat.Uchar));
        return Encode(masked, format);
    }

    /// <summary>Grey is the luminance; bitonal is grey cut at the middle into pure black and white.</summary>
    private static Image Tone(Image image, ImageQuality quality)
    {
        if (quality == ImageQuality.Color) return image.Copy();
        using var grey = image.Bands == 1 ? image.Copy() : image.Colourspace(Enums.Interpretation.Bw);
        if (quality == ImageQuality.Gray) return grey.Copy();
        using var cut = grey >= 128;
        return cut.Copy(interpretation: Enums.Interpretation.Bw);
    }

    /// <summary>
    /// The cheapest source for a region reduced by <paramref name="shrink"/>: the smallest TIFF pyramid level
    /// still at least as detailed (random access, tiles are read where needed), JPEG shrink-on-load, or the
    /// full image read in strips.
    /// </summary>
    private static Image OpenLevel(MasterSource source, double shrink)
    {
        if (source.Info.MediaType == ImageMediaTypes.Tiff)
        {
            var levels = source.PyramidLevels();
            if (levels.Count > 1)
            {
                var needed = source.Info.Width / shrink;
                var best = levels.Last(l => l.Width >= needed || l.Page == 0);
                return source.Load(Enums.Access.Random, best.Page);
            }
        }
        if (source.Info.MediaType == ImageMediaTypes.Jpeg)
        {
            var factor = shrink >= 8 ? 8 : shrink >= 4 ? 4 : shrink >= 2 ? 2 : 1;
            return source.Load(Enums.Access.Sequential, shrink: factor);
        }
        return source.Load(Enums.Access.Sequential);
    }

    /// <summary>
    /// A master with EXIF orientation, turned upright: rotating needs random access, so this decodes more
    /// than <see cref="OpenLevel"/> would; it only serves until the (upright) pyramid has been made.
    /// </summary>
    private static Image OpenUprightLevel(MasterSource source, double shrink)
    {
        var factor = source.Info.MediaType == ImageMediaTypes.Jpeg ? (shrink >= 8 ? 8 : shrink >= 4 ? 4 : shrink >= 2 ? 2 : 1) : 1;
        using var stored = source.Load(Enums.Access.Random, shrink: factor);
        return stored.Autorot();
    }

    private static int Scaled(int side, double shrink) =>
        Math.Max(1, (int)Math.Round(side / shrink, MidpointRounding.AwayFromZero));

    /// <summary>EXIF orientations 5 to 8 are quarter turns: displayed width and height swap.</summary>
    private static bool Sideways(Image image) =>
        image.Contains("orientation") && (int)image.Get("orientation") is >= 5 and <= 8;

    /// <summary>Applies EXIF orientation, reopening with random access only when a rotation is actually needed.</summary>
    private static Image Upright(MasterSource source)
    {
        var image = source.Load(Enums.Access.Sequential);
        if (!image.Contains("orientation") || (int)image.Get("orientation") <= 1)
            return image;
        image.Dispose();
        using var random = source.Load(Enums.Access.Random);
        return random.Autorot();
    }

    /// <summary>8-bit sRGB (or grey) without alpha: what JPEG can hold and what a viewer shows.</summary>
    private static Image Displayable(Image image)
    {
        var current = image.Copy();
        if (current.Contains("icc-profile-data"))
            current = Replace(current, current.IccTransform("srgb", embedded: true, intent: Enums.Intent.Perceptual));
        if (current.HasAlpha())
            current = Replace(current, current.Flatten(background: Enumerable.Repeat(255.0, current.Bands - 1).ToArray()));
        var grey = current.Bands == 1;
        var target = grey ? Enums.Interpretation.Bw : Enums.Interpretation.Srgb;
        if (current.Interpretation is Enums.Interpretation.Multiband or Enums.Interpretation.Rgb
            or Enums.Interpretation.Matrix or Enums.Interpretation.Histogram)
            // Untagged or generic data: libvips knows no colour route from these, so just label the bands.
            current = Replace(current, current.Copy(interpretation: target));
        else if (current.Interpretation != target)
            current = Replace(current, current.Colourspace(target));
        if (current.Format != Enums.BandFormat.Uchar)
            current = Replace(current, current.Cast(Enums.BandFormat.Uchar));
        return current;
    }

    private static Image Replace(Image old, Image next)
    {
        old.Dispose();
        return next;
    }

    private static byte[] Encode(Image image, string format, bool bitonal = false) => format switch
    {
        "jpg" => image.JpegsaveBuffer(q: 85, optimizeCoding: true, keep: Enums.ForeignKeep.None),
        "png" => bitonal
            ? image.PngsaveBuffer(bitdepth: 1, keep: Enums.ForeignKeep.None)
            : image.PngsaveBuffer(keep: Enums.ForeignKeep.None),
        "webp" => image.WebpsaveBuffer(q: 80, keep: Enums.ForeignKeep.None),
        _ => image.TiffsaveBuffer(compression: Enums.ForeignTiffCompression.Deflate, keep: Enums.ForeignKeep.None),
    };

    /// <summary>Classic TIFF offsets are 32-bit; switch to BigTIFF well before a pyramid could pass 4 GB.</summary>
    private static bool NeedsBigTiff(ImageInfo info) => info.Pixels * 3 > 2L * 1024 * 1024 * 1024;

    /// <summary>
    /// Runs a libvips pipeline, reporting a decoder failure (corrupt or truncated pixel data behind a valid
    /// header) as an unsupported image and a killed evaluation as cancellation.
    /// </summary>
    private static T Decode<T>(MasterSource source, Func<T> pipeline, CancellationToken ct = default)
    {
        try
        {
            return pipeline();
        }
        catch (VipsException) when (ct.IsCancellationRequested)
        {
            throw new OperationCanceledException(ct);
        }
        catch (VipsException e)
        {
            var detail = e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            throw new UnsupportedImageException(
                $"the {source.Info.MediaType} data could not be decoded: {string.Join("; ", detail.Take(3))}");
        }
    }
}
