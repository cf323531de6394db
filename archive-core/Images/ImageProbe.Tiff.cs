namespace HafizaIzmir.Archive.Images;

public static partial class ImageProbe
{
    private const ushort TagImageWidth = 256;
    private const ushort TagImageLength = 257;
    private const ushort TagCompression = 259;
    private const ushort TagOrientation = 274;
    private const ushort TypeShort = 3;
    private const ushort TypeLong = 4;
    private const ushort TypeLong8 = 16;

    // Compression codes used for JPEG 2000 inside TIFF (Aperio 33003/33005, libtiff's JP2000 34712):
    // a TIFF wrapper around a codec we cannot decode.
    private static readonly HashSet<long> Jpeg2000Compressions = [33003, 33004, 33005, 34712];

    /// <summary>
    /// Classic TIFF or BigTIFF: follows the header's pointer to the first IFD and reads ImageWidth,
    /// ImageLength and Compression (SHORT, LONG or, in BigTIFF, LONG8), and Orientation. Only the first IFD
    /// matters: it is the full-resolution image in both plain and tiled pyramidal files, and the one the
    /// decoder opens by default.
    /// </summary>
    private static (string, long, long) ReadTiff(HeaderReader reader)
    {
        reader.Format = "TIFF";
        var bigEndian = reader.ReadByte("the byte order") == 'M';
        reader.ReadByte("the byte order");
        var version = reader.ReadUInt16(bigEndian, "the version");
        var big = version == 43;
        long ifdOffset;
        if (big)
        {
            reader.Format = "BigTIFF";
            var offsetSize = reader.ReadUInt16(bigEndian, "the offset size");
            var reserved = reader.ReadUInt16(bigEndian, "the header");
            if (offsetSize != 8 || reserved != 0)
                throw reader.Malformed($"offset size {offsetSize} (expected 8)");
            var offset = reader.ReadUInt64(bigEndian, "the first IFD offset");
            if (offset > long.MaxValue)
                throw reader.Malformed($"first IFD offset {offset} is out of range");
            ifdOffset = (long)offset;
        }
        else
        {
            ifdOffset = reader.ReadUInt32(bigEndian, "the first IFD offset");
        }
        if (ifdOffset < reader.Offset)
            throw reader.Malformed($"first IFD offset {ifdOffset} points into the header");
        reader.MoveTo(ifdOffset, "the first IFD");

        var count = big ? (long)reader.ReadUInt64(bigEndian, "the IFD entry count")
                        : reader.ReadUInt16(bigEndian, "the IFD entry count");
        if (count is <= 0 or > 4096)
            throw reader.Malformed($"the first IFD claims {count} entries");

        long width = -1, height = -1, compression = 1;
        for (var i = 0; i < count; i++)
        {
            var tag = reader.ReadUInt16(bigEndian, "an IFD entry");
            var type = reader.ReadUInt16(bigEndian, "an IFD entry");
            var values = big ? (long)reader.ReadUInt64(bigEndian, "an IFD entry")
                             : reader.ReadUInt32(bigEndian, "an IFD entry");
            var value = ReadInlineValue(reader, bigEndian, big, type);
            if (tag == TagOrientation)
            {
                // Read leniently, as decoders do: a strange value means "as stored".
                if (values == 1 && value is >= 1 and <= 8) reader.Orientation = (int)value.Value;
                break;
            }
            // Entries are sorted by tag, so once those we need are past, the rest can be left unread.
            if (tag > TagOrientation) break;
            if (tag is not (TagImageWidth or TagImageLength or TagCompression))
                continue;
            if (values != 1 || value is null)
                throw reader.Malformed($"tag {tag} has type {type} and {values} values (expected one SHORT or LONG)");
            switch (tag)
            {
                case TagImageWidth: width = value.Value; break;
                case TagImageLength: height = value.Value; break;
                case TagCompression: compression = value.Value; break;
            }
        }

        if (width < 0 || height < 0)
            throw reader.Malformed("the first IFD has no ImageWidth or ImageLength");
        if (Jpeg2000Compressions.Contains(compression))
            throw new UnsupportedImageException(
                "TIFF with JPEG 2000 compression is not supported: there is no JPEG 2000 decoder here; " +
                "convert it to a TIFF with JPEG, LZW, Deflate or no compression");
        return (ImageMediaTypes.Tiff, width, height);
    }

    /// <summary>
    /// Reads the entry's value field (4 bytes classic, 8 bytes BigTIFF), returning the number when the type is
    /// SHORT, LONG or LONG8 and null otherwise. Values are left-justified in the field.
    /// </summary>
    private static long? ReadInlineValue(HeaderReader reader, bool bigEndian, bool big, ushort type)
    {
        Span<byte> field = stackalloc byte[8];
        var size = big ? 8 : 4;
        reader.ReadExactly(field[..size], "an IFD entry value");
        return type switch
        {
            TypeShort => bigEndian ? (field[0] << 8) | field[1] : field[0] | (field[1] << 8),
            TypeLong => bigEndian
                ? System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(field)
                : System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(field),
            TypeLong8 when big => ReadLong8(field, bigEndian),
            _ => null,
        };
    }

    private static long? ReadLong8(ReadOnlySpan<byte> field, bool bigEndian)
    {
        var v = bigEndian
            ? System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(field)
            : System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(field);
        return v > long.MaxValue ? null : (long)v;
    }
}
