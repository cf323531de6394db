namespace HafizaIzmir.Archive.Images;

/// <summary>The tone of a rendered image, as the IIIF Image API names them.</summary>
public enum ImageQuality { Color, Gray, Bitonal }

/// <summary>
/// One rendering of a master, in the order the IIIF Image API applies the steps: cut the rectangle
/// (<see cref="X"/>, <see cref="Y"/>, <see cref="Width"/>, <see cref="Height"/>, full-resolution pixels),
/// scale it to exactly <see cref="TargetWidth"/>×<see cref="TargetHeight"/>, mirror it horizontally,
/// rotate it clockwise by <see cref="Rotation"/> degrees (at least 0, below 360; quarter turns are exact, other
/// angles give the rotated image's bounding box, white around it in JPEG and transparent in the formats with
/// alpha), reduce it to <see cref="Quality"/> and encode it as <see cref="Format"/> ("jpg", "png", "webp" or "tif").
/// </summary>
public sealed record ImageRender(int X, int Y, int Width, int Height, int TargetWidth, int TargetHeight)
{
    public double Rotation { get; init; }
    public bool Mirror { get; init; }
    public ImageQuality Quality { get; init; } = ImageQuality.Color;
    public string Format { get; init; } = "jpg";
}
