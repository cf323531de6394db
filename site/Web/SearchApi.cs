using System.Text.Json;
using System.Text.Json.Serialization;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Indexer.Hosting;
using HafizaIzmir.Indexer.Search;

namespace HafizaIzmir.Site.Web;

/// <summary>
/// <c>GET /api/search</c> (the contract's JSON search over published records of every level) and
/// <c>GET /api/authorities</c> (name autocomplete over persons, institutions and places).
/// </summary>
public static class SearchApi
{
    public const int MaxQueryLength = 500;
    public const int MaxYear = 9999;
    public const int DefaultSuggestions = 10;
    public const int MaxSuggestions = 50;

    // Turkish letters stay readable; this is application/json, never inlined into HTML.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly IReadOnlyDictionary<string, SearchSort> Sorts = new Dictionary<string, SearchSort>(StringComparer.Ordinal)
    {
        ["relevance"] = SearchSort.Relevance,
        ["date"] = SearchSort.Date,
        ["title"] = SearchSort.Title,
    };

    public static void MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", (HttpRequest request, SearchIndexData index) => Search(request, index));
        app.MapGet("/api/authorities", (HttpRequest request, AuthorityNames names) => Authorities(request, names));
    }

    private static IResult Search(HttpRequest request, SearchIndexData index)
    {
        var p = new QueryParameters(request.Query);
        var query = new SearchQuery
        {
            Text = p.Text("q", MaxQueryLength),
            Person = p.Id("person"),
            Institution = p.Id("institution"),
            Place = p.Id("place"),
            Axis = p.Choice("axis", Vocabulary.Axes)?.Code(),
            Type = p.Choice("type", Vocabulary.Types)?.Code(),
            Genre = p.Id("genre"),
            Language = p.Id("language"),
            Decade = p.Number("decade", -MaxYear, MaxYear),
            FromYear = p.Number("from", -MaxYear, MaxYear),
            ToYear = p.Number("to", -MaxYear, MaxYear),
            Sort = p.Choice("sort", Sorts) ?? SearchSort.Relevance,
            Page = p.Number("page", 1, int.MaxValue) ?? 1,
            // Larger pages are capped rather than refused: the answer's "size" says what was used.
            Size = Math.Min(p.Number("size", 1, int.MaxValue) ?? SearchQuery.DefaultSize, SearchQuery.MaxSize),
        };
        if (query.FromYear > query.ToYear) p.Fail("to", $"must not be before from ({query.FromYear})");
        if (p.Error is not null) return p.Problem();

        SearchResult result;
        try
        {
            result = index.Search(query);
        }
        catch (SearchIndexUnavailableException)
        {
            return Unavailable();
        }
        return Results.Json(new SearchResponse(result.Total, result.Page, result.Size, result.Hits, result.Facets, result.DidYouMean), Json);
    }

    private static IResult Authorities(HttpRequest request, AuthorityNames names)
    {
        var p = new QueryParameters(request.Query);
        var text = p.Text("q", MaxQueryLength);
        var kind = p.Choice("kind", Vocabulary.Kinds);
        var limit = p.Number("limit", 1, MaxSuggestions) ?? DefaultSuggestions;
        if (text is null && p.Error is null) p.Fail("q", "is required");
        if (p.Error is not null) return p.Problem();
        var matches = names.Lookup(text!, kind, limit)
            .Select(m => new AuthoritySuggestion(m.Id, m.Kind.Code(), m.Name, m.Matched, m.Dates))
            .ToList();
        return Results.Json(new AuthoritiesResponse(matches), Json);
    }

    private static IResult Unavailable() => Results.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "Arama dizini hazırlanıyor",
        detail: "The search index is being built; try again in a moment.");

    private sealed record SearchResponse(
        int Total, int Page, int Size,
        IReadOnlyList<SearchHit> Hits,
        IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DidYouMean);

    private sealed record AuthoritySuggestion(string Id, string Kind, string Name, string? Matched, string? Dates);

    private sealed record AuthoritiesResponse(IReadOnlyList<AuthoritySuggestion> Results);
}
