namespace HafizaIzmir.Archive.Images;

/// <summary>
/// The bytes are not an image this archive accepts (wrong format, malformed or truncated header).
/// Raised before any pixel is decoded.
/// </summary>
public class UnsupportedImageException(string message) : Exception(message);

/// <summary>
/// The image is well-formed but larger than the configured <see cref="ImageLimits"/>; kept distinct so a web
/// host can answer "too large" rather than "unsupported".
/// </summary>
public sealed class ImageTooLargeException(string message) : UnsupportedImageException(message);
