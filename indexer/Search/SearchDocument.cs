using HafizaIzmir.Archive.Domain;

namespace HafizaIzmir.Indexer.Search;

/// <summary>A value a record can be faceted and filtered by: the stable id and the label shown for it.</summary>
public sealed record FacetValue(string Id, string Label);

/// <summary>
/// Everything the search index holds about one published record, already flattened: the texts to
/// search (with every name of every linked authority), the date as years and decades, and the facet
/// values. Built by <see cref="SearchDocumentBuilder"/>.
/// </summary>
public sealed record SearchDocument
{
    public required string Identifier { get; init; }
    public required Level Level { get; init; }
    /// <summary>Identifiers of the enclosing levels, outermost first.</summary>
    public IReadOnlyList<string> Ancestors { get; init; } = [];

    public required string Title { get; init; }
    public string? TitleEn { get; init; }
    public string? Description { get; init; }
    public string? DescriptionEn { get; init; }
    /// <summary>Preferred, variant and historical names of every linked person, institution and place.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];
    /// <summary>Subjects and genre: short controlled-ish terms.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];
    /// <summary>Titles of the enclosing levels: weak evidence of what an item is about.</summary>
    public IReadOnlyList<string> Context { get; init; } = [];
    /// <summary>Recognised text of the scans; searched with the lowest weight.</summary>
    public string? Ocr { get; init; }

    /// <summary>The EDTF date as written (shown in hits).</summary>
    public string? DateText { get; init; }
    public int? FromYear { get; init; }
    public int? ToYear { get; init; }
    /// <summary>First day the date can mean: the date sort.</summary>
    public DateOnly? Earliest { get; init; }

    public IReadOnlyList<FacetValue> Persons { get; init; } = [];
    public IReadOnlyList<FacetValue> Institutions { get; init; } = [];
    public IReadOnlyList<FacetValue> Places { get; init; } = [];
    public IReadOnlyList<FacetValue> Axes { get; init; } = [];
    public FacetValue? Type { get; init; }
    public FacetValue? Genre { get; init; }
    public IReadOnlyList<FacetValue> Languages { get; init; } = [];
    public IReadOnlyList<FacetValue> Decades { get; init; } = [];
}
