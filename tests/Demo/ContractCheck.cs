using System.Globalization;
using System.Text.RegularExpressions;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Text;

namespace HafizaIzmir.Tests.Demo;

/// <summary>Names an authority answers to, folded, per kind; built from an authorities CSV.</summary>
public sealed class AuthorityNames
{
    private readonly Dictionary<(string Kind, string Key), List<string>> owners = [];

    public void Add(string kind, string preferredName, string name) =>
        (owners.TryGetValue((kind, TurkishText.Fold(name)), out var list) ? list : owners[(kind, TurkishText.Fold(name))] = []).Add(preferredName);

    /// <summary>Preferred names of the distinct authorities of this kind that answer to the name.</summary>
    public IReadOnlyList<string> Match(string kind, string name) =>
        owners.TryGetValue((kind, TurkishText.Fold(name)), out var list) ? list.Distinct().ToList() : [];

    public bool AnyKind(string name)
    {
        var key = TurkishText.Fold(name);
        return owners.ContainsKey(("person", key)) || owners.ContainsKey(("institution", key)) || owners.ContainsKey(("place", key));
    }

    public IEnumerable<(string Kind, string Key, IReadOnlyList<string> Owners)> Ambiguous() =>
        owners.Where(p => p.Value.Distinct().Count() > 1).Select(p => (p.Key.Kind, p.Key.Key, (IReadOnlyList<string>)p.Value.Distinct().ToList()));
}

/// <summary>Checks CSV text against the "Batch import CSV" and "Authorities CSV" sections of the contract.</summary>
public static partial class ContractCheck
{
    public static readonly string[] RecordColumns =
    [
        "identifier", "parent", "level", "title", "title_en", "date", "type", "genre", "description", "description_en",
        "language", "persons", "institutions", "places", "axes", "subjects", "rights", "files",
    ];

    public static readonly string[] AuthorityColumns =
    [
        "kind", "name", "variants", "dates", "subtype", "description", "description_en", "lat", "long", "part_of",
        "relations", "wikidata", "viaf", "geonames",
    ];

    private static readonly Dictionary<string, string> NameColumnKinds = new()
    {
        ["persons"] = "person",
        ["institutions"] = "institution",
        ["places"] = "place",
    };

    public static IEnumerable<string> Values(string cell) =>
        cell.Split(';').Select(v => v.Trim()).Where(v => v.Length > 0);

    /// <summary>Splits <c>value|suffix</c>; the suffix is empty when there is none.</summary>
    public static (string Value, string Suffix) Qualified(string value)
    {
        var bar = value.IndexOf('|');
        return bar < 0 ? (value.Trim(), "") : (value[..bar].Trim(), value[(bar + 1)..].Trim());
    }

    public static (AuthorityNames Names, List<string> Errors) CheckAuthorities(string csv)
    {
        var errors = new List<string>();
        var names = new AuthorityNames();
        var (header, rows) = Rfc4180.Table(csv);
        CheckHeader(header, AuthorityColumns, ["kind", "name"], errors);
        foreach (var (line, row) in rows)
        {
            var kind = row.GetValueOrDefault("kind", "");
            var name = row.GetValueOrDefault("name", "").Trim();
            if (!Vocabulary.Kinds.ContainsKey(kind)) errors.Add($"line {line}, kind: '{kind}' is not person, institution or place");
            if (name.Length == 0) { errors.Add($"line {line}, name: required"); continue; }
            names.Add(kind, name, name);
            foreach (var (variant, period) in Values(row.GetValueOrDefault("variants", "")).Select(Qualified))
            {
                names.Add(kind, name, variant);
                if (period.Length > 0) CheckDate(line, "variants", period, errors);
            }
            CheckDate(line, "dates", row.GetValueOrDefault("dates", ""), errors);
            CheckCoordinate(line, "lat", row.GetValueOrDefault("lat", ""), 90, errors);
            CheckCoordinate(line, "long", row.GetValueOrDefault("long", ""), 180, errors);
            CheckPattern(line, "wikidata", row.GetValueOrDefault("wikidata", ""), WikidataId(), errors);
            CheckPattern(line, "viaf", row.GetValueOrDefault("viaf", ""), Digits(), errors);
            CheckPattern(line, "geonames", row.GetValueOrDefault("geonames", ""), Digits(), errors);
        }
        foreach (var (kind, key, owners) in names.Ambiguous())
            errors.Add($"{kind} name '{key}' belongs to {owners.Count} authorities: {string.Join(", ", owners)}");
        // References need every name known first, so they are checked in a second pass.
        foreach (var (line, row) in rows)
        {
            var partOf = row.GetValueOrDefault("part_of", "").Trim();
            if (partOf.Length > 0 && names.Match("place", partOf).Count != 1)
                errors.Add($"line {line}, part_of: '{partOf}' is not exactly one place");
            foreach (var relation in Values(row.GetValueOrDefault("relations", "")))
            {
                var colon = relation.IndexOf(':');
                var type = colon < 0 ? relation : relation[..colon];
                if (colon < 0 || !Vocabulary.Relations.ContainsKey(type))
                {
                    errors.Add($"line {line}, relations: '{relation}' does not start with a known TYPE:");
                    continue;
                }
                var (target, period) = Qualified(relation[(colon + 1)..]);
                var expected = RelationTargetKind(Vocabulary.Relations[type]);
                if (expected is null ? !names.AnyKind(target) : names.Match(expected, target).Count != 1)
                    errors.Add($"line {line}, relations: target '{target}' is not exactly one {expected ?? "authority"}");
                if (period.Length > 0) CheckDate(line, "relations", period, errors);
            }
        }
        return (names, errors);
    }

