using HafizaIzmir.Archive.Images;
using NetVips;

namespace HafizaIzmir.Tests.Images;

public class SyntheticScanTests
{
    [Fact]
    public void Same_seed_gives_the_same_bytes_and_another_seed_does_not()
    {
        var a = SyntheticScan.Render(300, 400, seed: 7, "Kordon 1923");
        var b = SyntheticScan.Render(300, 400, seed: 7, "Kordon 1923");
        var c = SyntheticScan.Render(300, 400, seed: 8, "Kordon 1923");

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Theory]
    [InlineData(ScanFormat.Jpeg, "image/jpeg")]
    [InlineData(ScanFormat.Png, "image/png")]
    [InlineData(ScanFormat.Tiff, "image/tiff")]
    public void Writes_the_requested_format_and_size(ScanFormat format, string mediaType)
    {
        var bytes = SyntheticScan.Render(320, 240, seed: 1, "Liman & Gümrük", format);

        Assert.Equal(new ImageInfo(mediaType, 320, 240), ImageProbe.Probe(new MemoryStream(bytes)));
    }

    [Fact]
    public void A_page_sized_jpeg_stays_small()
    {
        var bytes = SyntheticScan.Render(1200, 1600, seed: 42, "İzmir Liman İdaresi — Konşimento");

        Assert.InRange(bytes.Length, 50_000, 700_000);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Looks_like_a_written_page_on_paper_inside_a_dark_bed(bool renderText)
    {
        var bytes = SyntheticScan.Render(600, 800, seed: 3, "Tütün Sevkiyatı", ScanFormat.Jpeg, renderText);
        using var image = Image.NewFromBuffer(bytes);
        using var grey = image.Colourspace(Enums.Interpretation.Bw);

        using var corner = grey.Crop(0, 0, 8, 8);
        Assert.True(corner.Avg() < 60, $"scanner bed should be dark, was {corner.Avg()}");
        using var margin = grey.Crop(60, 400, 10, 10);
        Assert.True(margin.Avg() > 170, $"paper margin should be light, was {margin.Avg()}");
        // Text area: mostly paper, with dark ink strokes.
        using var text = grey.Crop(120, 150, 360, 500);
        Assert.True(text.Avg() > 150, $"text block should be mostly paper, was {text.Avg()}");
        using var inkPixels = text < 110;
        var inkShare = inkPixels.Avg() / 255;
        Assert.InRange(inkShare, 0.02, 0.5);
    }
}
