using System.Buffers.Binary;
using HafizaIzmir.Archive.Images;
using NetVips;

namespace HafizaIzmir.Tests.Images;

public class VipsImageEngineTests
{
    private readonly VipsImageEngine _engine = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Libvips_is_loaded()
    {
        Assert.True(ModuleInitializer.VipsInitialized, ModuleInitializer.Exception?.ToString());
        Assert.StartsWith("8.", VipsImageEngine.LibvipsVersion);
    }

    [Theory]
    [InlineData(".jpg", 800, 600, 200, 200, 150)]
    [InlineData(".png", 300, 900, 120, 40, 120)]
    [InlineData(".webp", 640, 480, 64, 64, 48)]
    [InlineData(".tif", 500, 500, 100, 100, 100)]
    [InlineData(".jpg", 90, 60, 400, 90, 60)]
    public async Task Thumbnail_fits_the_longer_side_and_never_enlarges(string suffix, int w, int h, int maxSide,
        int expectedW, int expectedH)
    {
        var master = TestImages.Encode(w, h, suffix);

        var thumbnail = await _engine.ThumbnailAsync(new MemoryStream(master), maxSide, Ct);

        Assert.Equal(new ImageInfo("image/jpeg", expectedW, expectedH), ImageProbe.Probe(new MemoryStream(thumbnail)));
    }

    [Fact]
    public async Task Thumbnail_of_a_pyramid_and_of_a_stream_that_cannot_seek()
    {
        var pyramid = TestImages.TiledPyramidTiff(1200, 900);

        var fromPyramid = await _engine.ThumbnailAsync(new MemoryStream(pyramid), 150, Ct);
        var fromForwardOnly = await _engine.ThumbnailAsync(new ForwardOnlyStream(pyramid), 150, Ct);

        Assert.Equal((150, 113), Size(fromPyramid));
        Assert.Equal((150, 113), Size(fromForwardOnly));
    }

    [Fact]
    public async Task Thumbnail_applies_exif_orientation()
    {
        using var gradient = TestImages.Gradient(300, 200);
        using var image = gradient.Mutate(m => m.Set(GValue.GIntType, "orientation", 6));
        var master = image.JpegsaveBuffer(keep: Enums.ForeignKeep.All);

        var thumbnail = await _engine.ThumbnailAsync(new MemoryStream(master), 60, Ct);

        Assert.Equal((40, 60), Size(thumbnail));
    }

    [Fact]
    public async Task Thumbnail_flattens_transparency_onto_white()
    {
        using var transparent = TestImages.Gradient(50, 50).Bandjoin(0);
        var master = transparent.WriteToBuffer(".png");

        var thumbnail = await _engine.ThumbnailAsync(new MemoryStream(master), 20, Ct);

        using var image = Image.NewFromBuffer(thumbnail);
        Assert.Equal(3, image.Bands);
        Assert.True(image.Avg() > 250, $"average {image.Avg()} should be near white");
    }

    [Fact]
    public async Task Decompression_bomb_and_pdf_are_refused_before_decoding()
    {
        await Assert.ThrowsAsync<ImageTooLargeException>(
            () => _engine.ThumbnailAsync(new MemoryStream(TestImages.PngHeader(100_000, 100_000)), 100, Ct));
        await Assert.ThrowsAsync<UnsupportedImageException>(
            () => _engine.PyramidAsync(new MemoryStream("%PDF-1.4\n"u8.ToArray()), new MemoryStream(), Ct));
        var small = new VipsImageEngine(new ImageLimits { MaxPixels = 1000 });
        await Assert.ThrowsAsync<ImageTooLargeException>(
            () => small.ThumbnailAsync(new ForwardOnlyStream(TestImages.Encode(40, 30, ".jpg")), 10, Ct));
    }

    [Fact]
    public async Task Corrupt_pixel_data_behind_a_valid_header_is_refused()
    {
        var jpeg = TestImages.Encode(400, 300, ".jpg[Q=90]");
        var cut = jpeg[..(jpeg.Length / 2)];

        var ex = await Assert.ThrowsAsync<UnsupportedImageException>(() => _engine.ThumbnailAsync(new MemoryStream(cut), 100, Ct));
        // Refused either by the header check for a missing end marker or by the decoder itself.
        Assert.Matches("could not be decoded|truncated", ex.Message);
    }

    [Fact]
    public async Task Pyramid_is_a_tiled_jpeg_compressed_multi_resolution_tiff()
    {
        var master = TestImages.Encode(1000, 700, ".jpg");
        using var output = new MemoryStream();

        await _engine.PyramidAsync(new MemoryStream(master), output, Ct);

        var bytes = output.ToArray();
        Assert.Equal(new ImageInfo("image/tiff", 1000, 700), ImageProbe.Probe(new MemoryStream(bytes)));
        using var full = Image.NewFromBuffer(bytes);
        Assert.Equal(3, (int)full.Get("n-pages")); // 1000, 500, 250 wide: the last fits one tile
        using var half = Image.NewFromBuffer(bytes, "[page=1]");
        Assert.Equal((500, 350), (half.Width, half.Height));
        var tags = FirstIfdTags(bytes);
        Assert.Equal(256, tags[322]); // TileWidth
        Assert.Equal(256, tags[323]); // TileLength
        Assert.Equal(7, tags[259]); // Compression: JPEG
    }

    [Fact]
    public async Task Pyramid_can_be_written_to_a_stream_that_cannot_seek()
    {
        var master = TestImages.Encode(600, 400, ".png");
        var sink = new ForwardOnlySink();

        await _engine.PyramidAsync(new ForwardOnlyStream(master), sink, Ct);

        var bytes = sink.Written.ToArray();
        Assert.Equal(new ImageInfo("image/tiff", 600, 400), ImageProbe.Probe(new MemoryStream(bytes)));
        using var smallest = Image.NewFromBuffer(bytes, "[page=2]");
        Assert.Equal(150, smallest.Width);
    }

