namespace HafizaIzmir.Archive.Ocr;

/// <summary>
/// Which Tesseract models read a record: chosen from the record's ISO 639 languages, limited to the models
/// installed here. Turkish always comes first when nothing else is known, since most of the archive is Turkish.
/// </summary>
public static class OcrLanguages
{
    /// <summary>At most this many models per page: every extra model slows recognition and adds confusions.</summary>
    public const int MaxModels = 3;

    public const string Default = "tur";

    /// <summary>
    /// ISO 639 code → Tesseract models, best first. Ottoman Turkish is Turkish in Arabic script: a dedicated
    /// model if one is installed, else the Arabic script model, else Arabic.
    /// </summary>
    private static readonly Dictionary<string, string[]> Models = new(StringComparer.OrdinalIgnoreCase)
    {
        ["tr"] = ["tur"],
        ["tur"] = ["tur"],
        ["ota"] = ["ota", "Arabic", "ara"],
        ["fr"] = ["fra"],
        ["fre"] = ["fra"],
        ["fra"] = ["fra"],
        ["en"] = ["eng"],
        ["eng"] = ["eng"],
        ["el"] = ["ell"],
        ["gre"] = ["ell"],
        ["ell"] = ["ell"],
        ["it"] = ["ita"],
        ["ita"] = ["ita"],
        ["de"] = ["deu"],
        ["ger"] = ["deu"],
        ["deu"] = ["deu"],
        ["hy"] = ["hye"],
        ["arm"] = ["hye"],
        ["hye"] = ["hye"],
        ["lad"] = ["spa"],
        ["ar"] = ["ara"],
        ["ara"] = ["ara"],
    };

    /// <summary>
    /// The models for a record's languages, installed ones only, in the record's order; <see cref="Default"/>
    /// when none apply. Empty when not even that is installed (then nothing can be recognised).
    /// </summary>
    public static IReadOnlyList<string> For(IEnumerable<string> languages, IReadOnlySet<string> installed)
    {
        var chosen = new List<string>();
        foreach (var language in languages)
        {
            if (!Models.TryGetValue(language.Trim(), out var candidates)) continue;
            var model = candidates.FirstOrDefault(installed.Contains);
            if (model is not null && !chosen.Contains(model)) chosen.Add(model);
            if (chosen.Count == MaxModels) break;
        }
        if (chosen.Count == 0 && installed.Contains(Default)) chosen.Add(Default);
        return chosen;
    }

    /// <summary>The models as Tesseract's <c>-l</c> argument and as part of a stored result's name: <c>tur+fra</c>.</summary>
    public static string Key(IReadOnlyList<string> models) => string.Join('+', models);
}
