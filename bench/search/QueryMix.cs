using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Text;

namespace HafizaIzmir.Bench.Search;

/// <summary>
/// A fixed mix of 200 queries drawn from the corpus the way visitors type: title and description words
/// (some ASCII-folded or in capitals), word pairs, quoted phrases, person and place names (some with a
/// Turkish case suffix after an apostrophe), years and decades.
/// </summary>
public static class QueryMix
{
    public const int Count = 200;

    public static List<string> Make(IReadOnlyList<Record> records, IEnumerable<Authority> authorities, Random random)
    {
        var persons = authorities.Where(a => a.Kind == AuthorityKind.Person).SelectMany(a => a.AllNames).ToArray();
        var places = authorities.Where(a => a.Kind == AuthorityKind.Place).SelectMany(a => a.AllNames).ToArray();
        var items = records.Where(r => r.Level == Level.Item).ToArray();
        string[] Words(string? text) => (text ?? "").Split([' ', ',', '.', ';', ':', '(', ')', '"', '\''], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 4).ToArray();
        string Pick(string[] pool) => pool[random.Next(pool.Length)];
        string[] TitleWords() { string[] w; do w = Words(items[random.Next(items.Length)].Title.Tr); while (w.Length < 2); return w; }
        string Typed(string text) => random.Next(4) switch { 0 => TurkishText.Fold(text), 1 => text.ToUpperInvariant(), _ => text };

        var queries = new List<string>();
        for (var i = 0; i < 40; i++) queries.Add(Typed(Pick(TitleWords())));
        for (var i = 0; i < 30; i++) { var w = TitleWords(); queries.Add(Typed($"{w[0]} {w[^1]}")); }
        for (var i = 0; i < 20; i++) { var w = TitleWords(); var at = random.Next(w.Length - 1); queries.Add($"\"{w[at]} {w[at + 1]}\""); }
        for (var i = 0; i < 20; i++)
        {
            string[] w; do w = Words(items[random.Next(items.Length)].Description?.Tr); while (w.Length == 0);
            queries.Add(Typed(Pick(w)));
        }
        for (var i = 0; i < 30; i++) queries.Add(Typed(Pick(persons)));
        string[] suffixes = ["'daki", "'de", "'dan", "'a", ""];
        for (var i = 0; i < 30; i++) queries.Add(Typed(Pick(places) + suffixes[random.Next(suffixes.Length)]));
        var years = items.Select(r => r.Date?.Earliest?.Year).OfType<int>().ToArray();
        for (var i = 0; i < 15; i++) queries.Add(years[random.Next(years.Length)].ToString(System.Globalization.CultureInfo.InvariantCulture));
        for (var i = 0; i < 10; i++) queries.Add($"{years[random.Next(years.Length)] / 10 * 10}'ler");
        for (var i = 0; i < 5; i++) queries.Add($"{Pick(TitleWords())} {years[random.Next(years.Length)]}");
        return [.. queries.Select(q => q.Replace('\t', ' ').Replace('\n', ' '))];
    }
}
