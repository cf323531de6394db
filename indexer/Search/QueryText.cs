using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HafizaIzmir.Archive.Text;

namespace HafizaIzmir.Indexer.Search;

/// <summary>
/// What a visitor typed, taken apart without any syntax that could fail: quoted phrases, year ranges
/// (<c>1920-1925</c>), decades (<c>1920'ler</c>, <c>1920'lerde</c>, <c>1920s</c>), single years, and
/// plain words. Unbalanced quotes, brackets and operators are simply not syntax here.
/// </summary>
public sealed partial record QueryText(
    IReadOnlyList<string> Words,
    IReadOnlyList<string> Phrases,
    IReadOnlyList<int> Years,
    IReadOnlyList<int> Decades,
    IReadOnlyList<(int From, int To)> Ranges)
{
    public const int MinYear = 1000, MaxYear = 2100;

    public bool IsEmpty => Words.Count == 0 && Phrases.Count == 0 && Years.Count == 0 && Decades.Count == 0 && Ranges.Count == 0;

    public static QueryText Parse(string? text)
    {
        var phrases = new List<string>();
        var ranges = new List<(int, int)>();
        var decades = new List<int>();
        var rest = (text ?? "").Normalize(NormalizationForm.FormC);

        rest = PhrasePattern().Replace(rest, m =>
        {
            if (m.Groups[1].Value.Trim().Length > 0) phrases.Add(m.Groups[1].Value.Trim());
            return " ";
        });
        rest = RangePattern().Replace(rest, m =>
        {
            var (a, b) = (Year(m.Groups[1].Value), Year(m.Groups[2].Value));
            if (a is null || b is null) return m.Value;
            ranges.Add((Math.Min(a.Value, b.Value), Math.Max(a.Value, b.Value)));
            return " ";
        });
        rest = DecadePattern().Replace(rest, m =>
        {
            if (Year(m.Groups[1].Value) is not { } d) return m.Value;
            decades.Add(d);
            return " ";
        });

        var years = new List<int>();
        var words = new List<string>();
        foreach (Match m in WordPattern().Matches(rest))
        {
            var w = m.Value;
            if (Operators.Contains(w)) continue;
            if (w.Length == 4 && w.All(char.IsAsciiDigit) && Year(w) is { } y) years.Add(y);
            else words.Add(w);
        }
        var content = words.Where(w => !StopWords.Contains(TurkishText.ToLower(w))).ToList();
        // A query of nothing but stop words ("to be or not") still means something.
        if (content.Count == 0 && phrases.Count == 0 && years.Count == 0 && decades.Count == 0 && ranges.Count == 0) content = words;
        return new QueryText(content, phrases, years.Distinct().ToList(), decades.Distinct().ToList(), ranges);
    }

    private static int? Year(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= MinYear and <= MaxYear ? y : null;

    private static readonly HashSet<string> Operators = new(StringComparer.Ordinal) { "AND", "OR", "NOT", "VE", "VEYA", "DEĞİL" };

    /// <summary>Function words that would otherwise make every record a partial match.</summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "ve", "ile", "veya", "ya", "da", "de", "bir", "bu", "şu", "o", "için", "gibi", "ki", "mi", "ne", "en", "çok", "daha",
        "yıl", "yılı", "yılında", "yıllar", "yılları", "yıllarda", "yıllarında", "year", "years",
        "the", "of", "in", "and", "or", "a", "an", "to", "for", "on", "at", "by", "with", "from", "is", "was", "are", "about",
    };

    [GeneratedRegex("[\"“”„]([^\"“”„]*)[\"“”„]")]
    private static partial Regex PhrasePattern();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(\d{4})\s*(?:-|–|—|/|\.\.)\s*(\d{4})(?![\p{L}\p{N}])")]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(\d{3}0)(?:\s*['’`´]?\s*(?:ler|lar|li|lı)\p{L}*|s)(?![\p{L}\p{N}])", RegexOptions.IgnoreCase)]
    private static partial Regex DecadePattern();

    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*")]
    private static partial Regex WordPattern();
}
