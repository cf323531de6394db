using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using HafizaIzmir.Archive.Domain;

namespace HafizaIzmir.Archive.Storage;

/// <summary>
/// The one JSON form of stored domain objects: camelCase, indented, nulls omitted, enums by their own
/// converter attributes, and a relaxed encoder so that Turkish letters (ş, ğ, ı, İ) stay readable in the files.
/// </summary>
public static class ArchiveJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            // the "kind" of an authority need not come first in a file edited by hand
            AllowOutOfOrderMetadataProperties = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitAuthorityKindProperty } },
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>
    /// An authority's kind is written once, as the type discriminator "kind"; the overriding
    /// <see cref="Authority.Kind"/> properties would otherwise be written a second time under the same name.
    /// </summary>
    private static void OmitAuthorityKindProperty(JsonTypeInfo info)
    {
        if (!typeof(Authority).IsAssignableFrom(info.Type) || info.Kind != JsonTypeInfoKind.Object) return;
        for (var i = info.Properties.Count - 1; i >= 0; i--)
            if (info.Properties[i].Name == "kind") info.Properties.RemoveAt(i);
    }

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static T Deserialize<T>(byte[] json, string what) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"{what} is empty");

    public static async Task<T> DeserializeAsync<T>(Stream json, string what, CancellationToken ct) =>
        await JsonSerializer.DeserializeAsync<T>(json, Options, ct) ?? throw new InvalidDataException($"{what} is empty");
}
