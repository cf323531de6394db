using System.Globalization;
using System.Text;
using HafizaIzmir.Archive.Text;

namespace HafizaIzmir.Indexer.Analysis;

/// <summary>
/// A binary-sortable key that puts titles in Turkish alphabetical order (the order of
/// <see cref="TurkishText.Alphabetical"/>: Ç after C, Ğ after G, I before İ, Ö, Ş, Ü) when compared
/// byte by byte, which is how Lucene sorts doc values. Circumflexes and foreign accents sort with their
/// base letter; letters outside the Latin alphabet sort after Z by code point.
/// </summary>
public static class TurkishSortKey
{
    private const string Alphabet = "abcçdefgğhıijklmnoöpqrsştuüvwxyz";
    private const char Separator = ' ';
    private const char FirstDigit = '!';
    private const char FirstLetter = '0';

    public static string For(string text)
    {
        var lower = TurkishText.ToLower(text.Normalize(NormalizationForm.FormC));
        var key = new StringBuilder(lower.Length);
        var pendingSeparator = false;
        foreach (var c in lower)
        {
            char mapped;
            if (char.IsAsciiDigit(c)) mapped = (char)(FirstDigit + (c - '0'));
            else if (char.IsLetter(c)) mapped = Letter(c);
            // Odası'na reads as one word (Odasına), so an apostrophe neither separates nor sorts.
            else if (Indexer.Analysis.ApostropheSuffixFilter.IsApostrophe(c)) continue;
            else
            {
                pendingSeparator = key.Length > 0;
                continue;
            }
            if (pendingSeparator) key.Append(Separator);
            pendingSeparator = false;
            key.Append(mapped);
        }
        return key.ToString();
    }

    private static char Letter(char c)
    {
        var rank = Alphabet.IndexOf(c);
        if (rank < 0)
        {
            // â, î, û, é, à …: the base letter decides (Turkish letters are kept whole above).
            var base0 = c.ToString().Normalize(NormalizationForm.FormD)[0];
            rank = CharUnicodeInfo.GetUnicodeCategory(base0) == UnicodeCategory.LowercaseLetter ? Alphabet.IndexOf(base0) : -1;
        }
        return rank >= 0 ? (char)(FirstLetter + rank) : c < 0x80 ? (char)(FirstLetter + Alphabet.Length) : c;
    }
}
