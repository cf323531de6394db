using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Indexer.Search;
using Record = HafizaIzmir.Archive.Domain.Record;

namespace HafizaIzmir.Tests.Search;

/// <summary>Facet counts against a brute-force count over a random corpus spread over several index segments.</summary>
public sealed class FacetCountTests
{
    private static readonly string[] Colours = ["kırmızı", "lacivert", "turuncu", "zeytuni", "fıstıki"];
    private static readonly string[] Genres = ["mektup", "fatura", "fotoğraf", "kartpostal", "konşimento", "senet", "defter", "harita"];
    private static readonly string[] Languages = ["tr", "ota", "fr", "en", "el", "it"];

    private sealed record Corpus(SearchIndex Index, Dictionary<string, SearchDocument> Documents, Random Random);

    private static Corpus Build(int seed, int count)
    {
        var random = new Random(seed);
        var authorities = new Dictionary<string, Authority>(StringComparer.Ordinal);
        for (var i = 0; i < 60; i++) authorities[$"kisi-{i}"] = new Person { Id = $"kisi-{i}", Name = $"Kişi Numara {i}" };
        for (var i = 0; i < 40; i++) authorities[$"yer-{i}"] = new Place { Id = $"yer-{i}", Name = $"Yer Numara {i}" };
        for (var i = 0; i < 10; i++) authorities[$"kurum-{i}"] = new Institution { Id = $"kurum-{i}", Name = $"Kurum Numara {i}" };
        var persons = authorities.Values.OfType<Person>().ToArray();
        var places = authorities.Values.OfType<Place>().ToArray();
        var institutions = authorities.Values.OfType<Institution>().ToArray();

        var index = SearchIndex.InMemory();
        var documents = new Dictionary<string, SearchDocument>(StringComparer.Ordinal);
        for (var n = 0; n < count; n++)
        {
            // Several hundred documents per segment, some replaced or deleted later, so counts cross segments and skip deletions.
            var id = random.Next(5) == 0 && documents.Count > 0 ? documents.Keys.ElementAt(random.Next(documents.Count)) : $"R-{n:00000}";
            if (random.Next(40) == 0 && documents.Remove(id))
            {
                index.Delete(id);
                continue;
            }
            var links = new List<AuthorityLink>();
            // Skewed so that some persons are far more frequent than others, and ties happen too.
            for (var i = random.Next(4); i > 0; i--) links.Add(new AuthorityLink(persons[(int)(persons.Length * Math.Pow(random.NextDouble(), 2))].Id, AuthorityKind.Person));
            for (var i = random.Next(3); i > 0; i--) links.Add(new AuthorityLink(places[random.Next(places.Length)].Id, AuthorityKind.Place));
            if (random.Next(3) == 0) links.Add(new AuthorityLink(institutions[random.Next(institutions.Length)].Id, AuthorityKind.Institution));
            var from = 1850 + random.Next(140);
            var record = new Record
            {
                Identifier = id,
                Level = Level.Item,
                Title = new LocalizedText($"Belge {string.Join(' ', Colours.Where(_ => random.Next(3) == 0))}"),
                Date = random.Next(6) switch { 0 => null, 1 => EdtfDate.Parse($"{from}/{from + random.Next(30)}"), _ => EdtfDate.Parse($"{from}") },
                Type = random.Next(5) == 0 ? null : (EuropeanaType)random.Next(5),
                Genre = random.Next(4) == 0 ? null : Genres[random.Next(Genres.Length)],
                Languages = [.. Languages.Where(_ => random.Next(4) == 0)],
                Axes = [.. Enum.GetValues<Axis>().Where(_ => random.Next(3) == 0)],
                Authorities = links,
                State = WorkflowState.Published,
            };
            var document = SearchDocumentBuilder.Build(record, authorities, [])!;
            documents[id] = document;
            index.Upsert(document);
            if (n % 400 == 399) _ = index.Count; // opens a searcher: what was written so far becomes a segment
        }
        return new Corpus(index, documents, random);
    }

    private static IEnumerable<FacetValue> ValuesOf(SearchDocument d, string dimension) => (dimension switch
    {
        "person" => d.Persons,
        "institution" => d.Institutions,
        "place" => d.Places,
        "axis" => d.Axes,
        "type" => d.Type is null ? [] : [d.Type],
        "genre" => d.Genre is null ? [] : [d.Genre],
        "language" => d.Languages,
        "decade" => d.Decades,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    }).DistinctBy(v => v.Id);

