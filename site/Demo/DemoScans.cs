using System.Text;
using HafizaIzmir.Archive.Images;
using HafizaIzmir.Archive.Ingest;

namespace HafizaIzmir.Site.Demo;

/// <summary>One scan the demo records name: where it goes and how it is drawn.</summary>
public sealed record DemoScan(string RelativePath, int Width, int Height, int Seed, string Title, ScanFormat Format);

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
        var rows = CsvReader.Read(File.ReadAllBytes(recordsCsvPath)).Select(r => r.Cells.ToList()).ToList();
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
            var bytes = SyntheticScan.Render(scan.Width, scan.Height, scan.Seed, scan.Title, scan.Format);
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

    private static ScanFormat FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => ScanFormat.Jpeg,
        ".png" => ScanFormat.Png,
        ".tif" or ".tiff" => ScanFormat.Tiff,
        var other => throw new InvalidDataException($"scan '{path}': no synthetic format for '{other}'"),
    };
}
