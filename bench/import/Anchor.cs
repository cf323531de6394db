using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace HafizaIzmir.Bench.Import;

/// <summary>
/// The yardstick for the import figures: the cheapest durable thing an import could do per row — write one
/// small JSON file and fsync it — measured on the same disk, so "import / anchor" says how much the
/// archive's real work costs beyond the disk's floor.
/// </summary>
public static class Anchor
{
    public static TimeSpan Run(int count, string outDir)
    {
        Directory.CreateDirectory(outDir);
        var random = new Random(7);
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            // A thousand files per directory, like one directory per stored object spread over shards.
            var dir = Path.Combine(outDir, (i / 1000).ToString("D4"));
            if (i % 1000 == 0) Directory.CreateDirectory(dir);
            var json = JsonSerializer.SerializeToUtf8Bytes(new
            {
                identifier = $"ANC-{i:D6}",
                title = "Bir tüccarın mektubu",
                description = new string('x', 200 + random.Next(1200)),
                created = DateTimeOffset.UnixEpoch.AddSeconds(i).ToString("O"),
            });
            using var stream = new FileStream(Path.Combine(dir, $"{i:D6}.json"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096);
            stream.Write(json);
            stream.Flush(flushToDisk: true);
        }
        stopwatch.Stop();
        return stopwatch.Elapsed;
    }

    public static string Describe(int count, TimeSpan elapsed) =>
        new StringBuilder().Append($"anchor: {count} JSON files written with fsync in {elapsed.TotalSeconds:F2} s")
            .Append($" = {count / Math.Max(elapsed.TotalSeconds, 1e-9):F0} files/s").ToString();
}