    private static bool Matches(SearchDocument d, SearchQuery q, string[] words)
    {
        bool Has(string dimension, string? id) => id is null || ValuesOf(d, dimension).Any(v => v.Id == id);
        var title = d.Title.Split(' ');
        return words.All(title.Contains)
            && Has("person", q.Person) && Has("institution", q.Institution) && Has("place", q.Place) && Has("axis", q.Axis)
            && Has("type", q.Type) && Has("genre", q.Genre) && Has("language", q.Language)
            && Has("decade", q.Decade?.ToString(System.Globalization.CultureInfo.InvariantCulture))
            && (q.FromYear is null && q.ToYear is null || d.FromYear is { } f && d.ToYear is { } t && (q.ToYear is null || f <= q.ToYear) && (q.FromYear is null || t >= q.FromYear));
    }

    private static SearchQuery RandomQuery(Corpus c, out string[] words)
    {
        var r = c.Random;
        var sample = c.Documents.Values.ElementAt(r.Next(c.Documents.Count));
        string? Pick(string dimension) => r.Next(4) == 0 ? ValuesOf(sample, dimension).Select(v => v.Id).FirstOrDefault() : null;
        words = [.. Colours.Where(_ => r.Next(4) == 0).Take(2)];
        var from = r.Next(4) == 0 ? 1850 + r.Next(140) : (int?)null;
        return new SearchQuery
        {
            Text = words.Length == 0 ? null : string.Join(' ', words),
            Person = Pick("person"),
            Place = Pick("place"),
            Institution = Pick("institution"),
            Axis = Pick("axis"),
            Type = Pick("type"),
            Genre = Pick("genre"),
            Language = Pick("language"),
            Decade = r.Next(6) == 0 && ValuesOf(sample, "decade").FirstOrDefault() is { } decade ? int.Parse(decade.Id, System.Globalization.CultureInfo.InvariantCulture) : null,
            FromYear = from,
            ToYear = from is { } y && r.Next(2) == 0 ? y + r.Next(40) : null,
        };
    }

    private static void AssertFacetsMatchBruteForce(Corpus c, SearchQuery query, string[] words)
    {
        var matching = c.Documents.Values.Where(d => Matches(d, query, words)).ToList();
        var result = c.Index.Search(query);
        Assert.Equal(matching.Count, result.Total);
        foreach (var dimension in new[] { "person", "institution", "place", "axis", "type", "genre", "language", "decade" })
        {
            var expected = matching.SelectMany(d => ValuesOf(d, dimension)).GroupBy(v => v.Id)
                .ToDictionary(g => g.Key, g => (g.First().Label, Count: g.Count()), StringComparer.Ordinal);
            var shown = result.Facets[dimension];
            Assert.Equal(Math.Min(expected.Count, 30), shown.Count);
            foreach (var f in shown) Assert.Equal(expected[f.Id], (f.Label, f.Count));
            Assert.Equal(shown.OrderByDescending(f => f.Count).Select(f => f.Count), shown.Select(f => f.Count));
            // What is left out never counts more than the last value shown.
            if (shown.Count > 0) Assert.All(expected.Where(e => shown.All(f => f.Id != e.Key)), e => Assert.True(e.Value.Count <= shown[^1].Count));
        }
    }

    [Theory]
    [InlineData(1923)]
    [InlineData(1453)]
    public void Facet_counts_equal_a_brute_force_count_with_random_words_and_filters(int seed)
    {
        var corpus = Build(seed, 3000);
        using var _ = corpus.Index;
        for (var i = 0; i < 120; i++)
        {
            var query = RandomQuery(corpus, out var words);
            AssertFacetsMatchBruteForce(corpus, query, words);
        }
        AssertFacetsMatchBruteForce(corpus, new SearchQuery(), []);
    }

    [Fact]
    public void Browse_counts_follow_every_change_to_the_index()
    {
        var corpus = Build(7, 800);
        using var _ = corpus.Index;
        var browse = new SearchQuery { Axis = "liman" };
        AssertFacetsMatchBruteForce(corpus, browse, []);
        var before = corpus.Index.Search(browse).Facets["axis"].Single(f => f.Id == "liman").Count;

        var changed = corpus.Documents.Values.First(d => d.Axes.Any(a => a.Id == "liman"));
        corpus.Documents[changed.Identifier] = changed with { Axes = [] };
        corpus.Index.Upsert(corpus.Documents[changed.Identifier]);

        AssertFacetsMatchBruteForce(corpus, browse, []);
        Assert.Equal(before - 1, corpus.Index.Search(browse).Facets["axis"].Single(f => f.Id == "liman").Count);
    }
}
