using System.Buffers.Binary;

namespace HafizaIzmir.Archive.Images;

/// <summary>
/// Forward-only reader over the first bytes of an image. Works on non-seekable streams (skips by reading),
/// tracks its own offset for error messages and turns an early end into "truncated".
/// </summary>
internal sealed class HeaderReader(Stream stream, string format)
{
    private readonly byte[] _scratch = new byte[16];
    private byte[] _peeked = [];
    private int _peekedPos;

    public long Offset { get; private set; }

    public string Format { get; set; } = format;

    /// <summary>The orientation tag met on the way to the dimensions (EXIF in JPEG, tag 274 in TIFF); 1 when none.</summary>
    public int Orientation { get; set; } = 1;

    /// <summary>
    /// Looks at the first bytes without consuming them, so format detection and the format's own reader
    /// can both start at byte 0 of a non-seekable stream. Only valid before anything else is read.
    /// </summary>
    public ReadOnlySpan<byte> Peek(int count)
    {
        var buffer = new byte[count];
        var n = 0;
        while (n < count)
        {
            var read = stream.Read(buffer, n, count - n);
            if (read == 0) break;
            n += read;
        }
        _peeked = buffer[..n];
        _peekedPos = 0;
        return _peeked;
    }

    /// <summary>Reads up to <paramref name="buffer"/>.Length bytes; fewer only at the end of the stream.</summary>
    public int ReadAtMost(Span<byte> buffer)
    {
        var total = Math.Min(buffer.Length, _peeked.Length - _peekedPos);
        _peeked.AsSpan(_peekedPos, total).CopyTo(buffer);
        _peekedPos += total;
        while (total < buffer.Length)
        {
            var n = stream.Read(buffer[total..]);
            if (n == 0) break;
            total += n;
        }
        Offset += total;
        return total;
    }

    public void ReadExactly(Span<byte> buffer, string what)
    {
        if (ReadAtMost(buffer) < buffer.Length)
            throw Truncated(what);
    }

    public byte ReadByte(string what)
    {
        ReadExactly(_scratch.AsSpan(0, 1), what);
        return _scratch[0];
    }

    public ushort ReadUInt16(bool bigEndian, string what)
    {
        var span = _scratch.AsSpan(0, 2);
        ReadExactly(span, what);
        return bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(span) : BinaryPrimitives.ReadUInt16LittleEndian(span);
    }

    public uint ReadUInt32(bool bigEndian, string what)
    {
        var span = _scratch.AsSpan(0, 4);
        ReadExactly(span, what);
        return bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(span) : BinaryPrimitives.ReadUInt32LittleEndian(span);
    }

    public ulong ReadUInt64(bool bigEndian, string what)
    {
        var span = _scratch.AsSpan(0, 8);
        ReadExactly(span, what);
        return bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(span) : BinaryPrimitives.ReadUInt64LittleEndian(span);
    }

    public void Skip(long count, string what)
    {
        if (count <= 0) return;
        var fromPeeked = Math.Min(count, _peeked.Length - _peekedPos);
        _peekedPos += (int)fromPeeked;
        Offset += fromPeeked;
        count -= fromPeeked;
        if (count == 0) return;
        if (stream.CanSeek)
        {
            // Seeking past the end succeeds silently, so check against the length to report truncation.
            if (stream.Length - stream.Position < count)
                throw Truncated(what);
            stream.Seek(count, SeekOrigin.Current);
            Offset += count;
            return;
        }
        Span<byte> sink = stackalloc byte[4096];
        while (count > 0)
        {
            var chunk = (int)Math.Min(count, sink.Length);
            ReadExactly(sink[..chunk], what);
            count -= chunk;
        }
    }

    /// <summary>Moves to an absolute offset (relative to where probing started); backwards needs seeking.</summary>
    public void MoveTo(long target, string what)
    {
        if (target >= Offset)
        {
            Skip(target - Offset, what);
            return;
        }
        if (!stream.CanSeek)
            throw Malformed($"{what} lies before byte {Offset} and the stream cannot seek back");
        // Unread peeked bytes are still ahead of the stream's position; drop them before seeking.
        var streamOffset = Offset + (_peeked.Length - _peekedPos);
        _peekedPos = _peeked.Length;
        stream.Seek(target - streamOffset, SeekOrigin.Current);
        Offset = target;
    }

    public UnsupportedImageException Truncated(string what) =>
        new($"truncated {Format} header: the data ends at byte {Offset} while reading {what}");

    public UnsupportedImageException Malformed(string reason) =>
        new($"malformed {Format} header: {reason}");
}