    public static List<string> CheckRecords(string csv, AuthorityNames names, int? minimumRows = null)
    {
        var errors = new List<string>();
        var (header, rows) = Rfc4180.Table(csv);
        CheckHeader(header, RecordColumns, ["identifier", "level", "title"], errors);
        var levels = new Dictionary<string, Level>(StringComparer.Ordinal);
        foreach (var (line, row) in rows)
        {
            var id = row.GetValueOrDefault("identifier", "").Trim();
            var levelText = row.GetValueOrDefault("level", "");
            if (id.Length == 0) errors.Add($"line {line}, identifier: required");
            else if (levels.ContainsKey(id)) errors.Add($"line {line}, identifier: '{id}' appears twice");
            if (!Vocabulary.Levels.TryGetValue(levelText, out var level)) errors.Add($"line {line}, level: '{levelText}' is unknown");
            if (row.GetValueOrDefault("title", "").Trim().Length == 0) errors.Add($"line {line}, title: required");
            var parent = row.GetValueOrDefault("parent", "").Trim();
            if (parent.Length > 0)
            {
                if (!levels.TryGetValue(parent, out var parentLevel)) errors.Add($"line {line}, parent: '{parent}' does not appear earlier");
                else if (parentLevel >= level || parentLevel == Level.Item) errors.Add($"line {line}, parent: a {levelText} cannot sit inside a {parentLevel}");
            }
            if (id.Length > 0) levels.TryAdd(id, level);
            CheckDate(line, "date", row.GetValueOrDefault("date", ""), errors);
            var type = row.GetValueOrDefault("type", "");
            if (type.Length > 0 && !Vocabulary.Types.ContainsKey(type)) errors.Add($"line {line}, type: '{type}' is unknown");
            foreach (var axis in Values(row.GetValueOrDefault("axes", "")))
                if (!Vocabulary.Axes.ContainsKey(axis)) errors.Add($"line {line}, axes: '{axis}' is unknown");
            foreach (var code in Values(row.GetValueOrDefault("language", "")))
                if (!LanguageCode().IsMatch(code)) errors.Add($"line {line}, language: '{code}' is no ISO 639 code");
            var rights = row.GetValueOrDefault("rights", "").Trim();
            if (!RightsUri().IsMatch(rights)) errors.Add($"line {line}, rights: '{rights}' is no rightsstatements.org or Creative Commons URI");
            foreach (var (column, kind) in NameColumnKinds)
                foreach (var (name, role) in Values(row.GetValueOrDefault(column, "")).Select(Qualified))
                {
                    var matches = names.Match(kind, name);
                    if (matches.Count != 1) errors.Add($"line {line}, {column}: '{name}' matches {matches.Count} {kind} authorities");
                    if (role.Length > 0 && !role.All(char.IsAsciiLetterLower)) errors.Add($"line {line}, {column}: role '{role}' is malformed");
                }
            foreach (var file in Values(row.GetValueOrDefault("files", "")))
                if (Path.IsPathRooted(file) || file.Split('/', '\\').Contains(".."))
                    errors.Add($"line {line}, files: '{file}' is not a relative path inside the files directory");
        }
        if (minimumRows is { } min && rows.Count < min) errors.Add($"only {rows.Count} records, expected at least {min}");
        return errors;
    }

    /// <summary>What a relation can point at: firms and bodies are joined, places are lived in; one can own either.</summary>
    private static string? RelationTargetKind(RelationType type) => type switch
    {
        RelationType.FounderOf or RelationType.PartnerIn or RelationType.WorkedFor or RelationType.MemberOf => "institution",
        RelationType.BornIn or RelationType.LivedIn or RelationType.LocatedAt or RelationType.PartOf => "place",
        _ => null,
    };

    private static void CheckHeader(IReadOnlyList<string> header, string[] allowed, string[] required, List<string> errors)
    {
        foreach (var column in header.Where(c => !allowed.Contains(c))) errors.Add($"line 1: unknown column '{column}'");
        foreach (var column in required.Where(c => !header.Contains(c))) errors.Add($"line 1: required column '{column}' is missing");
        foreach (var column in header.GroupBy(c => c).Where(g => g.Count() > 1)) errors.Add($"line 1: column '{column.Key}' appears twice");
    }

    private static void CheckDate(int line, string column, string text, List<string> errors)
    {
        if (text.Trim().Length > 0 && !EdtfDate.TryParse(text, out _, out var error)) errors.Add($"line {line}, {column}: {error}");
    }

    private static void CheckCoordinate(int line, string column, string text, double limit, List<string> errors)
    {
        if (text.Length == 0) return;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || Math.Abs(value) > limit)
            errors.Add($"line {line}, {column}: '{text}' is no WGS84 coordinate");
    }

    private static void CheckPattern(int line, string column, string text, Regex pattern, List<string> errors)
    {
        if (text.Length > 0 && !pattern.IsMatch(text)) errors.Add($"line {line}, {column}: '{text}' is malformed");
    }

    [GeneratedRegex(@"^Q[1-9][0-9]*$")] private static partial Regex WikidataId();
    [GeneratedRegex(@"^[0-9]+$")] private static partial Regex Digits();
    [GeneratedRegex(@"^[a-z]{2,3}$")] private static partial Regex LanguageCode();
    [GeneratedRegex(@"^https?://(rightsstatements\.org/vocab/[A-Za-z-]+/1\.0/|creativecommons\.org/(licenses|publicdomain)/[a-z0-9.-]+(/[0-9.]+)?/)$")]
    private static partial Regex RightsUri();
}
