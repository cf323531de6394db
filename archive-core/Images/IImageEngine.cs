namespace HafizaIzmir.Archive.Images;

/// <summary>
/// Everything the archive does with pixels, kept behind one small interface so the imaging library can be
/// replaced. Every method probes the master first and refuses it (with <see cref="UnsupportedImageException"/>)
/// before any pixel is decoded when it is not an accepted format or is over the limits.
/// </summary>
public interface IImageEngine
{
    /// <summary>Format and size from the header alone; see <see cref="ImageProbe"/>.</summary>
    ImageInfo Probe(Stream stream);

    /// <summary>A JPEG whose longer side is at most <paramref name="maxSide"/>; never enlarges.</summary>
    Task<byte[]> ThumbnailAsync(Stream master, int maxSide, CancellationToken cancellationToken = default);

    /// <summary>Writes a tiled (256×256), JPEG-compressed, multi-resolution TIFF for deep zoom.</summary>
    Task PyramidAsync(Stream master, Stream output, CancellationToken cancellationToken = default);

    /// <summary>
    /// Cuts the rectangle (<paramref name="x"/>, <paramref name="y"/>, <paramref name="width"/>,
    /// <paramref name="height"/>) in full-resolution coordinates, scales it to exactly
    /// <paramref name="targetWidth"/>×<paramref name="targetHeight"/>, rotates it clockwise by
    /// <paramref name="rotation"/> degrees (0 to below 360; see <see cref="ImageRender"/>) and encodes it as <paramref name="format"/>
    /// ("jpg", "png", "webp" or "tif"), in that order, as the IIIF Image API prescribes.
    /// </summary>
    Task<byte[]> RegionAsync(Stream master, int x, int y, int width, int height, int targetWidth,
        int targetHeight, double rotation, string format, CancellationToken cancellationToken = default);

    /// <summary>Like <see cref="RegionAsync"/>, with mirroring and a quality (grey, bitonal) as well.</summary>
    Task<byte[]> RenderAsync(Stream master, ImageRender render, CancellationToken cancellationToken = default);
}
