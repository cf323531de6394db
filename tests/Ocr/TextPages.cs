using HafizaIzmir.Archive.Ocr;
using NetVips;

namespace HafizaIzmir.Tests.Ocr;

/// <summary>
/// Typed pages made in the test: known text set by libvips (Pango) in a DejaVu font on a white A4 page at
/// 300 dpi, as a PNG, so what OCR should read is known exactly.
/// </summary>
public static class TextPages
{
    public const string FontFile = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf";

    /// <summary>Skips the test unless Tesseract with Turkish data and the font are installed (scripts/test.sh installs them).</summary>
    public static TesseractEngine RequireTesseract()
    {
        var engine = new TesseractEngine(new TesseractSettings());
        if (!engine.InstalledModels.Contains("tur")) Assert.Skip("tesseract with Turkish data (tesseract-ocr, tesseract-ocr-tur) is not installed");
        if (!File.Exists(FontFile)) Assert.Skip($"the font {FontFile} (fonts-dejavu-core) is not installed");
        return engine;
    }

    /// <summary>A page of <paramref name="width"/>×<paramref name="height"/> (A4 at <paramref name="dpi"/>) with the text set at 12 pt inside an eighth-width margin.</summary>
    public static byte[] Render(string text, int width = 2480, int height = 3508, int dpi = 300)
    {
        var margin = width / 8;
        using var ink = Image.Text(Escape(text), font: "DejaVu Serif 12", fontfile: FontFile, width: width - 2 * margin, dpi: dpi, spacing: dpi / 25);
        using var page = Image.Black(width, height).Embed(0, 0, width, height, extend: Enums.Extend.Black);
        using var placed = page.Insert(ink, margin, margin);
        using var paper = (255 - placed).Cast(Enums.BandFormat.Uchar);
        using var grey = paper.Copy(interpretation: Enums.Interpretation.Bw);
        return grey.PngsaveBuffer();
    }

    /// <summary>The text as Pango markup: its markup characters escaped.</summary>
    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
