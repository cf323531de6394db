using NetVips;

namespace HafizaIzmir.Archive.Images;

public enum ScanFormat { Jpeg, Tiff, Png }

/// <summary>
/// Plausible stand-ins for scanned documents, for the demo collection and benchmarks: aged paper with
/// blotches and grain, the dark edge of the scanner bed, a ruled frame, a title and lines of handwriting-like
/// text. The same arguments always give the same bytes on a given machine (text rendering depends on the
/// fonts installed, so images can differ between machines).
/// </summary>
public static class SyntheticScan
{
    private static readonly string[] Words =
    [
        "liman", "gümrük", "vapur", "konşimento", "balya", "üzüm", "incir", "tütün", "kuruş", "efendi",
        "Kordon", "Kemeraltı", "Frenk", "sokağı", "numara", "teslim", "mektup", "tarih", "sene", "mahalle",
        "han", "depo", "kantar", "nakliye", "ticaret", "zahire", "pamuk", "sandık", "Pasaport", "iskele",
        "hesap", "senet", "kayık", "mavna", "palamut", "zeytinyağı", "sevkiyat", "acente", "Alsancak", "ve",
    ];

    public static byte[] Render(int width, int height, int seed, string title, ScanFormat format = ScanFormat.Jpeg) =>
        Render(width, height, seed, title, format, renderText: true);

