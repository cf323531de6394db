using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace HafizaIzmir.Tests.Reliability;

/// <summary>
/// Generators of malformed and adversarial input, deterministic from a seed so a failure can be replayed.
/// The payloads carry the canary <see cref="Canary"/>: if it ever appears unescaped in a page, or as a file
/// name outside the data directory, an attack got through.
/// </summary>
public static class HostileInput
{
    public const string Canary = "hafizaXss";

    /// <summary>Markup that would run if a page let it through unescaped.</summary>
    public static readonly string[] Markup =
    [
        $"<script>{Canary}()</script>",
        $"\"><svg onload={Canary}()>",
        $"'><img src=x onerror={Canary}()>",
        $"javascript:{Canary}()",
        $"</title><script>{Canary}()</script>",
        $"<iframe src=\"javascript:{Canary}()\">",
        $"{{{{constructor.constructor('{Canary}()')()}}}}",
        $"<a href=\"javascript:{Canary}()\">x</a>",
    ];

    /// <summary>What would show that markup went out unescaped into HTML.</summary>
    public static readonly string[] Executable =
    [
        $"<script>{Canary}", $"<svg onload={Canary}", $"<img src=x onerror={Canary}", $"<iframe src=\"javascript:{Canary}",
        $"href=\"javascript:{Canary}", $"src=\"javascript:{Canary}",
    ];

    public static string TraversalTarget(string root) => Path.Combine(Path.GetTempPath(), $"{Canary}-{Path.GetFileName(root)}");

    /// <summary>Path traversal in every spelling a router, a decoder or a file API might let through.</summary>
    public static string[] Traversal(string root)
    {
        var target = Path.GetFileName(TraversalTarget(root));
        return
        [
            "../../../../../../etc/passwd", "..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "....//....//etc/passwd",
            "..\\..\\..\\windows\\win.ini", "/etc/passwd", "~/.ssh/id_rsa", "SRR-0001/../../../../etc/passwd", "SRR-0001%00.json",
            "..", ".", "%2e%2e", "../../../../../../tmp/" + target, "file:///etc/passwd", "\\\\server\\share", "C:\\Windows\\win.ini",
            "SRR-0001~1/../../../../../etc/passwd", "..~1", "ocfl/../../tmp/" + target, "record:SRR-0001", "a\u0000b", "\u202e1000-RRS",
        ];
    }

    public static readonly string[] Odd =
    [
        "", " ", "\t", "\u0000", "\uFFFF", "\uD800", "𝕳𝖆𝖋𝖎𝖟𝖆", "İıŞşĞğ", new string('a', 5000), new string('ş', 2000), "-1", "0",
        "2147483648", "-2147483649", "9999999999999999999999", "1e309", "NaN", "null", "[]", "{}", "%", "%%", "%zz", "+", "&", "=",
        "'", "\"", "\\", "*", "?", "~", "^", "(", ")", "[", "]", "{", "}", ":", "/", "|", "!", "AND", "OR NOT", "\"unclosed",
        "title:[a TO z]", "/regex.*/", "a~0.5", "*:*", "a^1000", "((((((((((a))))))))))", "a AND (b OR", "\r\n", "😀",
    ];

    public static IEnumerable<string> All(string root) => Markup.Concat(Traversal(root)).Concat(Odd);

    public static string Pick(Random random, string root)
    {
        var all = All(root).ToArray();
        return all[random.Next(all.Length)];
    }

    /// <summary>A random printable-or-not string, sometimes long.</summary>
    public static string Noise(Random random)
    {
        var length = random.Next(10) == 0 ? random.Next(1000, 4000) : random.Next(0, 40);
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = (char)(random.Next(4) == 0 ? random.Next(0, 0xD7FF) : random.Next(0x20, 0x7F));
        return new string(chars);
    }

    /// <summary>Files that claim to be images: truncated, mislabelled, huge, compressed bombs and polyglots.</summary>
    public static IEnumerable<(string Name, byte[] Bytes)> HostileImages(byte[] goodJpeg)
    {
        yield return ("empty.jpg", []);
        yield return ("truncated.jpg", goodJpeg[..Math.Min(200, goodJpeg.Length)]);
        yield return ("half.jpg", goodJpeg[..(goodJpeg.Length / 2)]);
        yield return ("jpeg-named.png", goodJpeg);
        yield return ("text.jpg", Encoding.UTF8.GetBytes("not an image at all"));
        yield return ("huge-dimensions.png", PngHeader(1_000_000, 1_000_000));
        yield return ("zero-dimensions.png", PngHeader(0, 0));
        yield return ("negative-dimensions.png", PngHeader(-5, -5));
        yield return ("bomb.png", PngBomb(60_000, 60_000));
        yield return ("gif-script-polyglot.gif", Encoding.ASCII.GetBytes($"GIF89a/*\x01\x00\x01\x00\x00\x00\x00*/={Canary}();"));
        yield return ("png-html-polyglot.png", [.. PngHeader(10, 10), .. Encoding.ASCII.GetBytes($"<html><script>{Canary}()</script>")]);
        yield return ("html.jpg", Encoding.ASCII.GetBytes($"<!doctype html><script>{Canary}()</script>"));
        yield return ("svg.svg", Encoding.ASCII.GetBytes($"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"{Canary}()\"/>"));
        yield return ("tiff-huge.tif", TiffHeader(200_000, 200_000));
        yield return ("jpeg-huge.jpg", JpegHeader(65_000, 65_000));
    }

    /// <summary>The signature and IHDR of a PNG claiming the given size, without its pixels.</summary>
    public static byte[] PngHeader(int width, int height)
    {
        var bytes = new byte[33];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' }.CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        bytes[24] = 8; // bit depth
        bytes[25] = 0; // greyscale
        return bytes;
    }

    /// <summary>A PNG whose few kilobytes of zlib data inflate to gigabytes of pixels.</summary>
    public static byte[] PngBomb(int width, int height)
    {
        var header = PngHeader(width, height);
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[width + 1];
            for (var y = 0; y < 2000; y++) zlib.Write(row);
        }
        var data = compressed.ToArray();
        var idat = new byte[8 + data.Length + 4];
        BinaryPrimitives.WriteInt32BigEndian(idat, data.Length);
        "IDAT"u8.CopyTo(idat.AsSpan(4));
        data.CopyTo(idat, 8);
        return [.. header, .. idat, 0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82];
    }

    private static byte[] TiffHeader(int width, int height)
    {
        var bytes = new byte[8 + 2 + 2 * 12 + 4];
        "II"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), 2);
        WriteEntry(bytes.AsSpan(10), 256, width);
        WriteEntry(bytes.AsSpan(22), 257, height);
        return bytes;

        static void WriteEntry(Span<byte> entry, ushort tag, int value)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(entry, tag);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[2..], 4);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], 1);
            BinaryPrimitives.WriteInt32LittleEndian(entry[8..], value);
        }
    }

    private static byte[] JpegHeader(int width, int height)
    {
        var bytes = new byte[] { 0xFF, 0xD8, 0xFF, 0xC0, 0, 11, 8, 0, 0, 0, 0, 1, 1, 0x11, 0, 0xFF, 0xD9 };
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(7), (ushort)height);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(9), (ushort)width);
        return bytes;
    }
}
