using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Indexer.Hosting;
using HafizaIzmir.Indexer.Search;
using HafizaIzmir.Site.Ocr;
using HafizaIzmir.Site.Public;
using HafizaIzmir.Site.Web;
using Microsoft.AspNetCore.Mvc;

namespace HafizaIzmir.Site.Pages;

/// <summary>
/// <c>/ara</c>: the search page, over the same index and with the same parameters as <c>/api/search</c>,
/// rendered on the server so every filter is a plain link and it works without JavaScript.
/// </summary>
public sealed class SearchModel(SearchIndexData index, HafizaIzmir.Site.Derived.BrowseData browse) : SitePage
{
    /// <summary>Filters shown as facets, in the order the page lists them.</summary>
    public static readonly IReadOnlyList<string> FacetKeys = ["axis", "type", "person", "institution", "place", "decade", "genre", "language"];

    /// <summary>Query-string keys that narrow the result (kept when the words change).</summary>
    public static readonly IReadOnlyList<string> FilterKeys = [.. FacetKeys, "from", "to"];

    public const int ShownFacetValues = 12;

    public SearchResult? Result { get; private set; }
    public string? Text { get; private set; }
    public string? Error { get; private set; }
    public bool Unavailable { get; private set; }
    public string Sort { get; private set; } = "relevance";

    public IActionResult OnGet()
    {
        Title = T("Search_Title");
        var p = new QueryParameters(Request.Query);
        Text = p.Text("q", SearchApi.MaxQueryLength);
        var query = new SearchQuery
        {
            Text = Text,
            Person = p.Id("person"),
            Institution = p.Id("institution"),
            Place = p.Id("place"),
            Axis = p.Choice("axis", Vocabulary.Axes)?.Code(),
            Type = p.Choice("type", Vocabulary.Types)?.Code(),
            Genre = p.Id("genre"),
            Language = p.Id("language"),
            Decade = p.Number("decade", -SearchApi.MaxYear, SearchApi.MaxYear),
            FromYear = p.Number("from", -SearchApi.MaxYear, SearchApi.MaxYear),
            ToYear = p.Number("to", -SearchApi.MaxYear, SearchApi.MaxYear),
            Sort = p.Choice("sort", Sorts) ?? SearchSort.Relevance,
            Page = p.Number("page", 1, int.MaxValue) ?? 1,
        };
        Sort = Sorts.First(s => s.Value == query.Sort).Key;
        if (query.FromYear > query.ToYear) p.Fail("to", "");
        if (Text is not null) Title = $"{Text} · {Title}";
        if (p.Error is { } error)
        {
            Error = string.Format(Language.Culture, T("Search_BadParameter"), error.Name);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        try
        {
            Result = index.Search(query);
        }
        catch (SearchIndexUnavailableException)
        {
            Unavailable = true;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "5";
        }
        return Page();
    }

    public static readonly IReadOnlyDictionary<string, SearchSort> Sorts = new Dictionary<string, SearchSort>(StringComparer.Ordinal)
    {
        ["relevance"] = SearchSort.Relevance,
        ["date"] = SearchSort.Date,
        ["title"] = SearchSort.Title,
    };

    /// <summary>A hit's record page; a hit inside the scans' text opens its page with the words marked on the scan.</summary>
    public string HitLink(SearchHit hit) =>
        Language.Path(hit.Url) + (hit.Page is not null && Text is { } words ? $"&{RecordWithin.Parameter}={Uri.EscapeDataString(words)}" : "");

    public string? Current(string key) => Request.Query.TryGetValue(key, out var v) && v.Count == 1 && !string.IsNullOrWhiteSpace(v[0]) ? v[0] : null;

    /// <summary>This search with <paramref name="key"/> set to <paramref name="value"/> (or removed when null), back on page one.</summary>
    public string With(string key, string? value)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in Request.Query)
        {
            if (name == key || name == "page" || values.Count != 1 || string.IsNullOrEmpty(values[0])) continue;
            pairs.Add(new(name, values[0]!));
        }
        if (value is not null) pairs.Add(new(key, value));
        return Link(pairs);
    }

    /// <summary>This search on page <paramref name="page"/>.</summary>
    public string PageLink(int page)
    {
        var pairs = Request.Query.Where(q => q.Key != "page" && q.Value.Count == 1 && !string.IsNullOrEmpty(q.Value[0]))
            .Select(q => new KeyValuePair<string, string>(q.Key, q.Value[0]!)).ToList();
        if (page > 1) pairs.Add(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return Link(pairs);
    }

    public string DidYouMeanLink(string text) => Link([.. Request.Query.Where(q => FilterKeys.Contains(q.Key) && q.Value.Count == 1)
        .Select(q => new KeyValuePair<string, string>(q.Key, q.Value[0]!)), new("q", text)]);

    /// <summary>The label a facet value shows (decades and codes made readable).</summary>
    public string FacetLabel(string key, string id, string label) => key switch
    {
        "decade" => $"{id}–{(int.TryParse(id, out var y) ? y + 9 : 0)}",
        "axis" or "type" => Language[$"{key}_{id}"] is var s && s != $"{key}_{id}" ? s : label,
        _ => label,
    };

    /// <summary>The label of an active filter: found among the facet counts, else the raw value.</summary>
    public string ActiveLabel(string key, string value)
    {
        var match = Result?.Facets.GetValueOrDefault(key)?.FirstOrDefault(f => f.Id == value);
        return key is "from" or "to" ? value : FacetLabel(key, value, match?.Label ?? value);
    }

    /// <summary>The IIIF thumbnail of a hit's first image, when it has scans.</summary>
    public HafizaIzmir.Site.Derived.Thumbnail? ThumbnailOf(string identifier) => browse.Published(identifier)?.Thumbnail;

    public int PageCount => Result is null || Result.Size == 0 ? 0 : (Result.Total + Result.Size - 1) / Result.Size;

    private string Link(IEnumerable<KeyValuePair<string, string>> pairs) =>
        Language.Path("/ara") + QueryString.Create(pairs!).Value;
}
