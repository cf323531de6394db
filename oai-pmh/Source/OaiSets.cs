using System.Text;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Text;

namespace HafizaIzmir.Oai.Source;

/// <summary>
/// The repository's sets: <c>fonds:SRR</c>, <c>fonds:SRR:series:SRR-S01</c> (the hierarchy of fonds and
/// series), <c>eksen:liman</c> (one per axis) and <c>europeana</c>.
/// </summary>
public static class OaiSets
{
    public const string Europeana = "europeana";
    public const string FondsPrefix = "fonds";
    public const string SeriesInfix = "series";
    public const string AxisPrefix = "eksen";

    /// <summary>
    /// The set specs of a record: its fonds and every series above (or at) it, its axes, and
    /// <c>europeana</c> when a cataloguer chose it for Europeana and it passed the readiness check.
    /// A record in <c>fonds:A:series:B</c> is listed in <c>fonds:A</c> as well, so both are given.
    /// </summary>
    public static IReadOnlyList<string> For(Record record, IReadOnlyList<Record> ancestors, bool europeanaReady) =>
        For(ancestors.Append(record).Select(r => (r.Identifier, r.Level)), record.Axes, record.ForEuropeana && europeanaReady);

    /// <summary>
    /// The set specs from a record's line of description (outermost first, the record last), its axes and
    /// whether it belongs in <c>europeana</c> (chosen for Europeana and ready).
    /// </summary>
    public static IReadOnlyList<string> For(IEnumerable<(string Identifier, Level Level)> line, IEnumerable<Axis> axes, bool inEuropeana)
    {
        var specs = new List<string>();
        var levels = line.ToList();
        var fonds = levels.FindIndex(r => r.Level == Level.Fonds);
        if (fonds >= 0)
        {
            var path = $"{FondsPrefix}:{Token(levels[fonds].Identifier)}";
            specs.Add(path);
            foreach (var series in levels.Where(r => r.Level == Level.Series))
            {
                path += $":{SeriesInfix}:{Token(series.Identifier)}";
                specs.Add(path);
            }
        }
        specs.AddRange(axes.Distinct().Select(AxisSpec));
        if (inEuropeana) specs.Add(Europeana);
        return specs;
    }

    public static string AxisSpec(Axis axis) => $"{AxisPrefix}:{Token(axis.Code())}";

    /// <summary>Whether a record in <paramref name="spec"/> belongs to the (possibly higher) set <paramref name="set"/>.</summary>
    public static bool Contains(string set, string spec) =>
        spec == set || (spec.Length > set.Length && spec.StartsWith(set, StringComparison.Ordinal) && spec[set.Length] == ':');

    /// <summary>A human name for a set; fonds and series are named by their title when the title is known.</summary>
    public static string Name(string spec, Func<string, string?> titleOf)
    {
        if (spec == Europeana) return "Europeana";
        var parts = spec.Split(':');
        if (parts[0] == AxisPrefix && parts.Length == 2)
        {
            var axis = Vocabulary.Axes.Keys.FirstOrDefault(k => Token(k) == parts[1]);
            return $"Eksen: {axis ?? parts[1]}";
        }
        var last = parts[^1];
        var title = titleOf(last);
        return title is null ? last : $"{last}: {title}";
    }

    /// <summary>
    /// The protocol allows only unreserved ASCII in a set spec; identifiers and axis names are folded
    /// to it (<c>yaratıcılık</c> → <c>yaraticilik</c>) so a spec is always valid.
    /// </summary>
    public static string Token(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) || "-_.!~*'()".Contains(c)) sb.Append(c);
            else
            {
                var folded = TurkishText.Fold(c.ToString());
                sb.Append(folded.Length == 1 && char.IsAsciiLetterOrDigit(folded[0]) ? folded[0] : '_');
            }
        }
        return sb.Length == 0 ? "_" : sb.ToString();
    }
}