    /// <param name="renderText">false draws the fallback strokes, as on a machine without fonts.</param>
    internal static byte[] Render(int width, int height, int seed, string title, ScanFormat format, bool renderText)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 64);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 64);
        ArgumentNullException.ThrowIfNull(title);
        var random = new Random(seed);

        // The page sits inside the dark scanner bed, slightly off-centre as a hand-placed sheet would.
        var bed = Math.Max(4, Math.Min(width, height) / 40);
        var page = new Rect(bed + random.Next(bed), bed + random.Next(bed), width - 3 * bed, height - 3 * bed);
        var paper = new double[] { 232 + random.Next(12), 220 + random.Next(12), 188 + random.Next(18) };
        double[] ink = [38 + random.Next(20), 30 + random.Next(14), 24 + random.Next(10)];

        using var sheet = Paper(width, height, page, paper, seed);
        using var framed = Frame(sheet, page, ink);
        using var mask = Writing(page, title, random, renderText);
        using var inked = Ink(framed, mask, ink);
        return Encode(inked, format);
    }

    private readonly record struct Rect(int Left, int Top, int Width, int Height);

    /// <summary>Paper colour with broad stains (coarse noise enlarged) and fine grain, on a dark bed.</summary>
    private static Image Paper(int width, int height, Rect page, double[] colour, int seed)
    {
        int coarseWidth = width / 48 + 2, coarseHeight = height / 48 + 2;
        using var coarse = Image.Gaussnoise(coarseWidth, coarseHeight, mean: 0, sigma: 7, seed: seed);
        // Whole-number factors so the enlarged stains cover the sheet before cropping.
        using var stains = coarse.Resize(Math.Ceiling((double)width / coarseWidth), kernel: Enums.Kernel.Linear,
            vscale: Math.Ceiling((double)height / coarseHeight));
        using var grain = Image.Gaussnoise(width, height, mean: 0, sigma: 2.5, seed: seed + 1);
        using var texture = (stains.Crop(0, 0, width, height) + grain);
        using var sheet = texture.Bandjoin(texture, texture) + colour;
        using var bed = Image.Black(width, height, bands: 3) + new double[] { 28, 28, 30 };
        using var onPage = Mask(width, height, page);
        using var composed = onPage.Ifthenelse(sheet, bed);
        return composed.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
    }

    private static Image Mask(int width, int height, Rect r)
    {
        using var black = Image.Black(width, height);
        return black.Mutate(m => m.DrawRect([255], r.Left, r.Top, r.Width, r.Height, fill: true));
    }

    /// <summary>A printed double rule around the text block, as on letterheads and forms of the period.</summary>
    private static Image Frame(Image sheet, Rect page, double[] ink)
    {
        var margin = page.Width / 16;
        return sheet.Mutate(m =>
        {
            m.DrawRect(ink, page.Left + margin, page.Top + margin, page.Width - 2 * margin, page.Height - 2 * margin);
            m.DrawRect(ink, page.Left + margin + 4, page.Top + margin + 4, page.Width - 2 * margin - 8,
                page.Height - 2 * margin - 8);
        });
    }

    /// <summary>A one-band mask (255 = ink) with the title and a paragraph of words.</summary>
    private static Image Writing(Rect page, string title, Random random, bool renderText)
    {
        var margin = page.Width / 16 + 12 + page.Width / 40;
        var left = page.Left + margin;
        var top = page.Top + margin;
        var textWidth = page.Width - 2 * margin;
        var textHeight = page.Height - 2 * margin;
        var lineHeight = Math.Max(8, page.Height / 45);
        var body = string.Join(' ', Enumerable.Range(0, textWidth * textHeight / (lineHeight * lineHeight * 3))
            .Select(_ => Words[random.Next(Words.Length)]));
        var canvasWidth = page.Left + page.Width + page.Width / 8;
        var canvasHeight = page.Top + page.Height + page.Height / 8;

        if (renderText)
        {
            try
            {
                using var heading = Image.Text(Escape(title), font: "serif bold 12", width: textWidth,
                    dpi: 72 * lineHeight * 2 / 12, align: Enums.Align.Centre);
                using var paragraph = Image.Text(Escape(body), font: "serif italic 12", width: textWidth,
                    dpi: 72 * lineHeight / 12, justify: true, spacing: lineHeight / 2);
                var bodyTop = top + heading.Height + lineHeight * 2;
                using var headingPlaced = heading.Embed(left + (textWidth - heading.Width) / 2, top,
                    canvasWidth, canvasHeight);
                using var bodyCropped = paragraph.Crop(0, 0, paragraph.Width,
                    LastWholeLine(paragraph, top + textHeight - bodyTop));
                using var bodyPlaced = bodyCropped.Embed(left, bodyTop, canvasWidth, canvasHeight);
                using var both = headingPlaced | bodyPlaced;
                return both.Crop(0, 0, page.Left + page.Width, page.Top + page.Height).Cast(Enums.BandFormat.Uchar);
            }
            catch (VipsException)
            {
                // No fonts or no pango here: fall through to strokes.
            }
        }
        // Word-like bars on ruled lines still read as a written page.
        return Strokes(page.Left + page.Width, page.Top + page.Height, left, top, textWidth, textHeight,
            lineHeight, random);
    }

    /// <summary>The tallest crop of the rendered paragraph, up to <paramref name="limit"/>, that ends between lines.</summary>
    private static int LastWholeLine(Image paragraph, int limit)
    {
        limit = Math.Clamp(limit, 1, paragraph.Height);
        var rows = (Image)paragraph.Project()[1];
        using var asDouble = rows.Cast(Enums.BandFormat.Double);
        var sums = asDouble.WriteToMemory<double>();
        rows.Dispose();
        for (var y = limit - 1; y > 0; y--)
            if (sums[y] == 0)
                return y;
        return limit;
    }

    private static Image Strokes(int width, int height, int left, int top, int textWidth, int textHeight,
        int lineHeight, Random random)
    {
        using var black = Image.Black(width, height);
        return black.Mutate(m =>
        {
            m.DrawRect([255], left + textWidth / 4, top, textWidth / 2, lineHeight * 2, fill: true);
            for (var y = top + lineHeight * 4; y + lineHeight < top + textHeight; y += lineHeight * 2)
            {
                for (var x = left; ;)
                {
                    var word = lineHeight * (1 + random.Next(6));
                    if (x + word > left + textWidth) break;
                    m.DrawRect([255], x, y, word, Math.Max(2, lineHeight * 2 / 3), fill: true);
                    x += word + lineHeight;
                }
            }
        });
    }

    /// <summary>Lays ink over the paper through the mask, slightly translucent so the grain shows through.</summary>
    private static Image Ink(Image paper, Image mask, double[] ink)
    {
        using var fitted = mask.Embed(0, 0, paper.Width, paper.Height);
        using var weight = fitted * 0.9;
        using var blended = weight.Cast(Enums.BandFormat.Uchar).Ifthenelse(ink, paper, blend: true);
        return blended.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
    }

    private static byte[] Encode(Image image, ScanFormat format) => format switch
    {
        ScanFormat.Jpeg => image.JpegsaveBuffer(q: 80, optimizeCoding: true, keep: Enums.ForeignKeep.None),
        ScanFormat.Png => image.PngsaveBuffer(compression: 6, keep: Enums.ForeignKeep.None),
        // JPEG-in-TIFF keeps the demo data small; real masters would be uncompressed or LZW.
        ScanFormat.Tiff => image.TiffsaveBuffer(compression: Enums.ForeignTiffCompression.Jpeg, q: 85,
            keep: Enums.ForeignKeep.None),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>Image.Text reads Pango markup; a title like "Ticaret & Liman" must stay literal.</summary>
    private static string Escape(string text) => System.Security.SecurityElement.Escape(text) ?? "";
}
