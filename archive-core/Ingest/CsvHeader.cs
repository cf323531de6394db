namespace HafizaIzmir.Archive.Ingest;

/// <summary>
/// The header row of an import file, checked against the columns a format knows: every required
/// column present, no unknown and no repeated column. Column names match case-insensitively.
/// </summary>
public sealed class CsvHeader
{
    private readonly Dictionary<string, int> _index;

    private CsvHeader(Dictionary<string, int> index) => _index = index;

    public int Count => _index.Count;

    public bool Has(string column) => _index.ContainsKey(column);

    /// <summary>The trimmed cell of <paramref name="column"/>; empty when the column is absent.</summary>
    public string Cell(CsvRow row, string column) =>
        _index.TryGetValue(column, out var i) && i < row.Cells.Count ? row.Cells[i].Trim() : "";

    /// <summary>Null (with issues added) when the header is unusable.</summary>
    /// <summary>
    /// Reads a whole file of one format: checks its header against the known and required columns, then
    /// turns each row of the right width into a value with <paramref name="parseRow"/> (null to drop a row
    /// whose key cells are unusable). Every problem goes into <paramref name="issues"/>.
    /// </summary>
    public static IReadOnlyList<T> ParseRows<T>(byte[] bytes, IReadOnlyCollection<string> known, IReadOnlyCollection<string> required,
        IssueList issues, out int rowsRead, Func<RowCells, IReadOnlySet<string>, T?> parseRow) where T : class
    {
        rowsRead = 0;
        IReadOnlyList<CsvRow> csv;
        try
        {
            csv = CsvReader.Read(bytes);
        }
        catch (CsvFormatException e)
        {
            issues.Add(e.Line, null, e.Reason);
            return [];
        }
        var header = Validate(csv.FirstOrDefault(), known, required, issues);
        rowsRead = Math.Max(0, csv.Count - 1);
        if (header is null) return [];
        var columns = known.Where(header.Has).ToHashSet(StringComparer.Ordinal);
        var rows = new List<T>();
        foreach (var row in csv.Skip(1))
        {
            if (!header.CheckWidth(row, issues)) continue;
            if (parseRow(new RowCells(header, row, issues), columns) is { } parsed) rows.Add(parsed);
        }
        return rows;
    }

    public static CsvHeader? Validate(CsvRow? header, IReadOnlyCollection<string> known, IReadOnlyCollection<string> required, IssueList issues)
    {
        if (header is null)
        {
            issues.Add(1, null, "the file is empty: a header row is required");
            return null;
        }
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var ok = true;
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var name = header.Cells[i].Trim();
            var canonical = known.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
            if (canonical is null)
            {
                issues.Add(header.Line, name, name.Length == 0
                    ? $"column {i + 1} has no name"
                    : $"unknown column '{name}' (known columns: {string.Join(", ", known)})");
                ok = false;
            }
            else if (!index.TryAdd(canonical, i))
            {
                issues.Add(header.Line, canonical, $"column '{canonical}' appears more than once");
                ok = false;
            }
        }
        foreach (var column in required.Where(r => !index.ContainsKey(r)))
        {
            issues.Add(header.Line, column, $"missing required column '{column}'");
            ok = false;
        }
        return ok ? new CsvHeader(index) : null;
    }

    /// <summary>False (with an issue added) when the row's cell count differs from the header's.</summary>
    public bool CheckWidth(CsvRow row, IssueList issues)
    {
        if (row.Cells.Count == _index.Count) return true;
        issues.Add(row.Line, null, $"the row has {row.Cells.Count} cells but the header has {_index.Count}");
        return false;
    }
}

/// <summary>The issues of one input file, labelled with its name.</summary>
public sealed class IssueList(string? file)
{
    private readonly List<ImportIssue> _items = [];

    public IReadOnlyList<ImportIssue> Items => _items;
    public int Count => _items.Count;

    public void Add(int line, string? column, string message) => _items.Add(new ImportIssue(line, column, message) { File = file });
}
