using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Text;
using HafizaIzmir.Indexer.Search;
using Record = HafizaIzmir.Archive.Domain.Record;

namespace HafizaIzmir.Tests.Search;

public sealed class SearchIndexTests(TestCorpus corpus) : IClassFixture<TestCorpus>
{
    private SearchResult Search(SearchQuery q) => corpus.Index.Search(q);
    private SearchResult Search(string text) => corpus.Index.Search(new SearchQuery { Text = text, Size = 100 });

    private static SearchDocument Doc(string id, string title, string? description = null, string? date = null) =>
        SearchDocumentBuilder.Build(
            new Record
            {
                Identifier = id,
                Level = Level.Item,
                Title = new LocalizedText(title),
                Description = description is null ? null : new LocalizedText(description),
                Date = date is null ? null : EdtfDate.Parse(date),
                State = WorkflowState.Published,
            },
            new Dictionary<string, Authority>(), [])!;

    [Fact]
    public void Drafts_are_never_indexed()
    {
        Assert.Equal(corpus.Records.Count - TestCorpus.Drafts.Count, corpus.Index.Count);
        Assert.DoesNotContain(Search("taslak sınıflandırılmamış").Hits, h => TestCorpus.Drafts.Contains(h.Identifier));
        Assert.Null(SearchDocumentBuilder.Build(corpus.Records["GZT-0016"], corpus.Authorities, []));
    }

    [Fact]
    public void Every_level_is_searchable_and_hits_carry_the_contract_fields()
    {
        // The fonds itself first; its items follow because their context (ancestor titles) holds the phrase too.
        var hit = Search("\"Kâtipzade Ailesi Belgeleri\"").Hits[0];
        Assert.Equal(("KTZ", "Kâtipzade Ailesi Belgeleri", "1890/1940", "/kayit/KTZ"), (hit.Identifier, hit.Title, hit.Date, hit.Url));
    }

    [Fact]
    public void Facets_count_all_matching_records_with_authority_labels()
    {
        var result = Search("incir");
        var matching = result.Hits.Select(h => corpus.Records[h.Identifier]).ToList();
        Assert.Equal(result.Total, matching.Count);
        var person = result.Facets["person"].Single(f => f.Id == "serif-remzi-reyent");
        Assert.Equal("Şerif Remzi Reyent", person.Label);
        Assert.Equal(matching.Count(r => r.Authorities.Any(a => a.AuthorityId == "serif-remzi-reyent")), person.Count);
        var type = result.Facets["type"].ToDictionary(f => f.Id, f => f.Count);
        Assert.Equal(matching.Count(r => r.Type == EuropeanaType.Image), type["image"]);
        Assert.Equal(matching.Count(r => r.Axes.Contains(Axis.Ticaret)), result.Facets["axis"].Single(f => f.Id == "ticaret").Count);
        Assert.Equal("1920'ler", result.Facets["decade"].Single(f => f.Id == "1920").Label);
        Assert.Equal(IndexFieldsDimensions, result.Facets.Keys.Order());
    }

    private static readonly IEnumerable<string> IndexFieldsDimensions = new[] { "axis", "decade", "genre", "institution", "language", "person", "place", "type" };

    [Fact]
    public void Filters_narrow_to_the_chosen_values()
    {
        var byPlace = Search(new SearchQuery { Place = "kordon", Size = 100 });
        var linked = corpus.Records.Values.Where(r => r.IsPublished && r.Authorities.Any(a => a.AuthorityId == "kordon")).Select(r => r.Identifier).Order();
        Assert.Equal(linked, byPlace.Hits.Select(h => h.Identifier).Order());

        var imagesOnKordonWithFigs = Search(new SearchQuery { Text = "incir", Place = "kordon", Type = "image", Size = 100 });
        Assert.Equal(["SRR-0004"], imagesOnKordonWithFigs.Hits.Select(h => h.Identifier));

        var genre = Search(new SearchQuery { Genre = TurkishText.Slug("konşimento") });
        Assert.Equal(["SRR-0003"], genre.Hits.Select(h => h.Identifier));

        var french = Search(new SearchQuery { Language = "fr", Axis = "liman", Size = 100 });
        Assert.All(french.Hits, h => Assert.Contains("fr", corpus.Records[h.Identifier].Languages));
        Assert.NotEmpty(french.Hits);
    }

