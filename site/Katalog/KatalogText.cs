using System.Globalization;
using System.Resources;

namespace HafizaIzmir.Site.Katalog;

/// <summary>
/// The cataloguing UI's language and its strings (<c>KatalogText.resx</c>, <c>KatalogText.en.resx</c>).
/// Turkish for everyone, whatever the browser asks for, until a cataloguer picks English with the switch in
/// the page header (a cookie). The language is set once per request, so the page frame, the forms and the
/// refusals thrown deep inside an action all speak the same one without passing it around.
/// </summary>
public sealed class KatalogText
{
    public static readonly KatalogText Turkish = new("tr");
    public static readonly KatalogText English = new("en");

    public const string CookieName = "hafiza-katalog-dil";

    private static readonly ResourceManager Resources = new("HafizaIzmir.Site.Katalog.KatalogText", typeof(KatalogText).Assembly);
    private static readonly AsyncLocal<KatalogText?> InUse = new();

    private KatalogText(string code)
    {
        Code = code;
        Culture = CultureInfo.GetCultureInfo(code);
    }

    public string Code { get; }
    public CultureInfo Culture { get; }
    public bool IsEnglish => Code == "en";

    /// <summary>The language of the request being answered; Turkish outside a request (the command line, tests).</summary>
    public static KatalogText Current
    {
        get => InUse.Value ?? Turkish;
        set => InUse.Value = value;
    }

    /// <summary>The language the request's cookie chose.</summary>
    public static KatalogText Of(HttpRequest request) =>
        request.Cookies.TryGetValue(CookieName, out var code) && code == English.Code ? English : Turkish;

    public static KatalogText For(string? code) => code == English.Code ? English : Turkish;

    /// <summary>The string <paramref name="key"/> in this language; a missing key shows itself rather than an empty label.</summary>
    public string this[string key] => Resources.GetString(key, Culture) ?? key;

    /// <summary>A sentence with values; numbers and dates in the values keep the formatting they had before the language switch existed.</summary>
    public string Format(string key, params object?[] values) => string.Format(CultureInfo.CurrentCulture, this[key], values);

    /// <summary>The string <paramref name="key"/> in the current request's language.</summary>
    public static string T(string key) => Current[key];

    /// <summary>The sentence <paramref name="key"/> with its values, in the current request's language.</summary>
    public static string T(string key, params object?[] values) => Current.Format(key, values);
}
