using System.Buffers.Binary;
using NetVips;

namespace HafizaIzmir.Tests.Images;

/// <summary>Tiny images made in code, plus hand-made headers for the cases no encoder would write.</summary>
internal static class TestImages
{
    /// <summary>A gradient, so encoders and resamplers have something other than a flat field to work on.</summary>
    public static Image Gradient(int width, int height)
    {
        using var x = Image.Xyz(width, height);
        using var r = x[0] * (255.0 / Math.Max(1, width - 1));
        using var g = x[1] * (255.0 / Math.Max(1, height - 1));
        using var b = (r + g) / 2;
        using var rgb = r.Bandjoin(g, b);
        return rgb.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
    }

    public static byte[] Encode(int width, int height, string suffix)
    {
        using var image = Gradient(width, height);
        return image.WriteToBuffer(suffix);
    }

    public static byte[] TiledPyramidTiff(int width, int height)
    {
        using var image = Gradient(width, height);
        using var output = new MemoryStream();
        image.TiffsaveStream(output, compression: Enums.ForeignTiffCompression.Jpeg, tile: true,
            tileWidth: 256, tileHeight: 256, pyramid: true);
        return output.ToArray();
    }

    /// <summary>A PNG whose IHDR claims any size, with a valid CRC, and no pixel data worth mentioning.</summary>
    public static byte[] PngHeader(uint width, uint height)
    {
        using var ms = new MemoryStream();
        ms.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // truecolour
        WriteChunk(ms, "IHDR", ihdr);
        WriteChunk(ms, "IEND", []);
        return ms.ToArray();
    }

    private static void WriteChunk(Stream s, string type, byte[] data)
    {
        Span<byte> u32 = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(u32, (uint)data.Length);
        s.Write(u32);
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        s.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(u32, Crc32(typed));
        s.Write(u32);
    }

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    private static uint Crc32(byte[] bytes) =>
        ~bytes.Aggregate(0xFFFFFFFFu, (crc, b) => CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8));

    /// <summary>
    /// SOI, an EXIF APP1 segment, fill bytes, then a baseline SOF0 with the given size; what follows the
    /// frame header is irrelevant to a header reader.
    /// </summary>
    public static byte[] JpegHeader(ushort width, ushort height, byte sofMarker = 0xC0)
    {
        var exif = "Exif\0\0MM\0*\0\0\0\u0008"u8.ToArray().Concat(new byte[200]).ToArray();
        using var ms = new MemoryStream();
        ms.Write([0xFF, 0xD8]);
        ms.Write([0xFF, 0xE1, (byte)((exif.Length + 2) >> 8), (byte)(exif.Length + 2)]);
        ms.Write(exif);
        // A DHT segment before the frame: shares the SOF code range (C4) and must be skipped, not read as one.
        ms.Write([0xFF, 0xC4, 0x00, 0x05, 0x00, 0x00, 0x00]);
        ms.Write([0xFF, 0xFF, 0xFF, 0xFF, sofMarker, 0x00, 0x11, 0x08]);
        ms.Write([(byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 0x03]);
        ms.Write(new byte[9]);
        ms.Write([0xFF, 0xD9]);
        return ms.ToArray();
    }

    /// <summary>A big-endian classic TIFF whose first IFD sits at the end, width as LONG and height as SHORT.</summary>
    public static byte[] BigEndianTiffHeader(uint width, ushort height)
    {
        var bytes = new byte[8 + 64 + 2 + 3 * 12 + 4];
        "MM\0*"u8.CopyTo(bytes);
        var ifd = 8 + 64;
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), (uint)ifd);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(ifd), 3);
        var entry = ifd + 2;
        void Entry(ushort tag, ushort type, uint value)
        {
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(entry), tag);
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(entry + 2), type);
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(entry + 4), 1);
            if (type == 3) BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(entry + 8), (ushort)value);
            else BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(entry + 8), value);
            entry += 12;
        }
        Entry(256, 4, width);
        Entry(257, 3, height);
        Entry(259, 3, 1);
        return bytes;
    }
}

/// <summary>Hides seeking, the way a network or blob download stream does.</summary>
internal sealed class ForwardOnlyStream(byte[] bytes) : Stream
{
    private readonly MemoryStream _inner = new(bytes);
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 7));
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>A write-only sink that cannot seek, like an HTTP response body or a blob upload stream.</summary>
internal sealed class ForwardOnlySink : Stream
{
    public MemoryStream Written { get; } = new();
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => Written.Write(buffer, offset, count);
}
