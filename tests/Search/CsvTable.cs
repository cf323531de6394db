using System.Text;

namespace HafizaIzmir.Tests.Search;

/// <summary>A minimal RFC 4180 reader for the test corpus: rows as column-name → cell.</summary>
internal static class CsvTable
{
    public static List<Dictionary<string, string>> Read(string path)
    {
        var rows = Parse(File.ReadAllText(path, Encoding.UTF8).TrimStart('\uFEFF'));
        var header = rows[0];
        return rows.Skip(1).Where(r => r.Count > 1 || r[0].Length > 0)
            .Select((r, i) => r.Count == header.Count
                ? header.Zip(r).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)
                : throw new FormatException($"{Path.GetFileName(path)} line {i + 2}: {r.Count} cells, header has {header.Count}"))
            .ToList();
    }

    private static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>> { new() };
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { rows[^1].Add(cell.ToString()); cell.Clear(); }
            else if (c == '\n')
            {
                rows[^1].Add(cell.ToString().TrimEnd('\r'));
                cell.Clear();
                rows.Add([]);
            }
            else cell.Append(c);
        }
        if (cell.Length > 0 || rows[^1].Count > 0) rows[^1].Add(cell.ToString());
        else rows.RemoveAt(rows.Count - 1);
        return rows;
    }

    public static IEnumerable<string> Multi(string cell) =>
        cell.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
