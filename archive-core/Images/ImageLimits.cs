using System.Globalization;

namespace HafizaIzmir.Archive.Images;

/// <summary>
/// Upper bounds checked against the header before anything is decoded, so a tiny file that claims
/// 100000×100000 pixels (a decompression bomb) never reaches the decoder.
/// </summary>
public sealed record ImageLimits
{
    public static ImageLimits Default { get; } = new();

    /// <summary>Largest accepted file, in bytes (default 500 MB).</summary>
    public long MaxBytes { get; init; } = 500L * 1000 * 1000;

    /// <summary>Largest accepted width × height (default 300 megapixels).</summary>
    public long MaxPixels { get; init; } = 300L * 1000 * 1000;

    /// <summary>Largest accepted width or height (default 65,000, close to what JPEG and WebP can address).</summary>
    public int MaxSide { get; init; } = 65_000;

    public void CheckBytes(long bytes)
    {
        if (bytes > MaxBytes)
            throw new ImageTooLargeException(
                $"the file is {Megabytes(bytes)} MB; the limit is {Megabytes(MaxBytes)} MB");
    }

    public void CheckDimensions(string format, long width, long height)
    {
        if (width <= 0 || height <= 0)
            throw new UnsupportedImageException($"{format} header gives zero size ({width}×{height})");
        // Int128 because two 32-bit TIFF dimensions can overflow a long.
        var pixels = (Int128)width * height;
        if (pixels > MaxPixels)
            throw new ImageTooLargeException(
                $"the {format} image is {width}×{height} = {Megapixels(pixels)} megapixels; " +
                $"the limit is {Megapixels(MaxPixels)}");
        if (width > MaxSide || height > MaxSide)
            throw new ImageTooLargeException(
                $"the {format} image is {width}×{height}; a side is longer than the limit of {MaxSide} pixels");
    }

    private static string Megabytes(long bytes) =>
        (bytes / 1_000_000.0).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Megapixels(Int128 pixels) =>
        ((double)pixels / 1_000_000.0).ToString("0.#", CultureInfo.InvariantCulture);
}
