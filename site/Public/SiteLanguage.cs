using System.Globalization;
using System.Resources;

namespace HafizaIzmir.Site.Public;

/// <summary>
/// The language of a public page, decided by its address alone (English under <c>/en/</c>), so every page
/// has one stable URL per language that search engines and citations can rely on.
/// </summary>
public sealed class SiteLanguage
{
    public static readonly SiteLanguage Turkish = new("tr");
    public static readonly SiteLanguage English = new("en");

    private static readonly ResourceManager Resources = new("HafizaIzmir.Site.Public.Strings", typeof(SiteLanguage).Assembly);

    // Turkish path prefix ↔ English path prefix; Turkish addresses come first because they are the archive's own.
    private static readonly (string Tr, string En)[] Paths =
    [
        ("/ara", "/en/search"),
        ("/kayit/", "/en/record/"),
        ("/kisi/", "/en/person/"),
        ("/kurum/", "/en/institution/"),
        ("/mekan/", "/en/place/"),
        ("/eksen/", "/en/axis/"),
        ("/sokaklar", "/en/streets"),
        ("/fonlar", "/en/fonds"),
        ("/onyillar", "/en/decades"),
        ("/hakkinda", "/en/about"),
        ("/hikaye", "/en/stories"),
    ];

    private SiteLanguage(string code)
    {
        Code = code;
        Culture = CultureInfo.GetCultureInfo(code);
    }

    public string Code { get; }
    public CultureInfo Culture { get; }
    public bool IsEnglish => Code == "en";

    public static SiteLanguage Of(HttpRequest request) =>
        request.Path.StartsWithSegments("/en") ? English : Turkish;

    /// <summary>The UI string <paramref name="key"/> in this language; a missing key shows itself rather than an empty label.</summary>
    public string this[string key] => Resources.GetString(key, Culture) ?? key;

    /// <summary>A Turkish site path (<c>/ara</c>, <c>/kayit/X</c>) as this language spells it.</summary>
    public string Path(string turkishPath) => IsEnglish ? ToEnglish(turkishPath) : turkishPath;

    public static string ToEnglish(string turkishPath)
    {
        if (turkishPath == "/") return "/en";
        foreach (var (tr, en) in Paths)
            if (turkishPath.StartsWith(tr, StringComparison.Ordinal)) return en + turkishPath[tr.Length..];
        return "/en" + turkishPath;
    }

    public static string ToTurkish(string englishPath)
    {
        if (englishPath is "/en" or "/en/") return "/";
        foreach (var (tr, en) in Paths)
            if (englishPath.StartsWith(en, StringComparison.Ordinal)) return tr + englishPath[en.Length..];
        return englishPath.StartsWith("/en/", StringComparison.Ordinal) ? englishPath[3..] : englishPath;
    }
}
