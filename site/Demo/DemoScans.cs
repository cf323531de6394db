using System.Text;
using HafizaIzmir.Archive.Images;

namespace HafizaIzmir.Site.Demo;

/// <summary>One scan the demo records name: where it goes and how it is drawn.</summary>
public sealed record DemoScan(string RelativePath, int Width, int Height, int Seed, string Title, string Format);

/// <summary>
/// Draws the scans the demo collection's <c>files</c> column names, so the repository carries no binary
/// images. The seed comes from the file name, so every run draws the same pixels and re-running is harmless.
/// </summary>
public static class DemoScans
{
    /// <summary>Where the build puts the bundled records CSV.</summary>
    public static string BundledRecords => Path.Combine(AppContext.BaseDirectory, "Demo", "records.csv");

    /// <summary>Every scan named in the records CSV, in file order.</summary>
    public static IReadOnlyList<DemoScan> Plan(string recordsCsvPath)
    {
        var rows = ReadCsv(File.ReadAllText(recordsCsvPath, Encoding.UTF8));
        if (rows.Count == 0) throw new InvalidDataException($"{recordsCsvPath}: no header row");
        var header = rows[0];
        int Column(string name) => header.IndexOf(name) is var i and >= 0 ? i : throw new InvalidDataException($"{recordsCsvPath}: no '{name}' column");
        var (files, title, genre) = (Column("files"), Column("title"), header.IndexOf("genre"));
        var scans = new List<DemoScan>();
        foreach (var row in rows.Skip(1))
        {
            var pages = row[files].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            // Postcards are landscape; letters, invoices and photographs are drawn as portrait sheets.
            var landscape = genre >= 0 && row[genre] == "kartpostal";
            for (var page = 0; page < pages.Length; page++)
            {
                var path = pages[page];
                if (Path.IsPathRooted(path) || path.Split('/', '\\').Contains(".."))
                    throw new InvalidDataException($"{recordsCsvPath}: scan path '{path}' leaves the output directory");
                scans.Add(new DemoScan(path, landscape ? 1400 : 1000, landscape ? 900 : 1400, SeedOf(path),
                    $"{row[title]} ({page + 1}/{pages.Length})", FormatOf(path)));
            }
        }
        return scans;
    }

    /// <summary>Writes every planned scan that is not there yet; returns how many were written.</summary>
    public static int Create(string recordsCsvPath, string outputDir)
    {
        var written = 0;
        foreach (var scan in Plan(recordsCsvPath))
        {
            var target = Path.Combine(outputDir, scan.RelativePath);
            if (File.Exists(target)) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var bytes = SyntheticScan.Generate(scan.Width, scan.Height, scan.Seed, scan.Title, scan.Format);
            // Write beside and rename, so an interrupted run never leaves a truncated image that a rerun would skip.
            var temporary = target + ".partial";
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, target, overwrite: true);
            written++;
        }
        return written;
    }

    /// <summary>FNV-1a over the UTF-8 file name: stable across runs and platforms, unlike string.GetHashCode.</summary>
    public static int SeedOf(string relativePath)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(relativePath.Replace('\\', '/')))
            hash = (hash ^ b) * 16777619u;
        return (int)(hash & 0x7FFFFFFF);
    }

    private static string FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => "jpeg",
        ".png" => "png",
        ".tif" or ".tiff" => "tiff",
        var other => throw new InvalidDataException($"scan '{path}': no synthetic format for '{other}'"),
    };

    // A small RFC 4180 reader: only the bundled, known-good CSV passes through here.
    private static List<List<string>> ReadCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
        return rows;
    }
}
