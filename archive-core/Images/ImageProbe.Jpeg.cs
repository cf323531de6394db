namespace HafizaIzmir.Archive.Images;

public static partial class ImageProbe
{
    /// <summary>
    /// Walks the marker segments after SOI until a start-of-frame (SOF0..SOF15, excluding DHT, JPG and DAC
    /// which share that code range) and reads its height and width. APPn (EXIF, ICC, XMP) and other segments
    /// are skipped by their length without being parsed.
    /// </summary>
    private static (string, long, long) ReadJpeg(HeaderReader reader)
    {
        reader.Format = "JPEG";
        reader.Skip(2, "the SOI marker");
        while (true)
        {
            var marker = NextMarker(reader);
            switch (marker)
            {
                case 0xD8:
                    throw reader.Malformed($"a second SOI marker at byte {reader.Offset - 2}");
                case 0xD9:
                    throw reader.Malformed("end of image (EOI) reached before any frame header (SOF)");
                case 0xDA:
                    throw reader.Malformed("scan data (SOS) starts before any frame header (SOF)");
                case 0x01 or (>= 0xD0 and <= 0xD7):
                    continue; // TEM and RSTn stand alone, without a length field.
            }

            var length = reader.ReadUInt16(bigEndian: true, $"the length of marker FF{marker:X2}");
            if (length < 2)
                throw reader.Malformed($"marker FF{marker:X2} at byte {reader.Offset - 4} has length {length}");

            if (IsStartOfFrame(marker))
            {
                if (length < 8)
                    throw reader.Malformed($"frame header SOF{marker - 0xC0} is only {length} bytes long");
                reader.ReadByte("the sample precision");
                var height = reader.ReadUInt16(bigEndian: true, "the frame height");
                var width = reader.ReadUInt16(bigEndian: true, "the frame width");
                if (height == 0)
                    throw reader.Malformed("frame height is 0 (deferred to a DNL marker, which is not supported)");
                return (ImageMediaTypes.Jpeg, width, height);
            }
            if (marker == 0xE1 && reader.Orientation == 1)
            {
                // APP1 may carry EXIF; its orientation decides which way up the image is shown.
                var segment = new byte[length - 2];
                reader.ReadExactly(segment, $"marker segment FF{marker:X2}");
                if (segment.AsSpan().StartsWith("Exif\0\0"u8)) reader.Orientation = ExifOrientation(segment.AsSpan(6));
                continue;
            }
            reader.Skip(length - 2, $"marker segment FF{marker:X2}");
        }
    }

    /// <summary>
    /// Tag 0x0112 of IFD0 in an EXIF block (a little TIFF structure). A damaged block is ignored (orientation
    /// 1) rather than refused, as decoders do: the pixels are still fine.
    /// </summary>
    private static int ExifOrientation(ReadOnlySpan<byte> tiff)
    {
        if (tiff.Length < 8 || !(tiff.StartsWith("II"u8) || tiff.StartsWith("MM"u8))) return 1;
        var bigEndian = tiff[0] == 'M';
        ushort U16(ReadOnlySpan<byte> b) => bigEndian ? System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(b) : System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(b);
        uint U32(ReadOnlySpan<byte> b) => bigEndian ? System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(b) : System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(b);
        if (U16(tiff[2..]) != 42) return 1;
        var ifd = U32(tiff[4..]);
        if (ifd > (uint)tiff.Length - 2) return 1;
        var count = U16(tiff[(int)ifd..]);
        for (var i = 0; i < count; i++)
        {
            var entry = (int)ifd + 2 + i * 12;
            if (entry + 12 > tiff.Length) return 1;
            if (U16(tiff[entry..]) != 0x0112) continue;
            var value = U16(tiff[(entry + 8)..]);
            return U16(tiff[(entry + 2)..]) == 3 && value is >= 1 and <= 8 ? value : 1;
        }
        return 1;
    }

    private static bool IsStartOfFrame(byte marker) =>
        marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;

    /// <summary>
    /// Returns the next marker code. Any number of 0xFF fill bytes may precede a marker; stray bytes between
    /// segments are tolerated the way libjpeg does (it warns and resynchronises), but only a limited number,
    /// so a non-JPEG tail cannot make us read the whole file.
    /// </summary>
    private static byte NextMarker(HeaderReader reader)
    {
        const int maxStrayBytes = 64 * 1024;
        var stray = 0;
        var b = reader.ReadByte("the next marker");
        while (b != 0xFF)
        {
            if (++stray > maxStrayBytes)
                throw reader.Malformed($"no marker found near byte {reader.Offset}");
            b = reader.ReadByte("the next marker");
        }
        do
        {
            b = reader.ReadByte("the next marker");
        } while (b == 0xFF);
        if (b == 0x00)
            throw reader.Malformed($"stuffed byte FF00 where a marker was expected at byte {reader.Offset - 2}");
        return b;
    }
}
