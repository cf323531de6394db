using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Oai.Source;

namespace HafizaIzmir.Oai.Tiers;

/// <summary>
/// The Europeana Publishing Framework as applied to this archive: the content tier is the lowest of the
/// media and rights criteria, the metadata tier the lowest of the language, enabling-elements and
/// contextual-classes criteria.
/// </summary>
public static class EuropeanaTiers
{
    public static TierReport Classify(OaiItem item)
    {
        var content = new[] { MediaCriterion.Classify(item.Record), RightsCriterion.Classify(item.Record) };
        var metadata = new[]
        {
            LanguageCriterion.Classify(item), EnablingElementsCriterion.Classify(item), ContextualClassesCriterion.Classify(item),
        };
        return new TierReport(item.Identifier, content.Min(f => f.Level), (MetadataTier)metadata.Min(f => f.Level), [.. content, .. metadata]);
    }

    /// <summary>Classifies a record with the authorities it links to (others are ignored).</summary>
    public static TierReport Classify(Record record, IEnumerable<Authority> authorities) =>
        Classify(new OaiItem { Record = record, Authorities = authorities.ToList(), Datestamp = DateTimeOffset.UnixEpoch });
}