    [Fact]
    public async Task Cancelled_work_stops()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var master = TestImages.Encode(300, 300, ".jpg");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _engine.PyramidAsync(new MemoryStream(master), new MemoryStream(), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _engine.ThumbnailAsync(new ForwardOnlyStream(master), 10, cancelled.Token));
    }

    [Fact]
    public async Task Pyramid_applies_exif_orientation()
    {
        using var gradient = TestImages.Gradient(300, 200);
        // Stored sideways: orientation 6 tells viewers to turn it 90° clockwise.
        using var image = gradient.Mutate(m => m.Set(GValue.GIntType, "orientation", 6));
        var master = image.JpegsaveBuffer(keep: Enums.ForeignKeep.All);
        using var output = new MemoryStream();

        await _engine.PyramidAsync(new MemoryStream(master), output, Ct);

        Assert.Equal((200, 300), (ImageProbe.Probe(new MemoryStream(output.ToArray())).Width,
            ImageProbe.Probe(new MemoryStream(output.ToArray())).Height));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Region_crops_scales_and_encodes(bool fromPyramid)
    {
        var master = fromPyramid ? TestImages.TiledPyramidTiff(1000, 800) : TestImages.Encode(1000, 800, ".jpg[Q=95]");

        var region = await _engine.RegionAsync(new MemoryStream(master), 100, 200, 400, 300, 100, 75, 0, "jpg", Ct);

        Assert.Equal(new ImageInfo("image/jpeg", 100, 75), ImageProbe.Probe(new MemoryStream(region)));
        // The gradient's red channel is x·255/999 and green y·255/799: the crop's means show where it was cut.
        using var image = Image.NewFromBuffer(region);
        Assert.InRange(image[0].Avg(), 300 * 255.0 / 999 - 4, 300 * 255.0 / 999 + 4);
        Assert.InRange(image[1].Avg(), 350 * 255.0 / 799 - 4, 350 * 255.0 / 799 + 4);
    }

    [Fact]
    public async Task Region_rotates_after_scaling_and_honours_the_format()
    {
        var master = TestImages.Encode(640, 480, ".png");

        var rotated = await _engine.RegionAsync(new MemoryStream(master), 0, 0, 640, 480, 64, 48, 90, "png", Ct);
        var webp = await _engine.RegionAsync(new ForwardOnlyStream(master), 10, 10, 100, 50, 200, 100, 180, "webp", Ct);
        var tiff = await _engine.RegionAsync(new MemoryStream(master), 0, 0, 10, 10, 10, 10, 270, "tif", Ct);

        Assert.Equal(new ImageInfo("image/png", 48, 64), ImageProbe.Probe(new MemoryStream(rotated)));
        Assert.Equal(new ImageInfo("image/webp", 200, 100), ImageProbe.Probe(new MemoryStream(webp)));
        Assert.Equal(new ImageInfo("image/tiff", 10, 10), ImageProbe.Probe(new MemoryStream(tiff)));
        // Rotating 90° clockwise puts the original's left edge (low red) at the top.
        using var image = Image.NewFromBuffer(rotated);
        using var topRow = image.Crop(0, 0, 48, 1);
        using var bottomRow = image.Crop(0, 63, 48, 1);
        Assert.True(topRow[0].Avg() < bottomRow[0].Avg());
    }

    [Fact]
    public async Task Region_arguments_are_checked()
    {
        var master = TestImages.Encode(100, 100, ".jpg");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => _engine.RegionAsync(new MemoryStream(master), 50, 50, 60, 10, 10, 10, 0, "jpg", Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => _engine.RegionAsync(new MemoryStream(master), 0, 0, 10, 10, 10, 10, 360, "jpg", Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => _engine.RegionAsync(new MemoryStream(master), 0, 0, 10, 10, 10, 10, double.NaN, "jpg", Ct));
        await Assert.ThrowsAsync<ArgumentException>(
            () => _engine.RegionAsync(new MemoryStream(master), 0, 0, 10, 10, 10, 10, 0, "gif", Ct));
        await Assert.ThrowsAsync<ImageTooLargeException>(
            () => _engine.RegionAsync(new MemoryStream(master), 0, 0, 10, 10, 60_000, 60_000, 0, "jpg", Ct));
    }

    private static (int, int) Size(byte[] bytes)
    {
        var info = ImageProbe.Probe(new MemoryStream(bytes));
        return (info.Width, info.Height);
    }

    /// <summary>Tag → first value of the first IFD of a little-endian classic TIFF, read independently of the probe.</summary>
    private static Dictionary<int, long> FirstIfdTags(byte[] tiff)
    {
        Assert.Equal((byte)'I', tiff[0]);
        var ifd = (int)BinaryPrimitives.ReadUInt32LittleEndian(tiff.AsSpan(4));
        var count = BinaryPrimitives.ReadUInt16LittleEndian(tiff.AsSpan(ifd));
        var tags = new Dictionary<int, long>();
        for (var i = 0; i < count; i++)
        {
            var entry = tiff.AsSpan(ifd + 2 + i * 12);
            var type = BinaryPrimitives.ReadUInt16LittleEndian(entry[2..]);
            tags[BinaryPrimitives.ReadUInt16LittleEndian(entry)] = type == 3
                ? BinaryPrimitives.ReadUInt16LittleEndian(entry[8..])
                : BinaryPrimitives.ReadUInt32LittleEndian(entry[8..]);
        }
        return tags;
    }
}
