using HafizaIzmir.Archive.Domain;

namespace HafizaIzmir.Site.Tiers;

/// <summary>
/// A deliberately small reading of the Europeana Publishing Framework, used by the <c>tiers</c> verb until
/// full per-criterion classifiers replace it. Only what the record itself states is considered.
/// <para>Content tier (image and text records; sound, video and 3D are not assessed and count as 0): the
/// record's largest image decides — below 0.1 megapixels or no image (or unknown size) 0; from 0.1 MP 1;
/// from 0.42 MP 2; from 0.95 MP 3 if the rights allow reuse at least with restrictions (Creative Commons
/// licences, NoC-NC, NoC-OKLR, InC-EDU), 4 if they are open (PDM, CC0, CC BY, CC BY-SA), else 2.</para>
/// <para>Metadata tier: the lowest of three criteria. Language: every text of a record is stored in a known
/// language (Turkish, optionally English), so it meets C. Enabling elements, from date (time), subjects and
/// genre (subject), persons and institutions (agent), places (place): one element A, three from two groups B,
/// four from two groups C. Contextual entities (linked authorities): none A, one B, two or more C.
/// A record without a title or rights statement is tier 0.</para>
/// </summary>
public static class EuropeanaTierRule
{
    public const long Tier1Pixels = 100_000;
    public const long Tier2Pixels = 420_000;
    public const long Tier3Pixels = 950_000;

    private static readonly string[] OpenRights =
    [
        "http://creativecommons.org/publicdomain/mark/", "http://creativecommons.org/publicdomain/zero/",
        "http://creativecommons.org/licenses/by/", "http://creativecommons.org/licenses/by-sa/",
    ];

    private static readonly string[] RestrictedReuseRights =
    [
        "http://creativecommons.org/licenses/", "http://rightsstatements.org/vocab/NoC-NC/",
        "http://rightsstatements.org/vocab/NoC-OKLR/", "http://rightsstatements.org/vocab/InC-EDU/",
    ];

    public static int ContentTier(Record record)
    {
        if (record.Type is not (EuropeanaType.Image or EuropeanaType.Text)) return 0;
        var pixels = record.Files
            .Where(f => f.MediaType.StartsWith("image/", StringComparison.Ordinal))
            .Select(f => (long)f.Width * f.Height)
            .DefaultIfEmpty(0)
            .Max();
        if (pixels < Tier1Pixels) return 0;
        if (pixels < Tier2Pixels) return 1;
        if (pixels < Tier3Pixels) return 2;
        var rights = Normalize(record.Rights);
        if (OpenRights.Any(rights.StartsWith)) return 4;
        return RestrictedReuseRights.Any(rights.StartsWith) ? 3 : 2;
    }

    /// <summary>"0", "A", "B" or "C".</summary>
    public static string MetadataTier(Record record)
    {
        if (string.IsNullOrWhiteSpace(record.Title.Tr) || string.IsNullOrWhiteSpace(record.Rights)) return "0";

        var groups = new List<string>();
        if (record.Date is not null) groups.Add("time");
        if (record.Subjects.Count > 0) groups.Add("subject");
        if (!string.IsNullOrWhiteSpace(record.Genre)) groups.Add("subject");
        if (record.Authorities.Any(a => a.Kind == AuthorityKind.Person)) groups.Add("agent");
        if (record.Authorities.Any(a => a.Kind == AuthorityKind.Institution)) groups.Add("agent");
        if (record.Authorities.Any(a => a.Kind == AuthorityKind.Place)) groups.Add("place");
        var elements = groups.Count;
        var distinctGroups = groups.Distinct().Count();
        var enabling = elements >= 4 && distinctGroups >= 2 ? 3 : elements >= 3 && distinctGroups >= 2 ? 2 : elements >= 1 ? 1 : 0;

        var entities = record.Authorities.Select(a => a.AuthorityId).Distinct(StringComparer.Ordinal).Count();
        var contextual = entities >= 2 ? 3 : entities == 1 ? 2 : 1;

        const int language = 3;
        return Math.Min(language, Math.Min(enabling, contextual)) switch { 0 => "0", 1 => "A", 2 => "B", _ => "C" };
    }

    private static string Normalize(string? uri) =>
        (uri ?? "").Trim().Replace("https://", "http://", StringComparison.OrdinalIgnoreCase);
}

/// <summary>How many records fall in each tier.</summary>
public sealed class TierDistribution
{
    public SortedDictionary<int, int> Content { get; } = [];
    public SortedDictionary<string, int> Metadata { get; } = new(StringComparer.Ordinal);
    public int Records { get; private set; }

    public void Add(Record record)
    {
        Records++;
        var content = EuropeanaTierRule.ContentTier(record);
        Content[content] = Content.GetValueOrDefault(content) + 1;
        var metadata = EuropeanaTierRule.MetadataTier(record);
        Metadata[metadata] = Metadata.GetValueOrDefault(metadata) + 1;
    }

    public void WriteTo(TextWriter output)
    {
        output.WriteLine($"Published records: {Records}");
        output.WriteLine("Content tier:");
        for (var tier = 0; tier <= 4; tier++) output.WriteLine($"  {tier}: {Content.GetValueOrDefault(tier)}");
        output.WriteLine("Metadata tier:");
        foreach (var tier in new[] { "0", "A", "B", "C" }) output.WriteLine($"  {tier}: {Metadata.GetValueOrDefault(tier)}");
    }
}
