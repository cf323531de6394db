namespace HafizaIzmir.Oai.Tiers;

/// <summary>Metadata tiers of the Europeana Publishing Framework; <see cref="BelowA"/> does not meet Europeana's minimum.</summary>
public enum MetadataTier { BelowA = 0, A = 1, B = 2, C = 3 }

public enum TierScale { Content, Metadata }

/// <summary>
/// What one criterion says about a record: the highest tier it allows, why, and what would raise it
/// (null when it is already at the top).
/// </summary>
public sealed record TierFinding(TierScale Scale, string Criterion, int Level, string Why, string? ToRaise)
{
    /// <summary><c>0</c>–<c>4</c> for content, <c>A</c>–<c>C</c> (or <c>below A</c>) for metadata.</summary>
    public string Label => Scale == TierScale.Content ? Level.ToString(System.Globalization.CultureInfo.InvariantCulture) : Metadata(Level);

    internal static string Metadata(int level) => level == 0 ? "below A" : ((MetadataTier)level).ToString();
}

/// <summary>A record's tiers: each scale is the lowest level any of its criteria allows.</summary>
public sealed record TierReport(string Identifier, int Content, MetadataTier Metadata, IReadOnlyList<TierFinding> Findings)
{
    /// <summary>The Europeana way of writing both tiers, e.g. <c>3B</c> (<c>0-</c> when metadata is below A).</summary>
    public string Label => $"{Content}{(Metadata == MetadataTier.BelowA ? "-" : Metadata.ToString())}";

    /// <summary>Europeana publishes from content tier 1 and metadata tier A.</summary>
    public bool MeetsEuropeanaMinimum => Content >= 1 && Metadata >= MetadataTier.A;

    /// <summary>The findings that hold a scale down, i.e. what to work on first.</summary>
    public IEnumerable<TierFinding> Limiting =>
        Findings.Where(f => f.Scale == TierScale.Content ? f.Level == Content : f.Level == (int)Metadata);
}
