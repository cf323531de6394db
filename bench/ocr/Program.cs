using System.Diagnostics;
using HafizaIzmir.Archive.Ocr;
using NetVips;

// OCR throughput: pages per minute for a typed A4 page at 300 dpi (2480×3508), through TesseractEngine (the
// code the background recogniser runs: libvips preparation + the tesseract program), with 1 and with
// WORKERS pages at a time (one Tesseract thread each). Anchor: the bare tesseract program on the prepared
// PNG, one at a time, so the preparation's share shows.
// usage: OcrBench WORKDIR [PAGES [WORKERS]]
var work = args.Length > 0 ? args[0] : Path.GetTempPath();
var pages = args.Length > 1 ? int.Parse(args[1]) : 12;
var workers = args.Length > 2 ? int.Parse(args[2]) : 2;
const string Font = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf";

var engine = new TesseractEngine(new TesseractSettings());
if (!engine.InstalledModels.Contains("tur"))
{
    Console.Error.WriteLine("tesseract with Turkish data is not installed (apt-get install tesseract-ocr tesseract-ocr-tur)");
    return 1;
}

var master = Path.Combine(work, "page.png");
File.WriteAllBytes(master, Page());
Console.WriteLine($"page: 2480×3508 PNG, {new FileInfo(master).Length / 1024} KiB, about {Letter.Split(' ').Length * 5} words; cores: {Environment.ProcessorCount}");

// Warm-up: loads the model files into the page cache.
await Run(1, 1);
foreach (var parallel in new[] { 1, workers }.Distinct())
{
    var (seconds, words) = await Run(pages, parallel);
    Console.WriteLine($"TesseractEngine, {parallel} at a time: {pages} pages in {seconds:0.0} s = {pages / seconds * 60:0.0} pages/min ({words / pages} words read per page)");
}

var prepared = Path.Combine(work, "prepared.png");
await using (var stream = File.OpenRead(master)) await engine.PrepareAsync(stream, prepared, CancellationToken.None);
var anchor = Stopwatch.StartNew();
var anchorPages = Math.Max(1, pages / 2);
for (var i = 0; i < anchorPages; i++)
{
    var psi = new ProcessStartInfo("tesseract", [prepared, Path.Combine(work, "anchor"), "-l", "tur", "hocr"]) { RedirectStandardError = true };
    psi.Environment["OMP_THREAD_LIMIT"] = "1";
    using var p = Process.Start(psi)!;
    await p.WaitForExitAsync();
}
Console.WriteLine($"anchor, bare tesseract -l tur hocr on the prepared PNG, one at a time: {anchorPages / anchor.Elapsed.TotalSeconds * 60:0.0} pages/min");
return 0;

async Task<(double Seconds, int Words)> Run(int count, int parallel)
{
    var words = 0;
    var next = 0;
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, parallel).Select(async _ =>
    {
        while (Interlocked.Increment(ref next) <= count)
        {
            await using var stream = File.OpenRead(master);
            var page = OcrPage.FromHocr(await engine.RecognizeAsync(stream, ["tur"], CancellationToken.None));
            Interlocked.Add(ref words, page.Words.Count);
        }
    }));
    return (watch.Elapsed.TotalSeconds, words);
}

static byte[] Page()
{
    using var ink = Image.Text(string.Join("\n\n", Enumerable.Repeat(Letter, 5)), font: "DejaVu Serif 11", fontfile: Font, width: 2480 - 2 * 300, dpi: 300, spacing: 10);
    using var page = Image.Black(2480, 3508).Insert(ink, 300, 300);
    using var paper = (255 - page).Cast(Enums.BandFormat.Uchar);
    return paper.Copy(interpretation: Enums.Interpretation.Bw).PngsaveBuffer();
}

static partial class Program
{
    const string Letter = "İzmir, 12 Mayıs 1924. Sayın Şerif Remzi Bey, gönderdiğiniz üzüm ve incir numunelerini aldık. " +
        "Kordon'daki depomuzda yaptığımız muayenede malın kalitesinin çok iyi olduğu görüldü. Fiyat listemizi ilişikte " +
        "takdim ediyoruz. Ödemeyi konşimentonun tesliminde, Osmanlı Bankası aracılığıyla yapmayı teklif ederiz. " +
        "Kâtibimiz Çakır Efendi yarın öğleden sonra Kızlarağası Hanı'ndaki yazıhanenize uğrayacaktır. Hürmetlerimizle.";
}
