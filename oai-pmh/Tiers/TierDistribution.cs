using System.Globalization;
using System.Text;

namespace HafizaIzmir.Oai.Tiers;

/// <summary>How many records reach each content and metadata tier (for <c>hafiza tiers</c>).</summary>
public sealed class TierDistribution
{
    private readonly int[] _content = new int[5];
    private readonly int[] _metadata = new int[4];

    public int Total { get; private set; }
    public int MeetingMinimum { get; private set; }
    public IReadOnlyList<int> ByContent => _content;
    /// <summary>Indexed by <see cref="MetadataTier"/> (0 = below A).</summary>
    public IReadOnlyList<int> ByMetadata => _metadata;

    public void Add(TierReport report)
    {
        _content[report.Content]++;
        _metadata[(int)report.Metadata]++;
        Total++;
        if (report.MeetsEuropeanaMinimum) MeetingMinimum++;
    }

    public static TierDistribution Over(IEnumerable<TierReport> reports)
    {
        var distribution = new TierDistribution();
        foreach (var report in reports) distribution.Add(report);
        return distribution;
    }

    /// <summary>A plain-text table with counts and shares.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine(inv, $"records: {Total}");
        sb.AppendLine("content tier");
        for (var t = 0; t < _content.Length; t++) sb.AppendLine(inv, $"  {t}        {_content[t],8} {Share(_content[t]),7}");
        sb.AppendLine("metadata tier");
        for (var t = 0; t < _metadata.Length; t++)
            sb.AppendLine(inv, $"  {TierFinding.Metadata(t),-8} {_metadata[t],8} {Share(_metadata[t]),7}");
        sb.AppendLine(inv, $"meeting Europeana's minimum (content 1, metadata A): {MeetingMinimum} {Share(MeetingMinimum)}");
        return sb.ToString();
    }

    private string Share(int count) => Total == 0 ? "-" : (count * 100.0 / Total).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
