namespace HafizaIzmir.Indexer.Search;

/// <summary>
/// One result: <see cref="Snippet"/> is HTML-escaped text whose only markup is <c>&lt;mark&gt;</c>. When the
/// snippet comes from the text of a scan, <see cref="Page"/> is that page and <see cref="Url"/> opens it.
/// </summary>
public sealed record SearchHit(string Identifier, string Title, string? Date, string Snippet, string Url,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] int? Page = null);

public sealed record FacetCount(string Id, string Label, int Count);

/// <summary>
/// A page of hits with the facet counts over all matching records. <see cref="DidYouMean"/> is a
/// corrected query when nothing matched and the index knows a close spelling.
/// </summary>
public sealed record SearchResult(
    int Total,
    int Page,
    int Size,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets,
    string? DidYouMean = null)
{
    public static string UrlOf(string identifier) => "/kayit/" + Uri.EscapeDataString(identifier);

    public static string UrlOf(string identifier, int? page) => page is { } p ? $"{UrlOf(identifier)}?sayfa={p}" : UrlOf(identifier);
}