    [Fact]
    public void Year_range_filter_keeps_overlapping_dates_and_drops_undated()
    {
        var result = Search(new SearchQuery { FromYear = 1908, ToYear = 1909, Size = 100 });
        var ids = result.Hits.Select(h => h.Identifier).ToHashSet();
        Assert.Contains("LIM-0006", ids);   // 1908
        Assert.Contains("KTZ-0005", ids);   // 1909
        Assert.Contains("KTZ", ids);        // 1890/1940 overlaps
        Assert.DoesNotContain("LIM-0003", ids); // 1910
        Assert.Equal(ids.Count, result.Total);
        var decade = Search(new SearchQuery { Decade = 1930, Size = 100 });
        Assert.All(decade.Hits, h => Assert.Contains(h.Identifier, new[] { "KTZ-0006", "KTZ-0009", "SRR-0005", "SRR-0014", "GZT-0003", "GZT-0004", "GZT-0009", "GZT-0015", "LIM-0011", "LIM-0016", "SRR", "SRR-S01", "SRR-S02", "KTZ", "LIM", "LIM-S02", "GZT" }));
    }

    [Fact]
    public void Exact_year_ranks_above_a_range_containing_it()
    {
        var ids = Search("1923").Hits.Select(h => h.Identifier).ToList();
        Assert.True(ids.IndexOf("SRR-0001") < ids.IndexOf("KTZ-0003"));
        Assert.True(ids.IndexOf("KTZ-0003") < ids.IndexOf("SRR"));
    }

    [Fact]
    public void Year_with_words_ranks_that_year_first()
    {
        var ids = Search("yangın 1922").Hits.Select(h => h.Identifier).Take(3).ToHashSet();
        Assert.Equal(new HashSet<string> { "SRR-0009", "SRR-0010", "LIM-0012" }, ids);
    }

    [Fact]
    public void Title_sort_is_turkish_alphabetical()
    {
        var titles = Search(new SearchQuery { Sort = SearchSort.Title, Size = 100 }).Hits.Select(h => h.Title).ToList();
        Assert.Equal(titles.Order(TurkishText.Alphabetical), titles);
        Assert.True(titles.IndexOf("Cumhuriyet'in onuncu yılı kutlamaları") < titles.IndexOf("Çiçek") || !titles.Contains("Çiçek"));
        Assert.True(titles.FindIndex(t => t.StartsWith("Halı")) < titles.FindIndex(t => t.StartsWith("Hamal")));
    }

    [Fact]
    public void Date_sort_is_chronological_with_undated_last()
    {
        var ids = Search(new SearchQuery { Text = "liman", Sort = SearchSort.Date, Size = 100 }).Hits.Select(h => corpus.Records[h.Identifier].Date?.Earliest ?? DateOnly.MaxValue).ToList();
        Assert.Equal(ids.Order(), ids);
    }

    [Fact]
    public void Paging_returns_disjoint_pages_of_the_same_total()
    {
        var first = Search(new SearchQuery { Text = "liman", Page = 1, Size = 3 });
        var second = Search(new SearchQuery { Text = "liman", Page = 2, Size = 3 });
        Assert.Equal(first.Total, second.Total);
        Assert.Equal(3, first.Hits.Count);
        Assert.Empty(first.Hits.Select(h => h.Identifier).Intersect(second.Hits.Select(h => h.Identifier)));
    }

    [Theory]
    [InlineData("\"unclosed")]
    [InlineData("AND OR (")]
    [InlineData("kordon AND")]
    [InlineData("title:[ ~ * ? \\ ] } {")]
    [InlineData("\"\"")]
    public void Syntax_errors_never_raise(string text)
    {
        var result = Search(text);
        Assert.True(result.Total >= 0);
    }

