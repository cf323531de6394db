namespace HafizaIzmir.Archive.Images;

/// <summary>
/// What a header says about an image: its media type, pixel dimensions as stored and the EXIF/TIFF
/// orientation a viewer must apply to show it upright.
/// </summary>
public sealed record ImageInfo(string MediaType, int Width, int Height)
{
    public long Pixels => (long)Width * Height;

    /// <summary>EXIF/TIFF orientation 1–8 (1 = as stored); anything unreadable counts as 1, as libvips does.</summary>
    public int Orientation { get; init; } = 1;

    /// <summary>Orientations 5 to 8 are quarter turns: shown upright, width and height swap.</summary>
    public bool Sideways => Orientation is >= 5 and <= 8;

    /// <summary>The size as shown and served: what info.json, manifests and derivatives state.</summary>
    public int UprightWidth => Sideways ? Height : Width;

    public int UprightHeight => Sideways ? Width : Height;
}

/// <summary>Media types of the master formats that are accepted.</summary>
public static class ImageMediaTypes
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Tiff = "image/tiff";
    public const string WebP = "image/webp";
}
