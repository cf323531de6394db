using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Oai.Formats;

namespace HafizaIzmir.Oai.Tiers;

/// <summary>
/// Content tier, media criterion (images and texts): the largest image's size, or for a TEXT a PDF.
/// 0.1 MP reaches tier 1, 0.42 MP tier 2, 0.95 MP (or a PDF for a text) allows tiers 3 and 4, which the
/// rights then decide.
/// </summary>
public static class MediaCriterion
{
    public const string Name = "media";
    public const double Tier1Megapixels = 0.1;
    public const double Tier2Megapixels = 0.42;
    public const double Tier3Megapixels = 0.95;

    public static TierFinding Classify(Record record)
    {
        var type = RecordFacts.EdmType(record);
        var best = record.Files.Select(RecordFacts.Megapixels).DefaultIfEmpty(0).Max();
        var mp = $"{N(best)} MP";
        if (type == EuropeanaType.Text && record.Files.Any(OaiLinks.IsPdf))
            return Found(4, "a PDF of the text is available", null);
        if (type is EuropeanaType.Sound or EuropeanaType.Video or EuropeanaType.ThreeD)
            return record.Files.Count == 0
                ? Found(0, $"no {type.EdmType()} file", "attach the media file")
                : Found(1, $"a {type.EdmType()} file is present; only images and texts are assessed beyond tier 1", null);
        if (record.Files.Count == 0)
            return Found(0, "no file: Europeana would show only a link", type == EuropeanaType.Text
                ? $"attach a scan of at least {N(Tier3Megapixels)} MP or a PDF"
                : $"attach an image of at least {N(Tier1Megapixels)} MP");
        var raiseText = type == EuropeanaType.Text ? " or a PDF" : "";
        return best switch
        {
            >= Tier3Megapixels => Found(4, $"the largest image has {mp} (at least {N(Tier3Megapixels)} MP)", null),
            >= Tier2Megapixels => Found(2, $"the largest image has {mp}, below {N(Tier3Megapixels)} MP",
                $"provide an image of at least {N(Tier3Megapixels)} MP{raiseText}"),
            >= Tier1Megapixels => Found(1, $"the largest image has {mp}, below {N(Tier2Megapixels)} MP",
                $"provide an image of at least {N(Tier2Megapixels)} MP"),
            _ => Found(0, $"the largest image has {mp}, below {N(Tier1Megapixels)} MP (or its size is unknown)",
                $"provide an image of at least {N(Tier1Megapixels)} MP{raiseText}"),
        };
    }

    private static TierFinding Found(int level, string why, string? raise) => new(TierScale.Content, Name, level, why, raise);

    private static string N(double value) => value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// Content tier, rights criterion: open statements (CC BY, CC BY-SA, CC0, PDM) allow tier 4, restricted
/// ones (the NC and ND licences, NoC-NC, NoC-OKLR, InC-EDU) tier 3, anything else (InC, InC-OW-EU, CNE, or
/// a statement Europeana does not accept) tier 2.
/// </summary>
public static class RightsCriterion
{
    public const string Name = "rights";
    public const int OpenTier = 4;
    public const int RestrictedTier = 3;
    public const int OtherTier = 2;

    public static TierFinding Classify(Record record)
    {
        var uri = EdmRights.Normalize(record.Rights);
        return EdmRights.Reuse(record.Rights) switch
        {
            ReuseLevel.Open => new(TierScale.Content, Name, OpenTier, $"{uri} allows free reuse", null),
            ReuseLevel.Restricted => new(TierScale.Content, Name, RestrictedTier, $"{uri} allows reuse with restrictions",
                "an open statement (CC BY, CC BY-SA, CC0 or the Public Domain Mark) would allow tier 4"),
            _ => new(TierScale.Content, Name, OtherTier,
                uri is null
                    ? $"the rights '{record.Rights}' are not a statement Europeana accepts (written as {EdmRights.CopyrightNotEvaluated})"
                    : $"{uri} does not permit reuse",
                "a statement that permits reuse (e.g. CC BY-NC for tier 3, CC BY or the Public Domain Mark for tier 4)"),
        };
    }
}