    [Fact]
    public void Unclosed_quote_falls_back_to_the_words() =>
        Assert.Equal(Search("incir sandıkları").Total, Search("\"incir sandıkları").Total);

    [Fact]
    public void Phrase_requires_the_words_together()
    {
        var words = Search("gümrük binası").Hits.Select(h => h.Identifier).ToList();
        var phrase = Search("\"gümrük binası\"").Hits.Select(h => h.Identifier).ToList();
        Assert.Contains("LIM-0006", phrase);
        Assert.True(phrase.Count <= words.Count);
        Assert.Empty(Search("\"binası gümrük\"").Hits);
    }

    [Fact]
    public void A_repeated_search_is_answered_from_the_cache_until_the_index_changes()
    {
        using var index = SearchIndex.InMemory();
        index.Upsert(Doc("A", "Kordon'da incir mektubu"));
        var query = new SearchQuery { Text = "incir" };
        var first = index.Search(query);
        Assert.Same(first, index.Search(query with { }));
        Assert.NotSame(first, index.Search(query with { Page = 2 }));
        // Timed searches (the benchmark's) are always computed.
        Assert.NotSame(first, index.Search(query, new SearchTimings()));

        // A write is a new index state: the next answer sees it, and so do repeats of it.
        index.Upsert(Doc("B", "İncir ihracatı defteri"));
        var second = index.Search(query);
        Assert.Equal(["A", "B"], second.Hits.Select(h => h.Identifier).Order());
        Assert.Same(second, index.Search(query));
        index.Delete("A");
        Assert.Equal(["B"], index.Search(query).Hits.Select(h => h.Identifier));
    }

    [Fact]
    public void Exact_form_ranks_above_a_folded_one()
    {
        using var index = SearchIndex.InMemory();
        index.Upsert(Doc("A", "Kâtip defteri"));
        index.Upsert(Doc("B", "Katip defteri"));
        Assert.Equal(["A", "B"], index.Search(new SearchQuery { Text = "kâtip" }).Hits.Select(h => h.Identifier));
        Assert.Equal(["B", "A"], index.Search(new SearchQuery { Text = "katip" }).Hits.Select(h => h.Identifier));
    }

    [Fact]
    public void Snippets_mark_matches_and_escape_everything_else()
    {
        using var index = SearchIndex.InMemory();
        index.Upsert(Doc("X-1", "Kötü niyetli açıklama", "Kordon'da <script>alert('x')</script> & şükrü çarşısı"));
        var hit = Assert.Single(index.Search(new SearchQuery { Text = "sukru" }).Hits);
        Assert.Contains("<mark>şükrü</mark>", hit.Snippet);
        Assert.Contains("&lt;script&gt;", hit.Snippet);
        Assert.Contains("&amp;", hit.Snippet);
        Assert.DoesNotContain("<script", hit.Snippet);
        Assert.Equal(hit.Snippet.Split("<mark>").Length - 1, hit.Snippet.Split('<').Length - 1 - (hit.Snippet.Split("</mark>").Length - 1));
    }

    [Fact]
    public void Did_you_mean_offers_a_spelling_the_index_knows_when_nothing_matched()
    {
        var result = Search("kordn");
        Assert.Equal(0, result.Total);
        Assert.Equal("kordon", result.DidYouMean);
        Assert.Equal("tutun", Search("tutn").DidYouMean);
        Assert.Equal("ihracat incir", Search("ihracat incr").DidYouMean);
        Assert.Null(Search("kordon").DidYouMean);
        Assert.Null(Search("qqqqxxxzzz").DidYouMean);
    }

    [Fact]
    public void Historical_and_variant_names_find_linked_records()
    {
        Assert.Contains(Search("Punta").Hits, h => h.Identifier == "LIM-0009");
        Assert.Contains(Search("Smyrna Quay Company").Hits, h => h.Identifier == "LIM-0011");
        Assert.Contains(Search("rue franque").Hits, h => h.Identifier == "LIM-0015");
    }
}
