using Lucene.Net.Index;
using Lucene.Net.Search;

namespace HafizaIzmir.Indexer.Search;

public sealed partial class SearchIndex
{
    /// <summary>Deep paging beyond this many hits is refused by clamping: nobody reads page 500.</summary>
    public const int MaxWindow = 10_000;

    /// <summary>How many answers are kept for the index's current state.</summary>
    public const int CachedResults = 512;

    // A public site gets the same searches over and over (a popular word, the links of a record page), and each
    // costs a full match, a facet count and highlighting. One index state always gives one answer, so answers are
    // kept per reader: any write makes a new reader, and the first search on it starts the cache afresh.
    private readonly Lock resultsGate = new();
    private readonly Dictionary<SearchQuery, SearchResult> results = [];
    private IndexReader? resultsReader;

    /// <param name="timings">When given, the time each part of the search took is added to it (and the answer is computed, never taken from the cache).</param>
    public SearchResult Search(SearchQuery query, SearchTimings? timings = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        return WithSearcher(searcher =>
        {
            var reader = searcher.IndexReader;
            if (timings is null)
                lock (resultsGate)
                    if (resultsReader == reader && results.TryGetValue(query, out var cached)) return cached;
            var result = Run(searcher, query, timings);
            lock (resultsGate)
            {
                if (resultsReader != reader)
                {
                    results.Clear();
                    resultsReader = reader;
                }
                if (results.Count < CachedResults) results[query] = result;
            }
            return result;
        });
    }

    private SearchResult Run(IndexSearcher searcher, SearchQuery query, SearchTimings? timings)
    {
        T Timed<T>(SearchTimings.Part part, Func<T> work) => timings is null ? work() : timings.Time(part, work);

        var size = Math.Clamp(query.Size, 1, SearchQuery.MaxSize);
        var page = Math.Clamp(query.Page, 1, MaxWindow / size);
        var text = QueryText.Parse(query.Text);
        var composer = new QueryComposer(analyzer);
        var matching = new MatchingDocs();
        var (lucene, filter, top) = Timed(SearchTimings.Part.Query, () =>
        {
            var lucene = composer.Compose(text);
            var filter = FilterOf(query);
            var top = Collector(query.Sort, text.IsEmpty, page * size);
            searcher.Search(lucene, filter, MultiCollector.Wrap(top, matching));
            return (lucene, filter, top);
        });
        var docs = Timed(SearchTimings.Part.Sort, () => top.GetTopDocs((page - 1) * size, size));
        var hits = Timed(SearchTimings.Part.Snippets, () =>
        {
            var snippets = new SnippetWriter(analyzer, lucene, searcher.IndexReader);
            return docs.ScoreDocs.Select(sd =>
            {
                var doc = searcher.Doc(sd.Doc);
                var id = doc.Get(IndexFields.Id);
                var (snippet, onPage) = snippets.For(doc, sd.Doc);
                return new SearchHit(id, doc.Get(IndexFields.StoredTitle), doc.Get(IndexFields.DateText), snippet, SearchResult.UrlOf(id, onPage), onPage);
            }).ToList();
        });
        var facets = Timed(SearchTimings.Part.Facets, () => FacetCounter.Count(searcher.IndexReader, matching, text.IsEmpty ? BrowseKey(query) : null));

        string? didYouMean = null;
        if (top.TotalHits == 0 && !text.IsEmpty && query.Text is { } typed)
        {
            var suggestion = new SpellingSuggester(analyzer, searcher.IndexReader).Suggest(typed, text);
            if (suggestion is not null && searcher.Search(composer.Compose(QueryText.Parse(suggestion)), filter, 1).TotalHits > 0)
                didYouMean = suggestion;
        }
        return new SearchResult(top.TotalHits, page, size, hits, facets, didYouMean);
    }

    /// <summary>What decides the matching set of a search without words: its filters (not its order or page).</summary>
    private static string BrowseKey(SearchQuery q) => string.Join('\u001F',
        q.Person, q.Institution, q.Place, q.Axis, q.Type, q.Genre, q.Language, q.Decade, q.FromYear, q.ToYear);

    private static ITopDocsCollector Collector(SearchSort sort, bool noText, int window)
    {
        Sort? order = sort switch
        {
            SearchSort.Date => new Sort(UndatedLast(), new SortField(IndexFields.TitleSort, SortFieldType.STRING)),
            SearchSort.Title => new Sort(new SortField(IndexFields.TitleSort, SortFieldType.STRING), new SortField(IndexFields.IdSort, SortFieldType.STRING)),
            // Without words there is no relevance: reference-code order keeps a fonds and its parts together.
            _ when noText => new Sort(new SortField(IndexFields.IdSort, SortFieldType.STRING)),
            _ => null,
        };
        return order is null
            ? TopScoreDocCollector.Create(window, true)
            : TopFieldCollector.Create(order, window, true, false, false, true);
    }

    private static SortField UndatedLast()
    {
        var field = new SortField(IndexFields.DateSort, SortFieldType.INT64);
        field.SetMissingValue(long.MaxValue);
        return field;
    }

    private static Filter? FilterOf(SearchQuery q)
    {
        var all = new BooleanQuery();
        void Require(string dimension, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) all.Add(new TermQuery(new Term(dimension, value.Trim())), Occur.MUST);
        }
        Require("person", q.Person);
        Require("institution", q.Institution);
        Require("place", q.Place);
        Require("axis", q.Axis);
        Require("type", q.Type);
        Require("genre", q.Genre);
        Require("language", q.Language);
        Require("decade", q.Decade is { } d ? IndexFields.YearTerm(d / 10 * 10) : null);
        if (q.FromYear is not null || q.ToYear is not null) all.Add(QueryComposer.Overlap(q.FromYear, q.ToYear), Occur.MUST);
        return all.Clauses.Count == 0 ? null : new QueryWrapperFilter(all);
    }
}
