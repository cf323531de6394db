using System.Text.RegularExpressions;
using HafizaIzmir.Archive.Domain;

namespace HafizaIzmir.Archive.Ingest;

/// <summary>A name in a record's persons/institutions/places cell, with its optional role; the id is set once matched.</summary>
public sealed record NameCell(AuthorityKind Kind, string Name, string? Role, string Column)
{
    public string? AuthorityId { get; set; }
}

/// <summary>One parsed row of the records CSV.</summary>
public sealed class RecordRow
{
    public required int Line { get; init; }
    public required string Identifier { get; init; }
    public string? Parent { get; init; }
    public required Level Level { get; init; }
    public required LocalizedText Title { get; init; }
    public EdtfDate? Date { get; init; }
    public EuropeanaType? Type { get; init; }
    public string? Genre { get; init; }
    public LocalizedText? Description { get; init; }
    public IReadOnlyList<string> Languages { get; init; } = [];
    public IReadOnlyList<NameCell> Names { get; init; } = [];
    public IReadOnlyList<Axis> Axes { get; init; } = [];
    public IReadOnlyList<string> Subjects { get; init; } = [];
    public string? Rights { get; init; }
    public IReadOnlyList<SourceFile> Files { get; init; } = [];
    /// <summary>The columns the file has: an absent column leaves the stored value alone.</summary>
    public required IReadOnlySet<string> Columns { get; init; }
}

/// <summary>What the records CSV is read against.</summary>
public sealed record RecordsCsvOptions(bool Publish, string? FilesDir, FileProbe Probe);

/// <summary>The records CSV format: columns and cell-by-cell parsing (cross-row checks are in <see cref="RecordResolution"/>).</summary>
public static partial class RecordsCsv
{
    public static readonly string[] Columns =
    [
        "identifier", "parent", "level", "title", "title_en", "date", "type", "genre", "description", "description_en",
        "language", "persons", "institutions", "places", "axes", "subjects", "rights", "files",
    ];

    private static readonly string[] RequiredColumns = ["identifier", "level", "title"];

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    public static partial Regex IdentifierPattern();

    [GeneratedRegex(@"^https?://rightsstatements\.org/vocab/[A-Za-z]+(-[A-Za-z]+)*/1\.0/$")]
    private static partial Regex RightsStatementPattern();

    [GeneratedRegex(@"^https?://creativecommons\.org/(licenses|publicdomain)/[A-Za-z0-9.+-]+(/[A-Za-z0-9.+-]+)*/?$")]
    private static partial Regex CreativeCommonsPattern();

    [GeneratedRegex(@"^[a-z]{2,3}$")]
    private static partial Regex LanguagePattern();

    private const string IdentifierRule = "a valid identifier (a letter or digit, then up to 99 letters, digits, '.', '_' or '-')";

    /// <summary>Every row whose key cells parsed, issues added for every bad cell; only an issue-free result may be written.</summary>
    public static IReadOnlyList<RecordRow> Parse(byte[] bytes, RecordsCsvOptions options, IssueList issues, out int rowsRead)
    {
        // Rows with cell errors stay in so the cross-row checks see them (no cascade of "unknown parent").
        return CsvHeader.ParseRows(bytes, Columns, RequiredColumns, issues, out rowsRead,
            (cells, columns) => ParseRow(cells, options, columns));
    }

    private static RecordRow? ParseRow(RowCells cells, RecordsCsvOptions options, IReadOnlySet<string> columns)
    {
        var identifier = cells.Required("identifier");
        if (identifier.Length > 0 && !IdentifierPattern().IsMatch(identifier)) cells.Error("identifier", $"'{identifier}' is not {IdentifierRule}");
        var parent = cells.Matching("parent", IdentifierPattern(), IdentifierRule);
        var levelText = cells.Required("level");
        var level = levelText.Length == 0 ? null : cells.Term("level", levelText, Vocabulary.Levels, "level");
        var title = cells.Required("title");
        var rights = ParseRights(cells, options.Publish);
        var row = new RecordRow
        {
            Line = cells.Line,
            Identifier = identifier,
            Parent = parent,
            Level = level ?? Level.Item,
            Title = new LocalizedText(title, cells.Optional("title_en")),
            Date = cells.Edtf("date"),
            Type = cells.Term("type", Vocabulary.Types, "type"),
            Genre = cells.Optional("genre"),
            Description = cells.Localized("description", "description_en"),
            Languages = ParseLanguages(cells),
            Names = [.. ParseNames(cells, "persons", AuthorityKind.Person), .. ParseNames(cells, "institutions", AuthorityKind.Institution), .. ParseNames(cells, "places", AuthorityKind.Place)],
            Axes = cells.List("axes").Select(a => cells.Term("axes", a, Vocabulary.Axes, "axis")).OfType<Axis>().Distinct().ToArray(),
            Subjects = cells.List("subjects").Distinct().ToArray(),
            Rights = rights,
            Files = RecordFiles.Check(cells, options),
            Columns = columns,
        };
        return level is null || identifier.Length == 0 ? null : row;
    }

    private static string? ParseRights(RowCells cells, bool publish)
    {
        var rights = cells.Optional("rights");
        if (rights is null)
        {
            if (publish) cells.Error("rights", "missing rights on publish: a published record needs a rightsstatements.org or Creative Commons URI");
            return null;
        }
        if (RightsStatementPattern().IsMatch(rights) || CreativeCommonsPattern().IsMatch(rights)) return rights;
        cells.Error("rights", $"'{rights}' is not a rightsstatements.org URI (http://rightsstatements.org/vocab/InC/1.0/) or a Creative Commons URI (https://creativecommons.org/licenses/by/4.0/)");
        return null;
    }

    private static IReadOnlyList<string> ParseLanguages(RowCells cells)
    {
        var languages = new List<string>();
        foreach (var code in cells.List("language"))
        {
            if (LanguagePattern().IsMatch(code)) languages.Add(code);
            else cells.Error("language", $"'{code}' is not an ISO 639 language code (two or three lowercase letters: tr, ota, fr …)");
        }
        return languages.Distinct().ToArray();
    }

    /// <summary><c>Şerif Remzi Reyent|creator;Kordon</c>: names, each with an optional role.</summary>
    private static IEnumerable<NameCell> ParseNames(RowCells cells, string column, AuthorityKind kind)
    {
        foreach (var item in cells.List(column))
        {
            var bar = item.IndexOf('|');
            var name = (bar < 0 ? item : item[..bar]).Trim();
            var role = bar < 0 ? null : item[(bar + 1)..].Trim();
            if (name.Length == 0)
            {
                cells.Error(column, $"'{item}' has no name before '|'");
                continue;
            }
            yield return new NameCell(kind, name, string.IsNullOrEmpty(role) ? null : role, column);
        }
    }
}
