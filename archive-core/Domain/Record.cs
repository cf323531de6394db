namespace HafizaIzmir.Archive.Domain;

/// <summary>
/// A unit of description at any level (fonds, series, file, item), shaped after ISAD(G).
/// The identifier is the archive's reference code and never changes.
/// </summary>
public sealed record Record
{
    public required string Identifier { get; init; }
    public required Level Level { get; init; }
    public string? Parent { get; init; }
    public required LocalizedText Title { get; init; }
    public EdtfDate? Date { get; init; }
    public EuropeanaType? Type { get; init; }
    public string? Genre { get; init; }
    public LocalizedText? Description { get; init; }
    public IReadOnlyList<string> Languages { get; init; } = [];
    public string? Extent { get; init; }
    public string? Rights { get; init; }
    public IReadOnlyList<Axis> Axes { get; init; } = [];
    public IReadOnlyList<AuthorityLink> Authorities { get; init; } = [];
    public IReadOnlyList<string> Subjects { get; init; } = [];
    /// <summary>Scans and images in page order; the bytes live beside the record in its OCFL object.</summary>
    public IReadOnlyList<RecordFile> Files { get; init; } = [];
    public WorkflowState State { get; init; } = WorkflowState.Draft;
    /// <summary>A cataloguer's choice to offer this record to Europeana (it must also pass the readiness check).</summary>
    public bool ForEuropeana { get; init; }
    public string? Accession { get; init; }
    /// <summary>
    /// Whether the scans are read by OCR: null inherits from the enclosing level, and where no level says,
    /// the genre and type decide (<see cref="Ocr.OcrPolicy"/>). Set in the catalogue, not by the import CSV.
    /// </summary>
    public bool? Ocr { get; init; }
    public string? CreatedBy { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public string? ChangedBy { get; init; }
    public DateTimeOffset? ChangedAt { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsPublished => State == WorkflowState.Published;
}

/// <summary>A link from a record to an authority, with the authority's role (creator, addressee, subject …).</summary>
public sealed record AuthorityLink(string AuthorityId, AuthorityKind Kind, string? Role = null);

/// <summary>
/// One stored file of a record. <see cref="Path"/> is its logical path inside the record's object
/// (<c>files/0001.tif</c>); the master is kept byte for byte.
/// </summary>
public sealed record RecordFile
{
    public required string Path { get; init; }
    public required string OriginalName { get; init; }
    public required string MediaType { get; init; }
    public required long Bytes { get; init; }
    public required string Sha512 { get; init; }
    public int Width { get; init; }
    public int Height { get; init; }
    /// <summary>Clockwise degrees (0, 90, 180, 270) to turn the page when showing it; the master itself is never altered.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public int Rotation { get; init; }
}
