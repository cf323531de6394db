using HafizaIzmir.Archive.Text;

namespace HafizaIzmir.Indexer.Analysis;

/// <summary>
/// A light, noun-only Turkish stemmer: it peels case, 3rd-person possessive, plural and <c>-ki</c>
/// suffixes from the right, longest first, while what remains is a plausible stem, and undoes the
/// consonant softening a vowel-initial suffix causes (<c>mektubu→mektup</c>, <c>sokağı→sokak</c>).
/// Unlike the Snowball Turkish stemmer it never cuts a consonant-final bare stem: <c>liman</c> stays
/// <c>liman</c> and <c>limanlar</c>, <c>limanında</c>, <c>limanlarındaki</c> all meet it. A vowel-final stem
/// loses its vowel (<c>gemi</c>, <c>gemisi</c>, <c>gemiler</c> all become <c>gem</c>) — wrong as a word but the
/// same for every form, which is what matching needs. Every suffix is also known in its ASCII-folded
/// spelling, so the stemmer works on folded text (<c>kizlaragasi</c>) too.
/// </summary>
public static class TurkishLightStemmer
{
    public const int MinimumStem = 3;
    private const int MaxSuffixes = 5;

    private static readonly string[] Relative = Spellings("daki", "deki", "taki", "teki");
    private static readonly string[] Suffixes = Spellings(
        "lar", "ler",
        "da", "de", "ta", "te", "dan", "den", "tan", "ten", "nda", "nde", "ndan", "nden",
        "a", "e", "ya", "ye", "na", "ne", "ı", "i", "u", "ü", "yı", "yi", "yu", "yü", "nı", "ni", "nu", "nü",
        "ın", "in", "un", "ün", "nın", "nin", "nun", "nün", "la", "le", "yla", "yle",
        "sı", "si", "su", "sü");

    public static string Stem(string word)
    {
        if (word.Length <= MinimumStem) return word;
        var stem = word;
        // "-ki" only after a locative (limanda-ki); a word merely ending in "ki" keeps it.
        if (Relative.Any(s => stem.EndsWith(s, StringComparison.Ordinal)) && stem.Length - 2 > MinimumStem) stem = stem[..^2];
        var softened = false;
        for (var i = 0; i < MaxSuffixes && TryStrip(stem, Suffixes, out var rest, out var suffix); i++)
        {
            stem = rest;
            softened = IsVowel(suffix[0]);
        }
        return softened && stem.Length > MinimumStem ? Harden(stem) : stem;
    }

    private static bool TryStrip(string word, string[] suffixes, out string rest, out string suffix)
    {
        rest = word;
        suffix = "";
        // Longest first, so "ndan" is tried before "dan" and "an".
        foreach (var s in suffixes)
        {
            if (!word.EndsWith(s, StringComparison.Ordinal)) continue;
            var stem = word[..^s.Length];
            if (stem.Length < MinimumStem || !stem.Any(IsVowel) || !Fits(stem[^1], s[0])) continue;
            rest = stem;
            suffix = s;
            return true;
        }
        return false;
    }

    /// <summary>
    /// Turkish joins a vowel-initial suffix only to a consonant, and a buffer consonant (y, s, n) only to
    /// a vowel; the n of a case ending follows only the high vowel of a possessive (hanı-nda, not kordo-nda).
    /// </summary>
    private static bool Fits(char before, char first) => first switch
    {
        'n' => IsHighVowel(before),
        'y' or 's' => IsVowel(before),
        _ when IsVowel(first) => !IsVowel(before),
        _ => true,
    };

    private static string Harden(string stem) => stem[^1] switch
    {
        'b' => stem[..^1] + "p",
        'c' => stem[..^1] + "ç",
        'd' => stem[..^1] + "t",
        'ğ' or 'g' => stem[..^1] + "k",
        _ => stem,
    };

    private static bool IsVowel(char c) => "aeıioöuüâîû".Contains(c);

    private static bool IsHighVowel(char c) => "ıiuüîû".Contains(c);

    private static string[] Spellings(params string[] suffixes) =>
        suffixes.Concat(suffixes.Select(TurkishText.Fold)).Distinct().OrderByDescending(s => s.Length).ToArray();
}
