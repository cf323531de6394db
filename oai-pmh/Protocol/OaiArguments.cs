namespace HafizaIzmir.Oai.Protocol;

/// <summary>
/// Reads OAI-PMH arguments from a URL query string or an <c>application/x-www-form-urlencoded</c> body
/// (the protocol allows both, with the same meaning). Repeated names keep every value, so the endpoint
/// can answer them with badArgument.
/// </summary>
public static class OaiArguments
{
    public static IReadOnlyDictionary<string, string[]> Parse(string? encoded)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var text = encoded ?? "";
        if (text.StartsWith('?')) text = text[1..];
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var name = Decode(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Decode(pair[(eq + 1)..]);
            if (!result.TryGetValue(name, out var values)) result[name] = values = [];
            values.Add(value);
        }
        return result.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    private static string Decode(string part) => Uri.UnescapeDataString(part.Replace('+', ' '));
}
