namespace HafizaIzmir.Archive.Images;

public static partial class ImageProbe
{
    /// <summary>How far from the end the closing marker is looked for: writers may append a little after it.</summary>
    private const int EndingWindow = 64 * 1024;

    /// <summary>
    /// Refuses a JPEG or PNG whose closing marker (JPEG EOI, PNG IEND) is missing near the end of the file: an
    /// interrupted copy or upload that a header-only probe would take for a whole master. Reads only the tail.
    /// TIFF and WebP name their data offsets in the header, which the derivative step checks when it decodes.
    /// </summary>
    private static void CheckEnding(Stream stream, long start, string mediaType)
    {
        ReadOnlySpan<byte> marker = mediaType switch
        {
            "image/jpeg" => [0xFF, 0xD9],
            "image/png" => "IEND"u8,
            _ => [],
        };
        if (marker.IsEmpty) return;
        var length = stream.Length - start;
        var window = (int)Math.Min(length, EndingWindow);
        var tail = new byte[window];
        stream.Position = start + length - window;
        stream.ReadExactly(tail);
        if (tail.AsSpan().LastIndexOf(marker) < 0)
            throw new UnsupportedImageException($"the file is truncated: its {(mediaType == "image/png" ? "PNG IEND chunk" : "JPEG end marker")} is missing (an interrupted copy?); copy it again");
    }
}
