using System.Security.Cryptography;
using System.Text;

namespace HafizaIzmir.Archive.Storage;

/// <summary>
/// The storage root's layout, OCFL community extension 0003-hash-and-id-n-tuple-storage-layout with
/// sha256, tupleSize 3 and numberOfTuples 3: <c>record:SRR-0001</c> lives at
/// <c>{h[0..3]}/{h[3..6]}/{h[6..9]}/record%3aSRR-0001</c> where h is the id's SHA-256 in lowercase hex.
/// </summary>
public static class OcflLayout
{
    public const string ExtensionName = "0003-hash-and-id-n-tuple-storage-layout";
    public const int TupleSize = 3;
    public const int NumberOfTuples = 3;
    private const int MaxEncapsulationLength = 100;

    public static string ObjectRoot(string objectId)
    {
        ArgumentException.ThrowIfNullOrEmpty(objectId);
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(objectId)));
        var builder = new StringBuilder();
        for (var i = 0; i < NumberOfTuples; i++) builder.Append(digest, i * TupleSize, TupleSize).Append('/');
        var encoded = Encode(objectId);
        builder.Append(encoded.Length > MaxEncapsulationLength ? $"{encoded[..MaxEncapsulationLength]}-{digest}" : encoded);
        return builder.ToString();
    }

    /// <summary>
    /// The object id from the last segment of an object root, or null when the extension truncated it
    /// (longer than 100 encoded characters): then only the inventory knows the id.
    /// </summary>
    public static string? DecodeObjectId(string encapsulationDirectory)
    {
        if (encapsulationDirectory.Length > MaxEncapsulationLength) return null;
        var bytes = new List<byte>(encapsulationDirectory.Length);
        for (var i = 0; i < encapsulationDirectory.Length; i++)
        {
            var c = encapsulationDirectory[i];
            if (c == '%')
            {
                if (i + 2 >= encapsulationDirectory.Length || !byte.TryParse(encapsulationDirectory.AsSpan(i + 1, 2), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var b))
                    return null;
                bytes.Add(b);
                i += 2;
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            {
                bytes.Add((byte)c);
            }
            else
            {
                return null;
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static string Encode(string objectId)
    {
        var builder = new StringBuilder(objectId.Length);
        foreach (var b in Encoding.UTF8.GetBytes(objectId))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) builder.Append(c);
            else builder.Append('%').Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    /// <summary>The <c>ocfl_layout.json</c> of the storage root.</summary>
    public const string LayoutJson = """
        {
          "extension": "0003-hash-and-id-n-tuple-storage-layout",
          "description": "OCFL object identifiers are hashed with SHA-256 into three 3-character directories, followed by the percent-encoded identifier"
        }

        """;

    /// <summary>The extension's <c>config.json</c>.</summary>
    public const string ConfigJson = """
        {
          "extensionName": "0003-hash-and-id-n-tuple-storage-layout",
          "digestAlgorithm": "sha256",
          "tupleSize": 3,
          "numberOfTuples": 3
        }

        """;
}
