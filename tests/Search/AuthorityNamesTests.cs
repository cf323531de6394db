using HafizaIzmir.Archive.Derived;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Archive.Text;
using HafizaIzmir.Indexer.Hosting;

namespace HafizaIzmir.Tests.Search;

/// <summary>The autocomplete against a plain reading of its rule over a random set of authorities.</summary>
public sealed class AuthorityNamesTests
{
    private static readonly string[] Given = ["Şerif", "Remzi", "İsmail", "Işık", "Çağlar", "Ömer", "Güzin", "Ayşe", "Hacı", "Mehmet", "Ahmet", "Ülkü"];
    private static readonly string[] Family = ["Reyent", "Kâtipzade", "Giraud", "Whittall", "Alyotti", "Şükrüoğlu", "Ispartalı", "Mehmetoğlu"];
    private static readonly string[] Places = ["Kordon", "Punta", "Alsancak", "Kemeraltı", "Kızlarağası Hanı", "Frenk Sokağı", "Basmane", "Karşıyaka"];

    private static long _position;

    private static Task Apply(AuthorityNames names, Authority a) => names.ApplyAsync(
        new ArchiveChange(new JournalEntry((++_position).ToString("D19"), ArchiveChange.AuthorityPrefix + a.Id, 1, DateTimeOffset.UtcNow), Authority: a),
        TestContext.Current.CancellationToken);

    /// <summary>The rule as documented, read literally: whole-name prefix first, preferred before variant, then alphabetical, then id.</summary>
    private static List<(string Id, string? Matched)> Expected(IEnumerable<Authority> all, string query, AuthorityKind? kind, int limit)
    {
        var folded = TurkishText.Fold(query);
        var words = folded.Split(' ');
        int Rank(string name)
        {
            var f = TurkishText.Fold(name);
            if (f.StartsWith(folded, StringComparison.Ordinal)) return 0;
            return words.All(w => f.Split(' ').Any(n => n.StartsWith(w, StringComparison.Ordinal))) ? 1 : -1;
        }
        return [.. all.Where(a => kind is null || a.Kind == kind)
            .Select(a => (Authority: a, Best: a.AllNames.Distinct(StringComparer.Ordinal).Select((n, i) => (Name: n, Score: Rank(n) < 0 ? -1 : Rank(n) * 2 + (i == 0 ? 0 : 1)))
                .Where(x => x.Score >= 0).OrderBy(x => x.Score).Cast<(string Name, int Score)?>().FirstOrDefault()))
            .Where(x => x.Best is not null)
            .OrderBy(x => x.Best!.Value.Score).ThenBy(x => x.Authority.Name, TurkishText.Alphabetical).ThenBy(x => x.Authority.Id, StringComparer.Ordinal)
            .Take(limit)
            .Select(x => (x.Authority.Id, x.Best!.Value.Name == x.Authority.Name ? null : x.Best.Value.Name))];
    }

    [Fact]
    public async Task Answers_equal_a_plain_reading_of_the_rule_and_follow_renames()
    {
        var random = new Random(1923);
        var names = new AuthorityNames(Path.Combine(Path.GetTempPath(), $"unused-{Guid.NewGuid():N}.json"));
        var all = new Dictionary<string, Authority>();
        string Pick(string[] pool) => pool[random.Next(pool.Length)];
        for (var i = 0; i < 400; i++)
        {
            Authority a = random.Next(3) switch
            {
                0 => new Person { Id = $"p{i}", Name = $"{Pick(Given)} {Pick(Family)} {i}", Variants = random.Next(2) == 0 ? [new AuthorityName($"{Pick(Given)} {Pick(Family)}")] : [] },
                1 => new Institution { Id = $"i{i}", Name = $"{Pick(Family)} ve Şürekâsı {i}" },
                _ => new Place { Id = $"y{i}", Name = $"{Pick(Places)} {i}", Variants = [new AuthorityName(Pick(Places), EdtfDate.Parse("../1930"))] },
            };
            all[a.Id] = a;
            await Apply(names, a);
        }
        void Check(int rounds)
        {
            var list = all.Values.ToList();
            for (var q = 0; q < rounds; q++)
            {
                var a = list[random.Next(list.Count)];
                var name = random.Next(3) == 0 && a.Variants.Count > 0 ? a.Variants[0].Name : a.Name;
                var words = name.Split(' ');
                var text = random.Next(4) switch
                {
                    0 => name[..Math.Min(name.Length, 1 + random.Next(8))],
                    1 => words[^1][..Math.Min(words[^1].Length, 1 + random.Next(3))],
                    2 => $"{words[0]} {words[^1][..1]}",
                    _ => TurkishText.Fold(words[random.Next(words.Length)]).ToUpperInvariant()[..2],
                };
                AuthorityKind? kind = random.Next(3) == 0 ? a.Kind : null;
                var got = names.Lookup(text, kind, 10).Select(m => (m.Id, m.Matched)).ToList();
                Assert.Equal(Expected(list, text, kind, 10), got);
            }
        }
        Check(300);

        // A rename and a new authority reach the answers at once.
        var person = all.Values.OfType<Person>().First();
        var renamed = all[person.Id] = person with { Name = "Zühtü Zeytinoğlu" };
        await Apply(names, renamed);
        await Apply(names, all["y9999"] = new Place { Id = "y9999", Name = "Zeytinlik" });
        // The place's whole name starts with it; the person has a word that does.
        Assert.Equal(["y9999", person.Id], names.Lookup("zeyti", null, 10).Select(m => m.Id));
        Check(100);
    }
}
