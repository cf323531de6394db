namespace HafizaIzmir.Indexer.Search;

public enum SearchSort { Relevance, Date, Title }

/// <summary>
/// One search as a visitor asks it: free text (Turkish or English, any keyboard; <c>"…"</c> for a
/// phrase; years, <c>1920'ler</c> and <c>1920-1925</c> meet the record's date) and filters by facet
/// value ids and by year range. Every part is optional.
/// </summary>
public sealed record SearchQuery
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    public string? Text { get; init; }
    public string? Person { get; init; }
    public string? Institution { get; init; }
    public string? Place { get; init; }
    public string? Axis { get; init; }
    public string? Type { get; init; }
    public string? Genre { get; init; }
    public string? Language { get; init; }
    /// <summary>First year of a decade, e.g. 1920.</summary>
    public int? Decade { get; init; }
    /// <summary>Records whose date overlaps [FromYear, ToYear]; undated records are left out.</summary>
    public int? FromYear { get; init; }
    public int? ToYear { get; init; }
    public SearchSort Sort { get; init; } = SearchSort.Relevance;
    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;
    public int Size { get; init; } = DefaultSize;
}
