using System.Text;

namespace HafizaIzmir.Archive.Images;

/// <summary>
/// Identifies an image from its leading bytes and reads its dimensions from the header alone, never decoding
/// pixels. The bytes decide the format, not the file name. Anything that is not JPEG, PNG, TIFF or WebP, or
/// whose header is truncated, malformed or over the <see cref="ImageLimits"/>, is refused with an
/// <see cref="UnsupportedImageException"/>.
/// </summary>
public static partial class ImageProbe
{
    private const string Accepted = "accepted: JPEG, TIFF, PNG, WebP";

    public static ImageInfo Probe(string path, ImageLimits? limits = null)
    {
        limits ??= ImageLimits.Default;
        // Checked before opening so an oversized file costs nothing more than a stat.
        limits.CheckBytes(new FileInfo(path).Length);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096);
        var info = ProbeFromHere(stream, limits);
        CheckEnding(stream, 0, info.MediaType);
        return info;
    }

    /// <summary>
    /// Probes from the stream's current position. A seekable stream is put back where it was, so the caller
    /// can hand the same stream to a decoder afterwards.
    /// </summary>
    public static ImageInfo Probe(Stream stream, ImageLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        limits ??= ImageLimits.Default;
        if (!stream.CanSeek)
            return ProbeFromHere(stream, limits);

        var start = stream.Position;
        limits.CheckBytes(stream.Length - start);
        try
        {
            var info = ProbeFromHere(stream, limits);
            CheckEnding(stream, start, info.MediaType);
            return info;
        }
        finally
        {
            stream.Position = start;
        }
    }

    private static ImageInfo ProbeFromHere(Stream stream, ImageLimits limits)
    {
        var reader = new HeaderReader(stream, "image");
        var head = reader.Peek(16);
        if (head.Length == 0)
            throw new UnsupportedImageException("the file is empty");

        var (mediaType, width, height) = Sniff(head) switch
        {
            Kind.Jpeg => ReadJpeg(reader),
            Kind.Png => ReadPng(reader),
            Kind.Tiff => ReadTiff(reader),
            Kind.WebP => ReadWebP(reader),
            _ => throw Refuse(head, reader),
        };
        limits.CheckDimensions(reader.Format, width, height);
        return new ImageInfo(mediaType, (int)width, (int)height) { Orientation = reader.Orientation };
    }

    private enum Kind { Unknown, Jpeg, Png, Tiff, WebP }

    private static Kind Sniff(ReadOnlySpan<byte> h)
    {
        if (h.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return Kind.Jpeg;
        if (h.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])) return Kind.Png;
        if (h.StartsWith("II"u8) || h.StartsWith("MM"u8))
        {
            // 42 = classic TIFF, 43 = BigTIFF, in the byte order the first two bytes announce.
            if (h.Length >= 4 && (h[0] == 'I' ? h[2] : h[3]) is 42 or 43 && (h[0] == 'I' ? h[3] : h[2]) == 0)
                return Kind.Tiff;
        }
        if (h.Length >= 12 && h.StartsWith("RIFF"u8) && h[8..12].SequenceEqual("WEBP"u8)) return Kind.WebP;
        return Kind.Unknown;
    }

    /// <summary>Names what the bytes are when we can, so the message tells the cataloguer what to do.</summary>
    private static UnsupportedImageException Refuse(ReadOnlySpan<byte> h, HeaderReader reader)
    {
        if (h.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A, 0x87, 0x0A]))
            return new("JPEG 2000 (JP2) is not supported: there is no JPEG 2000 decoder here; convert it to TIFF");
        if (h.StartsWith((ReadOnlySpan<byte>)[0xFF, 0x4F, 0xFF, 0x51]))
            return new("JPEG 2000 codestream (J2K) is not supported: there is no JPEG 2000 decoder here; convert it to TIFF");
        if (h.StartsWith("%PDF-"u8) || PdfMarkerNearStart(h, reader))
            return new("PDF is not an image format this archive accepts; convert it to TIFF (one file per page)");
        var name = h switch
        {
            _ when h.StartsWith("GIF87a"u8) || h.StartsWith("GIF89a"u8) => "GIF",
            _ when h.StartsWith("BM"u8) => "BMP",
            _ when h.Length >= 12 && h[4..8].SequenceEqual("ftyp"u8) => IsoBrand(h[8..12]),
            _ when h.StartsWith((ReadOnlySpan<byte>)[0xFF, 0x0A]) => "JPEG XL",
            _ when h.StartsWith("8BPS"u8) => "Photoshop",
            _ when h.StartsWith("II"u8) || h.StartsWith("MM"u8) => "TIFF-like but neither TIFF nor BigTIFF",
            _ => null,
        };
        return new(name is null ? $"unsupported format; {Accepted}" : $"unsupported format ({name}); {Accepted}");
    }

    private static string IsoBrand(ReadOnlySpan<byte> brand)
    {
        var text = Encoding.ASCII.GetString(brand);
        return text switch
        {
            "avif" or "avis" => "AVIF",
            "heic" or "heix" or "heim" or "heis" or "hevc" or "mif1" or "msf1" => "HEIC/HEIF",
            "jxl " => "JPEG XL",
            _ => $"ISO media '{text.Trim()}'",
        };
    }

    /// <summary>PDF readers accept "%PDF-" anywhere in the first 1024 bytes; so do we when naming the format.</summary>
    private static bool PdfMarkerNearStart(ReadOnlySpan<byte> head, HeaderReader reader)
    {
        var window = new byte[1024];
        head.CopyTo(window);
        reader.Skip(head.Length, "the start");
        var n = head.Length + reader.ReadAtMost(window.AsSpan(head.Length));
        return window.AsSpan(0, n).IndexOf("%PDF-"u8) >= 0;
    }
}
