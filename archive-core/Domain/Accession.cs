namespace HafizaIzmir.Archive.Domain;

/// <summary>Material that came into the archive in one act: who gave it, how, when and on what terms.</summary>
public sealed record Accession
{
    public required string Id { get; init; }
    public required AcquisitionMethod Method { get; init; }
    /// <summary>Authority ids of the donors, lenders or sellers (persons or institutions).</summary>
    public IReadOnlyList<string> Donors { get; init; } = [];
    public EdtfDate? Date { get; init; }
    public string? Terms { get; init; }
    public LocalizedText? Description { get; init; }
    /// <summary>Identifiers of the records described from this material.</summary>
    public IReadOnlyList<string> Records { get; init; } = [];
}
