using System.Globalization;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Text;

namespace HafizaIzmir.Archive.Ingest;

/// <summary>
/// Reads the cells of one row by column name and turns each into a typed value, adding an issue
/// (line, column, reason) for anything that does not parse. Every getter returns something usable
/// even after an error so that one pass reports every problem of the row.
/// </summary>
public sealed class RowCells(CsvHeader header, CsvRow row, IssueList issues)
{
    public int Line => row.Line;
    public bool Has(string column) => header.Has(column);

    public void Error(string column, string message) => issues.Add(row.Line, column, message);

    public string? Optional(string column)
    {
        var value = header.Cell(row, column);
        return value.Length == 0 ? null : value;
    }

    public string Required(string column)
    {
        var value = header.Cell(row, column);
        if (value.Length == 0) Error(column, $"'{column}' is required and empty");
        return value;
    }

    /// <summary>The non-empty values of a multi-valued cell (separated by ';').</summary>
    public IReadOnlyList<string> List(string column) =>
        header.Cell(row, column).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public EdtfDate? Edtf(string column) => ParseEdtf(Optional(column), column);

    public EdtfDate? ParseEdtf(string? text, string column)
    {
        if (text is null) return null;
        if (EdtfDate.TryParse(text, out var date, out var error)) return date;
        Error(column, error);
        return null;
    }

    /// <summary>A term of a controlled list; written exactly, or matching after Turkish folding (<c>yaraticilik</c>).</summary>
    public T? Term<T>(string column, string? value, IReadOnlyDictionary<string, T> terms, string what) where T : struct
    {
        if (value is null) return null;
        if (terms.TryGetValue(value, out var exact)) return exact;
        var folded = TurkishText.Fold(value);
        foreach (var (code, term) in terms)
            if (TurkishText.Fold(code) == folded) return term;
        Error(column, $"'{value}' is not a known {what} (one of: {string.Join(", ", terms.Keys)})");
        return null;
    }

    public T? Term<T>(string column, IReadOnlyDictionary<string, T> terms, string what) where T : struct =>
        Term(column, Optional(column), terms, what);

    public double? Number(string column, double min, double max)
    {
        var text = Optional(column);
        if (text is null) return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            Error(column, $"'{text}' is not a decimal number (use a dot: 38.4237)");
            return null;
        }
        if (value < min || value > max)
        {
            Error(column, $"{text} is out of range [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]");
            return null;
        }
        return value;
    }

    /// <summary>The cell when it matches <paramref name="pattern"/>, else an issue saying what was expected.</summary>
    public string? Matching(string column, System.Text.RegularExpressions.Regex pattern, string expected)
    {
        var text = Optional(column);
        if (text is null || pattern.IsMatch(text)) return text;
        Error(column, $"'{text}' is not {expected}");
        return null;
    }

    /// <summary>
    /// Turkish text with its optional English counterpart. English alone is accepted (a letter written in
    /// English may be described only in English); the Turkish side is then empty.
    /// </summary>
    public LocalizedText? Localized(string trColumn, string enColumn)
    {
        var tr = Optional(trColumn);
        var en = Optional(enColumn);
        return tr is null && en is null ? null : new LocalizedText(tr ?? "", en);
    }
}
