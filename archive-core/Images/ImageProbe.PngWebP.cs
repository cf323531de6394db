using System.Buffers.Binary;

namespace HafizaIzmir.Archive.Images;

public static partial class ImageProbe
{
    /// <summary>Signature, then the IHDR chunk, which the PNG specification requires to come first.</summary>
    private static (string, long, long) ReadPng(HeaderReader reader)
    {
        reader.Format = "PNG";
        reader.Skip(8, "the signature");
        Span<byte> chunk = stackalloc byte[4 + 4 + 13 + 4];
        reader.ReadExactly(chunk, "the IHDR chunk");
        var length = BinaryPrimitives.ReadUInt32BigEndian(chunk);
        if (length != 13 || !chunk[4..8].SequenceEqual("IHDR"u8))
            throw reader.Malformed("the first chunk is not a 13-byte IHDR");
        var crc = BinaryPrimitives.ReadUInt32BigEndian(chunk[21..]);
        if (PngCrc(chunk[4..21]) != crc)
            throw reader.Malformed("the IHDR chunk's CRC does not match");
        var width = BinaryPrimitives.ReadUInt32BigEndian(chunk[8..]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(chunk[12..]);
        if (width > int.MaxValue || height > int.MaxValue)
            throw reader.Malformed($"dimensions {width}×{height} exceed the PNG maximum of 2^31-1");
        return (ImageMediaTypes.Png, width, height);
    }

    /// <summary>
    /// RIFF container, then the first chunk: VP8 (lossy, key frame header), VP8L (lossless, 14-bit sizes) or
    /// VP8X (extended, 24-bit canvas size).
    /// </summary>
    private static (string, long, long) ReadWebP(HeaderReader reader)
    {
        reader.Format = "WebP";
        reader.Skip(12, "the RIFF header");
        Span<byte> head = stackalloc byte[8];
        reader.ReadExactly(head, "the first chunk header");
        var fourcc = System.Text.Encoding.ASCII.GetString(head[..4]);
        Span<byte> data = stackalloc byte[10];
        switch (fourcc)
        {
            case "VP8 ":
                reader.ReadExactly(data, "the VP8 frame header");
                if ((data[0] & 1) != 0)
                    throw reader.Malformed("the VP8 bitstream does not start with a key frame");
                if (data[3] != 0x9D || data[4] != 0x01 || data[5] != 0x2A)
                    throw reader.Malformed("the VP8 start code is missing");
                return (ImageMediaTypes.WebP,
                    BinaryPrimitives.ReadUInt16LittleEndian(data[6..]) & 0x3FFF,
                    BinaryPrimitives.ReadUInt16LittleEndian(data[8..]) & 0x3FFF);
            case "VP8L":
                reader.ReadExactly(data[..5], "the VP8L header");
                if (data[0] != 0x2F)
                    throw reader.Malformed("the VP8L signature byte is missing");
                var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[1..]);
                return (ImageMediaTypes.WebP, (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
            case "VP8X":
                reader.ReadExactly(data, "the VP8X header");
                return (ImageMediaTypes.WebP, UInt24(data[4..]) + 1, UInt24(data[7..]) + 1);
            default:
                throw reader.Malformed($"unexpected first chunk '{fourcc.Trim()}' (expected VP8, VP8L or VP8X)");
        }
    }

    /// <summary>The CRC-32 PNG uses (ISO-HDLC, reflected 0xEDB88320); bitwise is fine for 17 bytes.</summary>
    private static uint PngCrc(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    private static long UInt24(ReadOnlySpan<byte> b) => b[0] | (b[1] << 8) | (b[2] << 16);
}
