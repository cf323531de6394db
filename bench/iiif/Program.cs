using System.Diagnostics;
using System.Globalization;
using HafizaIzmir.Archive.Images;

// Image pipeline benchmark: makes a WIDTH×HEIGHT JPEG scan (default 8000×6000), builds its pyramid, then
// times 256-pixel tile renderings from the pyramid and from the JPEG master (p50/p95), a cold and a warm
// tile, thumbnails per second, and tiles per second from the pyramid with several concurrent readers.
// Usage: IiifBench WORKDIR [WIDTH HEIGHT [TILES]]
//        IiifBench pyramid MASTER OUTPUT   (only the pyramid, so a script can take this process's peak memory)
if (args is ["pyramid", var source, var target])
{
    await using var input = File.OpenRead(source);
    await using var pyramid = File.Create(target);
    await new VipsImageEngine().PyramidAsync(input, pyramid);
    return;
}
var work = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "iiif-bench");
var width = args.Length > 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8000;
var height = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 6000;
var tiles = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 200;
Directory.CreateDirectory(work);
var engine = new VipsImageEngine();
var masterPath = Path.Combine(work, $"master-{width}x{height}.jpg");
var pyramidPath = Path.Combine(work, $"pyramid-{width}x{height}.tif");

string Ms(double ms) => ms.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
void Line(string what, string figure) => Console.WriteLine($"{what,-52} {figure}");

if (!File.Exists(masterPath))
{
    var sw0 = Stopwatch.StartNew();
    await File.WriteAllBytesAsync(masterPath, SyntheticScan.Render(width, height, 1923, "Liman İşletmesi kayıtları, 1931"));
    Line("generate master (not timed against anything)", Ms(sw0.Elapsed.TotalMilliseconds));
}
Line("master", $"{width}×{height} JPEG, {new FileInfo(masterPath).Length / 1_000_000.0:0.0} MB");

var sw = Stopwatch.StartNew();
await using (var master = File.OpenRead(masterPath))
await using (var output = File.Create(pyramidPath))
    await engine.PyramidAsync(master, output);
Line("derivative: pyramid from JPEG master", Ms(sw.Elapsed.TotalMilliseconds));
Line("pyramid", $"{new FileInfo(pyramidPath).Length / 1_000_000.0:0.0} MB");

sw.Restart();
await using (var master = File.OpenRead(masterPath))
    await engine.ThumbnailAsync(master, 400);
Line("derivative: 400 px thumbnail from JPEG master", Ms(sw.Elapsed.TotalMilliseconds));

var random = new Random(7);
var regions = Enumerable.Range(0, tiles).Select(_ => (X: random.Next(0, (width - 256) / 256) * 256, Y: random.Next(0, (height - 256) / 256) * 256)).ToList();

async Task<double> TileAsync(string path, int x, int y, int region, int size = 256)
{
    var t = Stopwatch.StartNew();
    await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.RandomAccess);
    var bytes = await engine.RenderAsync(stream, new ImageRender(x, y, Math.Min(region, width - x), Math.Min(region, height - y), size, size));
    if (bytes.Length == 0) throw new InvalidOperationException("empty tile");
    return t.Elapsed.TotalMilliseconds;
}

static (double P50, double P95) Percentiles(List<double> values)
{
    values.Sort();
    return (values[(int)(values.Count * 0.50)], values[Math.Min(values.Count - 1, (int)(values.Count * 0.95))]);
}

// The first tile after opening pays for reading the TIFF directory (cold); later ones hit the OS cache.
Line("cold tile from pyramid (first request)", Ms(await TileAsync(pyramidPath, 2048, 2048, 256)));
var fromPyramid = new List<double>();
foreach (var (x, y) in regions) fromPyramid.Add(await TileAsync(pyramidPath, x, y, 256));
var (p50, p95) = Percentiles(fromPyramid);
Line($"full-resolution tile from pyramid ({tiles}×)", $"p50 {Ms(p50)}, p95 {Ms(p95)}");

var reduced = new List<double>();
foreach (var (x, y) in regions.Take(50)) reduced.Add(await TileAsync(pyramidPath, x / 2048 * 2048, y / 2048 * 2048, 2048));
(p50, p95) = Percentiles(reduced);
Line("1/8-scale tile (2048 px region) from pyramid (50×)", $"p50 {Ms(p50)}, p95 {Ms(p95)}");

var masterTiles = Math.Min(tiles, 30);
var fromMaster = new List<double>();
foreach (var (x, y) in regions.Take(masterTiles)) fromMaster.Add(await TileAsync(masterPath, x, y, 256));
var (m50, m95) = Percentiles(fromMaster);
Line($"full-resolution tile from JPEG master ({masterTiles}×)", $"p50 {Ms(m50)}, p95 {Ms(m95)}");
Line("  master / pyramid (p50)", (m50 / Percentiles(fromPyramid).P50).ToString("0.0", CultureInfo.InvariantCulture) + "×");

// Thumbnails per second: the stored thumbnail is rendered from the pyramid; from the master for comparison.
async Task<double> ThumbnailsPerSecondAsync(string path, int count)
{
    var t = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        await using var stream = File.OpenRead(path);
        await engine.RenderAsync(stream, new ImageRender(0, 0, width, height, 400, (int)Math.Round(400.0 * height / width)));
    }
    return count / t.Elapsed.TotalSeconds;
}
Line("thumbnails/s from pyramid (400 px, 1 thread)", (await ThumbnailsPerSecondAsync(pyramidPath, 40)).ToString("0.0", CultureInfo.InvariantCulture));
Line("thumbnails/s from JPEG master (400 px, 1 thread)", (await ThumbnailsPerSecondAsync(masterPath, 5)).ToString("0.00", CultureInfo.InvariantCulture));

foreach (var threads in new[] { 1, 2, 4, 8 })
{
    var t = Stopwatch.StartNew();
    var perThread = Math.Max(20, tiles / threads);
    await Task.WhenAll(Enumerable.Range(0, threads).Select(k => Task.Run(async () =>
    {
        for (var i = 0; i < perThread; i++)
        {
            var (x, y) = regions[(k * perThread + i) % regions.Count];
            await TileAsync(pyramidPath, x, y, 256);
        }
    })));
    Line($"tiles/s from pyramid, {threads} concurrent readers", (threads * perThread / t.Elapsed.TotalSeconds).ToString("0", CultureInfo.InvariantCulture));
}
Line("peak working set", $"{Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MiB");
Console.WriteLine($"MASTER={masterPath}");
Console.WriteLine($"PYRAMID={pyramidPath}");
