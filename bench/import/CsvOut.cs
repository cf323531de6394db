using System.Text;

namespace HafizaIzmir.Bench.Import;

/// <summary>Writes RFC 4180 rows in UTF-8 without BOM, quoting only where a field needs it.</summary>
public sealed class CsvOut : IDisposable
{
    private readonly StreamWriter writer;
    private readonly int columns;

    public CsvOut(string path, IReadOnlyList<string> header)
    {
        writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        columns = header.Count;
        Row(header);
    }

    public int Rows { get; private set; } = -1;

    public void Row(IReadOnlyList<string> fields)
    {
        if (fields.Count != columns) throw new ArgumentException($"row has {fields.Count} fields, header has {columns}");
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) writer.Write(',');
            var f = fields[i];
            if (f.AsSpan().IndexOfAny(",\"\r\n") < 0) writer.Write(f);
            else writer.Write('"' + f.Replace("\"", "\"\"") + '"');
        }
        writer.WriteLine();
        Rows++;
    }

    public void Dispose() => writer.Dispose();
}
