using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using HafizaIzmir.Oai.Source;

namespace HafizaIzmir.Oai.Protocol;

/// <summary>
/// The whole state of an incomplete list, carried by the harvester: nothing is kept on the server.
/// The position is the last (datestamp, identifier) delivered, so a record that changes during a harvest
/// moves behind the position and is delivered again later instead of shifting other records out of view.
/// </summary>
public sealed record ResumptionToken(
    string Verb,
    string MetadataPrefix,
    string? Set,
    DateTimeOffset? From,
    DateTimeOffset? Until,
    OaiPosition After,
    int Cursor,
    int CompleteListSize)
{
    public OaiQuery Query => new(From, Until, Set);
}

/// <summary>
/// Writes and reads resumption tokens: compact JSON in base64url followed by an HMAC-SHA256 tag, so a
/// token is opaque to harvesters and any change to it is detected.
/// </summary>
public sealed class ResumptionTokenCodec
{
    private const int TagBytes = 16;
    private readonly byte[] _key;

    public ResumptionTokenCodec(string? key)
    {
        _key = string.IsNullOrEmpty(key) ? RandomNumberGenerator.GetBytes(32) : SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }

    public string Encode(ResumptionToken token)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(Wire.From(token), WireContext.Default.Wire);
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(Tag(payload));
    }

    public bool TryDecode(string text, out ResumptionToken? token, out string? problem)
    {
        token = null;
        var dot = text.IndexOf('.');
        byte[] payload, tag;
        try
        {
            if (dot <= 0) throw new FormatException();
            payload = Base64Url.DecodeFromChars(text.AsSpan(0, dot));
            tag = Base64Url.DecodeFromChars(text.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            problem = "the resumption token is not one this repository issued";
            return false;
        }
        if (!CryptographicOperations.FixedTimeEquals(tag, Tag(payload)))
        {
            problem = "the resumption token has been altered or was issued by another repository";
            return false;
        }
        try
        {
            var wire = JsonSerializer.Deserialize(payload, WireContext.Default.Wire);
            token = wire?.To();
        }
        catch (JsonException)
        {
            token = null;
        }
        problem = token is null ? "the resumption token is not readable" : null;
        return token is not null;
    }

    private byte[] Tag(byte[] payload) => HMACSHA256.HashData(_key, payload)[..TagBytes];

    internal sealed record Wire(string V, string P, string? S, long? F, long? U, long D, string I, int C, int N)
    {
        public static Wire From(ResumptionToken t) => new(t.Verb, t.MetadataPrefix, t.Set, t.From?.ToUnixTimeSeconds(),
            t.Until?.ToUnixTimeSeconds(), t.After.Datestamp.ToUnixTimeSeconds(), t.After.Identifier, t.Cursor, t.CompleteListSize);

        public ResumptionToken To() => new(V, P, S, F is null ? null : DateTimeOffset.FromUnixTimeSeconds(F.Value),
            U is null ? null : DateTimeOffset.FromUnixTimeSeconds(U.Value),
            new OaiPosition(DateTimeOffset.FromUnixTimeSeconds(D), I), C, N);
    }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ResumptionTokenCodec.Wire))]
internal sealed partial class WireContext : JsonSerializerContext;
