using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Oai.Formats;
using HafizaIzmir.Oai.Source;

namespace HafizaIzmir.Oai.Tiers;

/// <summary>
/// Metadata tier, language criterion: the share of the language-relevant properties our EDM gives a
/// ProvidedCHO that carry a language tag, directly or through a contextual entity with a tagged label.
/// </summary>
public static class LanguageCriterion
{
    public const string Name = "language";
    public const double TierAShare = 0.25;
    public const double TierBShare = 0.50;
    public const double TierCShare = 0.75;

    /// <summary>
    /// The language-relevant properties of the Publishing Framework that our mapping writes, and whether each
    /// is language-qualified there: titles, descriptions and dc:type are tagged literals; dc:subject and
    /// dcterms:spatial point at concepts, agents and places whose labels are tagged; dcterms:isPartOf points at
    /// another object, which has no label of its own.
    /// </summary>
    public static IReadOnlyList<(string Property, bool Tagged)> Properties(OaiItem item)
    {
        var r = item.Record;
        var linked = RecordFacts.Linked(item).ToList();
        var list = new List<(string, bool)> { ("dc:title", true), ("dc:type", true) };
        if (r.Description is not null) list.Add(("dc:description", true));
        if (r.Subjects.Count > 0 || linked.Any(p => p.Authority is not Place && RecordFacts.RoleOf(p.Link) == AgentRole.Subject))
            list.Add(("dc:subject", true));
        if (linked.Any(p => p.Authority is Place)) list.Add(("dcterms:spatial", true));
        if (r.Parent is not null) list.Add(("dcterms:isPartOf", false));
        return list;
    }

    public static TierFinding Classify(OaiItem item)
    {
        var properties = Properties(item);
        var tagged = properties.Count(p => p.Tagged);
        var share = (double)tagged / properties.Count;
        var level = share >= TierCShare ? 3 : share >= TierBShare ? 2 : share >= TierAShare ? 1 : 0;
        var untagged = string.Join(", ", properties.Where(p => !p.Tagged).Select(p => p.Property));
        var why = $"{tagged} of {properties.Count} language-relevant properties are language-tagged ({Percent(share)})"
            + (untagged.Length > 0 ? $"; not tagged: {untagged}" : "");
        string? raise = level == 3 ? null
            : $"reach {Percent(Threshold(level + 1))}: add a description, subjects or linked places (each is tagged)";
        return new TierFinding(TierScale.Metadata, Name, level, why, raise);
    }

    private static string Percent(double share) => Math.Round(share * 100).ToString(System.Globalization.CultureInfo.InvariantCulture) + "%";

    private static double Threshold(int level) => level switch { 1 => TierAShare, 2 => TierBShare, _ => TierCShare };
}

/// <summary>
/// Metadata tier, enabling elements: properties that let people browse by time, subject, agent or place.
/// Tier A needs 1 element from 1 group, B 3 elements from 2 groups, C 4 elements from 2 groups.
/// </summary>
public static class EnablingElementsCriterion
{
    public const string Name = "enabling elements";
    public static readonly (int Elements, int Groups) TierA = (1, 1), TierB = (3, 2), TierC = (4, 2);

    /// <summary>The enabling elements our mapping writes, by the browsing they enable.</summary>
    public static IReadOnlyList<(string Element, string Group)> Present(OaiItem item)
    {
        var r = item.Record;
        var roles = RecordFacts.Linked(item).Select(p => p.Authority is Place ? (AgentRole?)null : RecordFacts.RoleOf(p.Link)).ToList();
        var list = new List<(string, string)> { ("dc:type", "subject") };
        if (r.Date is not null) list.AddRange([("dc:date", "time"), ("dcterms:created", "time")]);
        if (r.Subjects.Count > 0 || roles.Contains(AgentRole.Subject)) list.Add(("dc:subject", "subject"));
        if (roles.Contains(AgentRole.Creator)) list.Add(("dc:creator", "agent"));
        if (roles.Contains(AgentRole.Contributor)) list.Add(("dc:contributor", "agent"));
        if (roles.Contains(null)) list.Add(("dcterms:spatial", "place"));
        return list;
    }

    public static TierFinding Classify(OaiItem item)
    {
        var present = Present(item);
        var elements = present.Count;
        var groups = present.Select(p => p.Group).Distinct().Count();
        var level = Meets(TierC) ? 3 : Meets(TierB) ? 2 : Meets(TierA) ? 1 : 0;
        var why = $"{elements} enabling elements ({string.Join(", ", present.Select(p => p.Element))}) from {groups} groups";
        var next = level switch { 0 => TierA, 1 => TierB, _ => TierC };
        string? raise = level == 3 ? null
            : $"reach {next.Elements} elements from {next.Groups} groups: add a date, subjects, a creator or a place";
        return new TierFinding(TierScale.Metadata, Name, level, why, raise);

        bool Meets((int Elements, int Groups) t) => elements >= t.Elements && groups >= t.Groups;
    }
}

/// <summary>
/// Metadata tier, contextual classes: kinds of linked entity (agent, place, concept) with at least one
/// entity that carries what Europeana requires (see <see cref="EdmContext.Qualifies"/>). Tier A needs none,
/// B one kind, C two.
/// </summary>
public static class ContextualClassesCriterion
{
    public const string Name = "contextual classes";
    public const int TierA = 0, TierB = 1, TierC = 2;

    public static TierFinding Classify(OaiItem item)
    {
        var qualifying = RecordFacts.Linked(item).Select(p => p.Authority).Where(EdmContext.Qualifies)
            .Select(a => a is Place ? "edm:Place" : "edm:Agent").Distinct().Order(StringComparer.Ordinal).ToList();
        var count = qualifying.Count;
        var level = count >= TierC ? 3 : count >= TierB ? 2 : 1;
        var why = count == 0
            ? "no linked person or institution with dates or a profession, and no place with coordinates"
            : $"qualifying contextual classes: {string.Join(", ", qualifying)}";
        string? raise = level == 3 ? null
            : qualifying.Contains("edm:Agent") ? "link a place that has latitude and longitude"
            : qualifying.Contains("edm:Place") ? "link a person or institution that has dates or a profession"
            : "link a person with dates or a profession, or a place with coordinates";
        return new TierFinding(TierScale.Metadata, Name, level, why, raise);
    }
}
