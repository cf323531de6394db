using System.Globalization;

namespace HafizaIzmir.Archive.Domain;

/// <summary>Reads an EDTF date aloud in Turkish or English, the way a catalogue shows it.</summary>
internal static class EdtfReading
{
    private static readonly CultureInfo Turkish = CultureInfo.GetCultureInfo("tr-TR");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Describe(EdtfDate date, string language)
    {
        var en = language == "en";
        if (!date.IsInterval) return Part(date.Start!, en);
        var start = date.Start is null ? null : Part(date.Start, en);
        var end = date.End is null ? null : Part(date.End, en);
        return (start, end) switch
        {
            (null, not null) => en ? $"until {end}" : $"{end} yılına kadar",
            (not null, null) => en ? $"from {start}" : $"{start} yılından itibaren",
            _ => $"{start} – {end}",
        };
    }

    private static string Part(EdtfPart part, bool en)
    {
        var core = part.Precision switch
        {
            EdtfPrecision.Century => en ? $"the {part.Year / 100 + 1}{Ordinal(part.Year / 100 + 1)} century" : $"{part.Year / 100 + 1}. yüzyıl",
            EdtfPrecision.Decade => en ? $"the {part.Year}s" : $"{part.Year}'{DecadeSuffix(part.Year)}",
            EdtfPrecision.Year => part.Year.ToString(CultureInfo.InvariantCulture),
            EdtfPrecision.Season => $"{Season(part.Month!.Value, en)} {part.Year}",
            EdtfPrecision.Month => new DateTime(part.Year, part.Month!.Value, 1).ToString("MMMM yyyy", en ? English : Turkish),
            _ => new DateTime(part.Year, part.Month!.Value, part.Day!.Value).ToString("d MMMM yyyy", en ? English : Turkish),
        };
        if (part.Approximate && part.Uncertain) return en ? $"circa {core} (uncertain)" : $"yaklaşık {core} (belirsiz)";
        if (part.Approximate) return en ? $"circa {core}" : $"yaklaşık {core}";
        if (part.Uncertain) return en ? $"{core} (uncertain)" : $"{core} (belirsiz)";
        return core;
    }

    /// <summary>Turkish plural suffix after a decade by vowel harmony of its spoken last word (1920'ler, 1930'lar).</summary>
    internal static string DecadeSuffix(int year)
    {
        var tens = year % 100 / 10;
        if (tens == 0) return "ler"; // "…yüz" and "…bin" both take -ler
        // on, yirmi, otuz, kırk, elli, altmış, yetmiş, seksen, doksan
        return tens switch { 1 or 3 or 4 or 6 or 9 => "lar", _ => "ler" };
    }

    private static string Ordinal(int n) => (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };

    private static string Season(int code, bool en) => code switch
    {
        21 => en ? "spring" : "ilkbahar",
        22 => en ? "summer" : "yaz",
        23 => en ? "autumn" : "sonbahar",
        _ => en ? "winter" : "kış",
    };
}
