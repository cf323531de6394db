using System.Text;

namespace HafizaIzmir.Tests.Demo;

/// <summary>One CSV row with the line number it starts on, so a failure points at the file.</summary>
public sealed record CsvRow(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// A deliberately small RFC 4180 reader, kept apart from the real importer so the bundled CSVs are
/// checked against the contract rather than against whatever the importer happens to accept.
/// </summary>
public static class Rfc4180
{
    public static List<CsvRow> Parse(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var rows = new List<CsvRow>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var rowStart = 1;
        var i = 0;
        var fieldStarted = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"' && field.Length == 0 && !fieldStarted)
            {
                fieldStarted = true;
                i++;
                while (true)
                {
                    if (i >= text.Length) throw new FormatException($"line {rowStart}: quoted field is never closed");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    if (text[i] == '\n') line++;
                    field.Append(text[i++]);
                }
                if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    throw new FormatException($"line {line}: text after a closing quote");
                continue;
            }
            if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                fieldStarted = false;
                i++;
                continue;
            }
            if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                i++;
                fields.Add(field.ToString());
                rows.Add(new CsvRow(rowStart, fields.ToArray()));
                fields.Clear();
                field.Clear();
                fieldStarted = false;
                line++;
                rowStart = line;
                continue;
            }
            if (c == '"') throw new FormatException($"line {line}: a quote inside an unquoted field");
            field.Append(c);
            fieldStarted = true;
            i++;
        }
        if (fieldStarted || fields.Count > 0)
        {
            fields.Add(field.ToString());
            rows.Add(new CsvRow(rowStart, fields.ToArray()));
        }
        return rows;
    }

    /// <summary>Rows as column → value maps, after checking every row has as many fields as the header.</summary>
    public static (IReadOnlyList<string> Header, List<(int Line, Dictionary<string, string> Cells)> Rows) Table(string text)
    {
        var all = Parse(text);
        if (all.Count == 0) throw new FormatException("line 1: no header row");
        var header = all[0].Fields;
        var rows = new List<(int, Dictionary<string, string>)>();
        foreach (var row in all.Skip(1))
        {
            if (row.Fields.Count != header.Count)
                throw new FormatException($"line {row.Line}: {row.Fields.Count} fields, header has {header.Count}");
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 0; c < header.Count; c++) cells[header[c]] = row.Fields[c];
            rows.Add((row.Line, cells));
        }
        return (header, rows);
    }
}
