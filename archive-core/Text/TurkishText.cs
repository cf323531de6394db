using System.Globalization;
using System.Text;

namespace HafizaIzmir.Archive.Text;

/// <summary>
/// The one place for Turkish-aware casing and folding. Name matching, slugs and the search analysis all
/// go through here, so that <c>ŞERİF REMZİ</c>, <c>Serif Remzi</c> and <c>şerif remzi</c> meet.
/// </summary>
public static class TurkishText
{
    private static readonly CultureInfo Turkish = CultureInfo.GetCultureInfo("tr-TR");

    /// <summary>
    /// Lower-cases by Turkish rules (<c>I→ı</c>, <c>İ→i</c>) except for a word written all in ASCII capitals
    /// with no Turkish letter at all (<c>IZMIR</c>), which is how people type on keyboards without
    /// Turkish keys: there <c>I</c> means <c>i</c>.
    /// </summary>
    public static string ToLower(string text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                sb.Append(text[i] == 'İ' ? 'i' : char.ToLower(text[i], Turkish));
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && (char.IsLetter(text[i]) || text[i] == '\u0307')) i++;
            var word = text.AsSpan(start, i - start);
            sb.Append(IsAsciiShouting(word) ? word.ToString().ToLowerInvariant() : word.ToString().ToLower(Turkish));
        }
        // "İ" lower-cased in some runtimes leaves a combining dot (i̇); Turkish never wants it.
        return sb.Replace("i\u0307", "i").ToString();
    }

    private static bool IsAsciiShouting(ReadOnlySpan<char> word)
    {
        if (word.Length < 2) return false;
        foreach (var c in word)
            if (c is < 'A' or > 'Z') return false;
        return word.Contains('I');
    }

    /// <summary>
    /// The matching key: Turkish lower case, then every diacritic and circumflex folded to ASCII
    /// (<c>ş→s</c>, <c>ı→i</c>, <c>ğ→g</c>, <c>â→a</c> …), apostrophes dropped, runs of space and
    /// punctuation collapsed to one space.
    /// </summary>
    public static string Fold(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var lower = ToLower(text.Normalize(NormalizationForm.FormC));
        var sb = new StringBuilder(lower.Length);
        var pendingSpace = false;
        foreach (var c in lower.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (c is '\'' or '’' or '‘' or 'ʼ') continue;
            var folded = c switch { 'ı' => 'i', 'ß' => 's', 'æ' => 'a', 'ø' => 'o', 'đ' => 'd', 'ł' => 'l', _ => c };
            if (char.IsLetterOrDigit(folded))
            {
                if (pendingSpace && sb.Length > 0) sb.Append(' ');
                pendingSpace = false;
                sb.Append(folded);
            }
            else
            {
                pendingSpace = true;
            }
        }
        return sb.ToString();
    }

    /// <summary>A URL-friendly slug in ASCII: <c>Kızlarağası Hanı</c> → <c>kizlaragasi-hani</c>.</summary>
    public static string Slug(string text) => Fold(text).Replace(' ', '-');

    /// <summary>Compares by the Turkish alphabet (Ç after C, Ğ after G, I before İ, Ö, Ş, Ü).</summary>
    public static readonly StringComparer Alphabetical = StringComparer.Create(Turkish, CompareOptions.None);
}
