using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HafizaIzmir.Archive.Storage;

/// <summary>One version block of an inventory. State maps lowercase digests to logical paths.</summary>
internal sealed record OcflInventoryVersion(DateTimeOffset Created, string? Message, string? UserName, string? UserAddress, Dictionary<string, List<string>> State)
{
    public Dictionary<string, string> PathToDigest() =>
        State.SelectMany(p => p.Value.Select(path => (path, p.Key))).ToDictionary(x => x.path, x => x.Key, StringComparer.Ordinal);
}

/// <summary>
/// An OCFL inventory (<c>inventory.json</c>): the manifest of stored content and every version's state.
/// Digests are kept in lowercase; parsing is lenient and reports what is wrong (see <see cref="OcflInventoryReader"/>).
/// </summary>
internal sealed class OcflInventory
{
    public const string Type10 = "https://ocfl.io/1.0/spec/#inventory";
    public const string Type11 = "https://ocfl.io/1.1/spec/#inventory";
    public const string DefaultContentDirectory = "content";

    public required string Id { get; init; }
    public string Type { get; init; } = Type11;
    public string DigestAlgorithm { get; init; } = "sha512";
    public int Head { get; set; }
    public string ContentDirectory { get; init; } = DefaultContentDirectory;
    public bool ContentDirectoryGiven { get; init; }
    /// <summary>Zero-padded width of version numbers ("v001" → 3), 0 when not padded.</summary>
    public int Padding { get; init; }
    public Dictionary<string, List<string>> Manifest { get; init; } = new(StringComparer.Ordinal);
    public SortedDictionary<int, OcflInventoryVersion> Versions { get; init; } = [];
    public JsonObject? Fixity { get; init; }

    public string SpecVersion => Type == Type10 ? "1.0" : "1.1";

    public string VersionName(int number) =>
        Padding == 0 ? $"v{number}" : "v" + number.ToString(CultureInfo.InvariantCulture).PadLeft(Padding, '0');

    public Dictionary<string, string> StateOf(int version) =>
        Versions.TryGetValue(version, out var v) ? v.PathToDigest() : new(StringComparer.Ordinal);

    /// <summary>Where the content with this digest is stored (relative to the object root), or null.</summary>
    public string? ContentPath(string digest) =>
        Manifest.TryGetValue(digest.ToLowerInvariant(), out var paths) && paths.Count > 0 ? paths[0] : null;

    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("id", Id);
            w.WriteString("type", Type);
            w.WriteString("digestAlgorithm", DigestAlgorithm);
            w.WriteString("head", VersionName(Head));
            if (ContentDirectoryGiven) w.WriteString("contentDirectory", ContentDirectory);
            w.WritePropertyName("manifest");
            WriteDigestMap(w, Manifest);
            w.WriteStartObject("versions");
            foreach (var (number, version) in Versions)
            {
                w.WriteStartObject(VersionName(number));
                w.WriteString("created", FormatCreated(version.Created));
                if (version.Message is not null) w.WriteString("message", version.Message);
                w.WritePropertyName("state");
                WriteDigestMap(w, version.State);
                if (version.UserName is not null)
                {
                    w.WriteStartObject("user");
                    w.WriteString("name", version.UserName);
                    if (version.UserAddress is not null) w.WriteString("address", version.UserAddress);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
            if (Fixity is not null)
            {
                w.WritePropertyName("fixity");
                Fixity.WriteTo(w);
            }
            w.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>RFC 3339 with the offset it was given in (never a bare local time).</summary>
    public static string FormatCreated(DateTimeOffset created) =>
        created.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture);

    /// <summary>The contents of an inventory sidecar: digest, space, file name.</summary>
    public static string Sidecar(byte[] inventory) => $"{OcflDigests.Sha512(inventory)} inventory.json\n";

    private static void WriteDigestMap(Utf8JsonWriter w, Dictionary<string, List<string>> map)
    {
        w.WriteStartObject();
        foreach (var (digest, paths) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.WriteStartArray(digest);
            foreach (var path in paths.Order(StringComparer.Ordinal)) w.WriteStringValue(path);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    public OcflInventory Clone() => new()
    {
        Id = Id,
        Type = Type,
        DigestAlgorithm = DigestAlgorithm,
        Head = Head,
        ContentDirectory = ContentDirectory,
        ContentDirectoryGiven = ContentDirectoryGiven,
        Padding = Padding,
        Manifest = Manifest.ToDictionary(p => p.Key, p => p.Value.ToList(), StringComparer.Ordinal),
        Versions = new SortedDictionary<int, OcflInventoryVersion>(Versions),
        Fixity = Fixity?.DeepClone().AsObject(),
    };
}
