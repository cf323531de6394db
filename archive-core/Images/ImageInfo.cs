namespace HafizaIzmir.Archive.Images;

/// <summary>What a header says about an image: its media type and pixel dimensions.</summary>
public sealed record ImageInfo(string MediaType, int Width, int Height)
{
    public long Pixels => (long)Width * Height;
}

/// <summary>Media types of the master formats that are accepted.</summary>
public static class ImageMediaTypes
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Tiff = "image/tiff";
    public const string WebP = "image/webp";
}
