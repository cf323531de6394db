using System.Text.RegularExpressions;
using HafizaIzmir.Archive.Domain;

namespace HafizaIzmir.Archive.Ingest;

/// <summary>A relation as written in the CSV: its target is a name until the directory resolves it.</summary>
public sealed record RelationCell(RelationType Type, string TargetName, EdtfDate? Period)
{
    public string? TargetId { get; set; }
}

/// <summary>One parsed row of the authorities CSV. <see cref="Id"/> is set once the row is matched or given a new id.</summary>
public sealed class AuthorityRow
{
    public required int Line { get; init; }
    public required AuthorityKind Kind { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<AuthorityName> Variants { get; init; } = [];
    public EdtfDate? Dates { get; init; }
    public string? Subtype { get; init; }
    public LocalizedText? Description { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public string? PartOfName { get; init; }
    public IReadOnlyList<RelationCell> Relations { get; init; } = [];
    public ExternalIds External { get; init; } = new();
    /// <summary>The columns the file has: an absent column leaves the stored value alone.</summary>
    public required IReadOnlySet<string> Columns { get; init; }

    public string Id { get; set; } = "";
    public bool UpdatesStored { get; set; }
    public string? PartOfId { get; set; }
}

/// <summary>The authorities CSV format: columns and cell-by-cell parsing.</summary>
public static partial class AuthoritiesCsv
{
    public static readonly string[] Columns =
    [
        "kind", "name", "variants", "dates", "subtype", "description", "description_en",
        "lat", "long", "part_of", "relations", "wikidata", "viaf", "geonames",
    ];

    private static readonly string[] RequiredColumns = ["kind", "name"];

    [GeneratedRegex(@"^Q[1-9][0-9]*$")]
    private static partial Regex WikidataPattern();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex DigitsPattern();

    /// <summary>Every row whose key cells parsed, issues added for every bad cell; only an issue-free result may be written.</summary>
    public static IReadOnlyList<AuthorityRow> Parse(byte[] bytes, IssueList issues, out int rowsRead)
    {
        // Rows with cell errors stay in so the cross-row checks see them (no cascade of "unknown parent").
        return CsvHeader.ParseRows(bytes, Columns, RequiredColumns, issues, out rowsRead,
            (cells, columns) => ParseRow(cells, columns));
    }

    private static AuthorityRow? ParseRow(RowCells cells, IReadOnlySet<string> columns)
    {
        var kindText = cells.Required("kind");
        var kind = kindText.Length == 0 ? null : cells.Term("kind", kindText, Vocabulary.Kinds, "authority kind");
        var name = cells.Required("name");
        var lat = cells.Number("lat", -90, 90);
        var lon = cells.Number("long", -180, 180);
        if (cells.Optional("lat") is null != (cells.Optional("long") is null))
            cells.Error(cells.Optional("lat") is null ? "lat" : "long", "give both 'lat' and 'long' or neither");
        if (kind is not null and not AuthorityKind.Place)
        {
            if (cells.Optional("lat") is not null || cells.Optional("long") is not null)
                cells.Error(cells.Optional("lat") is not null ? "lat" : "long", "coordinates are only for places");
            if (cells.Optional("part_of") is not null) cells.Error("part_of", "'part_of' is only for places");
        }
        var row = new AuthorityRow
        {
            Line = cells.Line,
            Kind = kind ?? AuthorityKind.Person,
            Name = name,
            Variants = ParseVariants(cells),
            Dates = cells.Edtf("dates"),
            Subtype = cells.Optional("subtype"),
            Description = cells.Localized("description", "description_en"),
            Latitude = lat,
            Longitude = lon,
            PartOfName = cells.Optional("part_of"),
            Relations = ParseRelations(cells),
            External = new ExternalIds
            {
                Wikidata = cells.Matching("wikidata", WikidataPattern(), "a Wikidata id (Q followed by a number without leading zeros)"),
                Viaf = cells.Matching("viaf", DigitsPattern(), "a VIAF id (digits)"),
                Geonames = cells.Matching("geonames", DigitsPattern(), "a GeoNames id (digits)"),
            },
            Columns = columns,
        };
        return kind is null || name.Length == 0 ? null : row;
    }

    /// <summary><c>Punta|../1930;Alsancak Mahallesi</c>: names, each with an optional EDTF period.</summary>
    private static IReadOnlyList<AuthorityName> ParseVariants(RowCells cells)
    {
        var variants = new List<AuthorityName>();
        foreach (var item in cells.List("variants"))
        {
            var bar = item.IndexOf('|');
            var name = (bar < 0 ? item : item[..bar]).Trim();
            if (name.Length == 0)
            {
                cells.Error("variants", $"'{item}' has no name before '|'");
                continue;
            }
            var period = bar < 0 ? null : cells.ParseEdtf(item[(bar + 1)..].Trim(), "variants");
            variants.Add(new AuthorityName(name, period));
        }
        return variants;
    }

    /// <summary><c>founder_of:Reyent ve Şürekâsı|1924;lived_in:Alsancak</c>.</summary>
    private static IReadOnlyList<RelationCell> ParseRelations(RowCells cells)
    {
        var relations = new List<RelationCell>();
        foreach (var item in cells.List("relations"))
        {
            var colon = item.IndexOf(':');
            if (colon < 0)
            {
                cells.Error("relations", $"'{item}' is not TYPE:Name (e.g. founder_of:Reyent ve Şürekâsı|1924)");
                continue;
            }
            var type = cells.Term("relations", item[..colon].Trim(), Vocabulary.Relations, "relation type");
            var rest = item[(colon + 1)..];
            var bar = rest.IndexOf('|');
            var target = (bar < 0 ? rest : rest[..bar]).Trim();
            if (target.Length == 0) cells.Error("relations", $"'{item}' names no target after ':'");
            var period = bar < 0 ? null : cells.ParseEdtf(rest[(bar + 1)..].Trim(), "relations");
            if (type is not null && target.Length > 0) relations.Add(new RelationCell(type.Value, target, period));
        }
        return relations;
    }
}
