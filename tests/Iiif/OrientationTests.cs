using System.Buffers.Binary;
using System.Text.Json;
using HafizaIzmir.Archive.Images;
using HafizaIzmir.Archive.Images.Derivatives;
using HafizaIzmir.Archive.Ingest;
using HafizaIzmir.Tests.Site;
using NetVips;

namespace HafizaIzmir.Tests.Iiif;

/// <summary>
/// A camera's portrait photo is usually stored landscape with EXIF orientation 6 ("turn a quarter clockwise").
/// Everything served states and shows it upright: recorded size, info.json, manifest canvas, thumbnail,
/// tiles, whether cut from the master or from the pyramid.
/// </summary>
public sealed class OrientationTests : IAsyncLifetime
{
    private const string Identifier = "EXIF-6";

    /// <summary>600×300 as stored, red left half, blue right half, EXIF orientation 6: shown 300×600, red on top.</summary>
    public static readonly byte[] Master = WithOrientation(StoredLandscape(), 6);

    private readonly TempDirectory _dir = new();
    private SiteHost _site = null!;

    public async ValueTask InitializeAsync()
    {
        var files = _dir.Sub("files");
        Directory.CreateDirectory(files);
        await File.WriteAllBytesAsync(Path.Combine(files, "portrait.jpg"), Master);
        var csv = _dir.Sub("records.csv");
        await File.WriteAllTextAsync(csv, $"identifier,level,title,rights,files\n{Identifier},item,Yan yatmış portre,http://rightsstatements.org/vocab/InC/1.0/,portrait.jpg\n");
        _site = await SiteHost.StartAsync("filesystem", async archive =>
        {
            var report = await new Importer(archive, ImageFileProbe.Create()).ImportAsync(new ImportRequest { RecordsPath = csv, FilesDir = files, Publish = true, User = "test" });
            Assert.True(report.Succeeded, report.Describe());
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _site.DisposeAsync();
        _dir.Dispose();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_probe_reads_the_orientation_and_the_upright_size_without_decoding()
    {
        var info = ImageProbe.Probe(new MemoryStream(Master));
        Assert.Equal((600, 300, 6), (info.Width, info.Height, info.Orientation));
        Assert.Equal((300, 600), (info.UprightWidth, info.UprightHeight));
        Assert.Equal(1, ImageProbe.Probe(new MemoryStream(StoredLandscape())).Orientation);
    }

    [Fact]
    public async Task Regions_cut_from_the_master_are_upright()
    {
        // What is served before the pyramid exists.
        var engine = new VipsImageEngine();
        var full = await engine.RenderAsync(new MemoryStream(Master), new ImageRender(0, 0, 300, 600, 150, 300), Ct);
        using var image = Image.NewFromBuffer(full);
        Assert.Equal((150, 300), (image.Width, image.Height));
        AssertRed(image, 75, 40);
        AssertBlue(image, 75, 260);
        var bottom = await engine.RenderAsync(new MemoryStream(Master), new ImageRender(0, 300, 300, 300, 300, 300), Ct);
        using var bottomImage = Image.NewFromBuffer(bottom);
        AssertBlue(bottomImage, 150, 150);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => engine.RenderAsync(new MemoryStream(Master), new ImageRender(0, 0, 600, 300, 60, 30), Ct));
    }

    [Fact]
    public async Task Record_info_json_manifest_thumbnail_and_tiles_are_upright()
    {
        var record = (await _site.Archive.GetRecordAsync(Identifier, Ct))!.Value;
        Assert.Equal((300, 600), (record.Files[0].Width, record.Files[0].Height));

        using (var info = JsonDocument.Parse(await _site.Client.GetStringAsync($"/iiif/3/{Identifier}~1/info.json", Ct)))
            Assert.Equal((300, 600), (info.RootElement.GetProperty("width").GetInt32(), info.RootElement.GetProperty("height").GetInt32()));

        using (var manifest = JsonDocument.Parse(await _site.Client.GetStringAsync($"/iiif/manifest/{Identifier}", Ct)))
        {
            var canvas = manifest.RootElement.GetProperty("items")[0];
            Assert.Equal((300, 600), (canvas.GetProperty("width").GetInt32(), canvas.GetProperty("height").GetInt32()));
        }

        var store = _site.Services.GetService(typeof(DerivativeStore)) as DerivativeStore;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await store!.ExistsAsync(IiifFixture.Sha(Master), Ct))
        {
            Assert.True(DateTime.UtcNow < deadline, "the derivatives were not made within 60 seconds");
            await Task.Delay(100, Ct);
        }
        var thumbnail = await store.ThumbnailAsync(IiifFixture.Sha(Master), Ct);
        using (var thumb = Image.NewFromBuffer(thumbnail!))
        {
            Assert.True(thumb.Height > thumb.Width, $"thumbnail is {thumb.Width}×{thumb.Height}");
            AssertRed(thumb, thumb.Width / 2, thumb.Height / 8);
        }

        using var full = Image.NewFromBuffer(await _site.Client.GetByteArrayAsync($"/iiif/3/{Identifier}~1/full/max/0/default.jpg", Ct));
        Assert.Equal((300, 600), (full.Width, full.Height));
        AssertRed(full, 150, 100);
        AssertBlue(full, 150, 500);
        using var tile = Image.NewFromBuffer(await _site.Client.GetByteArrayAsync($"/iiif/3/{Identifier}~1/0,256,256,256/256,/0/default.jpg", Ct));
        Assert.Equal((256, 256), (tile.Width, tile.Height));
        AssertRed(tile, 128, 10);
        AssertBlue(tile, 128, 200);
    }

    private static void AssertRed(Image image, int x, int y) => AssertColour(image, x, y, 255, 0, 0);

    private static void AssertBlue(Image image, int x, int y) => AssertColour(image, x, y, 0, 0, 255);

    private static void AssertColour(Image image, int x, int y, double r, double g, double b)
    {
        var p = image.Getpoint(x, y);
        Assert.True(Math.Abs(p[0] - r) < 60 && Math.Abs(p[1] - g) < 60 && Math.Abs(p[2] - b) < 60,
            $"pixel ({x},{y}) of the {image.Width}×{image.Height} image is ({string.Join(", ", p)}), expected about ({r}, {g}, {b})");
    }

    private static byte[] StoredLandscape()
    {
        using var red = Image.Black(300, 300, bands: 3) + new double[] { 255, 0, 0 };
        using var blue = Image.Black(300, 300, bands: 3) + new double[] { 0, 0, 255 };
        using var joined = red.Join(blue, Enums.Direction.Horizontal);
        using var srgb = joined.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        return srgb.JpegsaveBuffer(q: 90, keep: Enums.ForeignKeep.None);
    }

    /// <summary>Inserts an EXIF APP1 segment (big-endian TIFF, IFD0 with one Orientation entry) right after SOI.</summary>
    public static byte[] WithOrientation(byte[] jpeg, ushort orientation)
    {
        var exif = new byte[6 + 8 + 2 + 12 + 4];
        "Exif\0\0"u8.CopyTo(exif);
        var tiff = exif.AsSpan(6);
        "MM"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt16BigEndian(tiff[2..], 42);
        BinaryPrimitives.WriteUInt32BigEndian(tiff[4..], 8);
        BinaryPrimitives.WriteUInt16BigEndian(tiff[8..], 1);
        BinaryPrimitives.WriteUInt16BigEndian(tiff[10..], 0x0112);
        BinaryPrimitives.WriteUInt16BigEndian(tiff[12..], 3);
        BinaryPrimitives.WriteUInt32BigEndian(tiff[14..], 1);
        BinaryPrimitives.WriteUInt16BigEndian(tiff[18..], orientation);
        var segment = new byte[4 + exif.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(exif.Length + 2));
        exif.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }
}
