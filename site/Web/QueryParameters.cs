using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Primitives;

namespace HafizaIzmir.Site.Web;

/// <summary>
/// Reads an API's query-string parameters, remembering the first bad one so the endpoint answers 400 with
/// the parameter's name and the reason instead of failing later. Each parameter may be given once.
/// </summary>
public sealed partial class QueryParameters(IQueryCollection query)
{
    public (string Name, string Reason)? Error { get; private set; }

    public string? Text(string name, int maxLength)
    {
        var value = Single(name);
        if (value is not null && value.Length > maxLength) Fail(name, $"is longer than {maxLength} characters");
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    /// <summary>An identifier as the archive writes them: letters, digits, '.', '_' and '-'.</summary>
    public string? Id(string name)
    {
        var value = Single(name)?.Trim();
        if (string.IsNullOrEmpty(value)) return null;
        if (!IdPattern().IsMatch(value)) Fail(name, "is not an identifier (1–100 letters, digits, '.', '_' or '-')");
        return value;
    }

    public int? Number(string name, int min, int max)
    {
        var value = Single(name)?.Trim();
        if (string.IsNullOrEmpty(value)) return null;
        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            Fail(name, $"must be a whole number from {min} to {max}, not '{Shorten(value)}'");
            return null;
        }
        return number;
    }

    /// <summary>One of <paramref name="choices"/> (matched exactly, or after Turkish folding so <c>yaraticilik</c> works too).</summary>
    public T? Choice<T>(string name, IReadOnlyDictionary<string, T> choices) where T : struct
    {
        var value = Single(name)?.Trim();
        if (string.IsNullOrEmpty(value)) return null;
        if (choices.TryGetValue(value, out var exact)) return exact;
        var folded = Archive.Text.TurkishText.Fold(value);
        foreach (var (key, choice) in choices)
            if (Archive.Text.TurkishText.Fold(key) == folded) return choice;
        Fail(name, $"must be one of {string.Join(", ", choices.Keys)}, not '{Shorten(value)}'");
        return null;
    }

    public void Fail(string name, string reason) => Error ??= (name, reason);

    /// <summary>The 400 answer for <see cref="Error"/>: problem+json naming the parameter.</summary>
    public IResult Problem() => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Geçersiz parametre",
        detail: $"Parameter '{Error!.Value.Name}' {Error.Value.Reason}.",
        extensions: new Dictionary<string, object?> { ["parameter"] = Error.Value.Name });

    private string? Single(string name)
    {
        if (!query.TryGetValue(name, out StringValues values) || values.Count == 0) return null;
        if (values.Count > 1)
        {
            Fail(name, "is given more than once");
            return null;
        }
        return values[0];
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex IdPattern();
}
