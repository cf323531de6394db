using HafizaIzmir.Archive.Images;

namespace HafizaIzmir.Tests.Images;

public class ImageProbeTests
{
    [Theory]
    [InlineData(".jpg[Q=80]", "image/jpeg")]
    [InlineData(".png", "image/png")]
    [InlineData(".tif", "image/tiff")]
    [InlineData(".tif[compression=lzw,tile]", "image/tiff")]
    [InlineData(".tif[bigtiff]", "image/tiff")]
    [InlineData(".webp[Q=70,keep=none]", "image/webp")]
    [InlineData(".webp[lossless,keep=none]", "image/webp")]
    [InlineData(".webp[keep=all]", "image/webp")]
    public void Reads_dimensions_of_encoded_images(string suffix, string mediaType)
    {
        var bytes = TestImages.Encode(37, 23, suffix);

        var info = ImageProbe.Probe(new MemoryStream(bytes));

        Assert.Equal(new ImageInfo(mediaType, 37, 23), info);
    }

    [Fact]
    public void Webp_variants_exercise_each_chunk_kind()
    {
        string FirstChunk(string suffix) => System.Text.Encoding.ASCII.GetString(TestImages.Encode(9, 9, suffix), 12, 4);
        Assert.Equal("VP8 ", FirstChunk(".webp[Q=70,keep=none]"));
        Assert.Equal("VP8L", FirstChunk(".webp[lossless,keep=none]"));
        var alpha = TestImages.Gradient(9, 9).Bandjoin(255).WriteToBuffer(".webp");
        Assert.Equal("VP8X", System.Text.Encoding.ASCII.GetString(alpha, 12, 4));
        Assert.Equal(new ImageInfo("image/webp", 9, 9), ImageProbe.Probe(new MemoryStream(alpha)));
    }

    [Fact]
    public void Tiled_pyramidal_tiff_reports_the_full_resolution()
    {
        var bytes = TestImages.TiledPyramidTiff(700, 520);

        Assert.Equal(new ImageInfo("image/tiff", 700, 520), ImageProbe.Probe(new MemoryStream(bytes)));
    }

    [Theory]
    [InlineData(".jpg")]
    [InlineData(".png")]
    [InlineData(".tif")]
    [InlineData(".tif[bigtiff]")]
    [InlineData(".webp")]
    public void Works_on_streams_that_cannot_seek(string suffix)
    {
        var bytes = TestImages.Encode(41, 17, suffix);

        var info = ImageProbe.Probe(new ForwardOnlyStream(bytes));

        Assert.Equal((41, 17), (info.Width, info.Height));
    }

    [Fact]
    public void Leaves_a_seekable_stream_where_it_was()
    {
        var bytes = TestImages.Encode(10, 10, ".png");
        var stream = new MemoryStream([1, 2, 3, .. bytes]) { Position = 3 };

        ImageProbe.Probe(stream);

        Assert.Equal(3, stream.Position);
    }

    [Fact]
    public void Reads_hand_made_jpeg_header_past_exif_dht_and_fill_bytes()
    {
        var info = ImageProbe.Probe(new MemoryStream(TestImages.JpegHeader(1234, 567)));
        Assert.Equal(new ImageInfo("image/jpeg", 1234, 567), info);

        var progressive = ImageProbe.Probe(new MemoryStream(TestImages.JpegHeader(300, 200, sofMarker: 0xC2)));
        Assert.Equal((300, 200), (progressive.Width, progressive.Height));
    }

    [Fact]
    public void Reads_big_endian_tiff_with_long_width_and_short_height()
    {
        var info = ImageProbe.Probe(new ForwardOnlyStream(TestImages.BigEndianTiffHeader(70_000 - 5_001, 1_000)));
        Assert.Equal(new ImageInfo("image/tiff", 64_999, 1_000), info);
    }

    [Fact]
    public void Png_decompression_bomb_is_refused_from_its_header()
    {
        var bomb = TestImages.PngHeader(100_000, 100_000);
        Assert.True(bomb.Length < 100);

        var ex = Assert.Throws<ImageTooLargeException>(() => ImageProbe.Probe(new MemoryStream(bomb)));

        Assert.Contains("100000×100000 = 10000 megapixels; the limit is 300", ex.Message);
    }

    [Fact]
    public void Jpeg_decompression_bomb_is_refused_from_its_header()
    {
        var ex = Assert.Throws<ImageTooLargeException>(
            () => ImageProbe.Probe(new MemoryStream(TestImages.JpegHeader(40_000, 40_000))));

        Assert.Contains("40000×40000 = 1600 megapixels; the limit is 300", ex.Message);
    }

    [Fact]
    public void Limits_are_configurable()
    {
        var bytes = TestImages.Encode(30, 20, ".png");

        Assert.Throws<ImageTooLargeException>(
            () => ImageProbe.Probe(new MemoryStream(bytes), new ImageLimits { MaxPixels = 599 }));
        var side = Assert.Throws<ImageTooLargeException>(
            () => ImageProbe.Probe(new MemoryStream(bytes), new ImageLimits { MaxSide = 29 }));
        Assert.Contains("29", side.Message);
        var size = Assert.Throws<ImageTooLargeException>(
            () => ImageProbe.Probe(new MemoryStream(bytes), new ImageLimits { MaxBytes = bytes.Length - 1 }));
        Assert.Contains("the limit is", size.Message);
        Assert.Equal(600, ImageProbe.Probe(new MemoryStream(bytes), new ImageLimits { MaxPixels = 600, MaxSide = 30 }).Pixels);
    }

    [Fact]
    public void Side_limit_applies_even_when_pixels_are_within_limit()
    {
        var ex = Assert.Throws<ImageTooLargeException>(
            () => ImageProbe.Probe(new MemoryStream(TestImages.BigEndianTiffHeader(65_001, 2))));
        Assert.Contains("65000", ex.Message);
    }

    [Fact]
    public void Path_overload_checks_file_size_before_reading()
    {
        var path = Path.Combine(Path.GetTempPath(), $"probe-{Guid.NewGuid():N}.png");
        File.WriteAllBytes(path, TestImages.Encode(12, 8, ".png"));
        try
        {
            Assert.Equal(new ImageInfo("image/png", 12, 8), ImageProbe.Probe(path));
            Assert.Throws<ImageTooLargeException>(() => ImageProbe.Probe(path, new ImageLimits { MaxBytes = 10 }));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Pdf_behind_a_jpg_name_is_refused_because_the_bytes_decide()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scan-{Guid.NewGuid():N}.jpg");
        File.WriteAllBytes(path, "%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"u8.ToArray());
        try
        {
            var ex = Assert.Throws<UnsupportedImageException>(() => ImageProbe.Probe(path));
            Assert.Contains("PDF", ex.Message);
            Assert.Contains("convert it to TIFF", ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Pdf_with_leading_junk_is_still_named()
    {
        var bytes = new byte[300].Concat("%PDF-1.7\n"u8.ToArray()).ToArray();
        var ex = Assert.Throws<UnsupportedImageException>(() => ImageProbe.Probe(new MemoryStream(bytes)));
        Assert.Contains("PDF", ex.Message);
    }

    [Fact]
    public void Jpeg2000_is_refused_with_advice()
    {
        byte[] jp2 = [0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A, 0x87, 0x0A, 0, 0, 0, 0x14, .. "ftypjp2 "u8];
        byte[] j2k = [0xFF, 0x4F, 0xFF, 0x51, 0x00, 0x2F, 0x00, 0x00, 0, 0, 0x10, 0, 0, 0, 0x10, 0];

        foreach (var bytes in new[] { jp2, j2k })
        {
            var ex = Assert.Throws<UnsupportedImageException>(() => ImageProbe.Probe(new MemoryStream(bytes)));
            Assert.Contains("JPEG 2000", ex.Message);
            Assert.Contains("convert it to TIFF", ex.Message);
        }
    }

    [Fact]
    public void Other_formats_are_named_and_the_accepted_ones_listed()
    {
        var gif = TestImages.Encode(8, 8, ".gif");
        byte[] bmp = [.. "BM"u8, .. new byte[60]];
        byte[] heic = [0, 0, 0, 0x18, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8];
        byte[] text = [.. "just some text, not an image"u8];

        Assert.Contains("(GIF); accepted: JPEG, TIFF, PNG, WebP", Refusal(gif));
        Assert.Contains("(BMP); accepted: JPEG, TIFF, PNG, WebP", Refusal(bmp));
        Assert.Contains("(HEIC/HEIF); accepted", Refusal(heic));
        Assert.Equal("unsupported format; accepted: JPEG, TIFF, PNG, WebP", Refusal(text));
        Assert.Equal("the file is empty", Refusal([]));
    }

    [Theory]
    [InlineData(".jpg", 30)]
    [InlineData(".png", 20)]
    [InlineData(".webp", 15)]
    [InlineData(".tif[bigtiff]", 12)]
    public void Truncated_headers_are_refused(string suffix, int keep)
    {
        var bytes = TestImages.Encode(64, 48, suffix)[..keep];

        Assert.Contains("truncated", Refusal(bytes));
    }

    [Fact]
    public void Tiff_whose_first_ifd_lies_beyond_the_end_is_truncated()
    {
        var bytes = TestImages.BigEndianTiffHeader(100, 100)[..40];
        Assert.Contains("truncated TIFF header", Refusal(bytes));
    }

    [Fact]
    public void Malformed_headers_are_refused()
    {
        var badCrc = TestImages.PngHeader(10, 10);
        badCrc[20] ^= 0xFF;
        Assert.Contains("CRC", Refusal(badCrc));

        byte[] scanFirst = [0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02, 0xFF, 0xD9];
        Assert.Contains("SOS", Refusal(scanFirst));

        byte[] noFrame = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0, 0, 0xFF, 0xD9];
        Assert.Contains("EOI", Refusal(noFrame));
    }

    [Fact]
    public void Zero_dimensions_are_refused()
    {
        Assert.Contains("zero size", Refusal(TestImages.PngHeader(0, 10)));
        Assert.Contains("0", Refusal(TestImages.JpegHeader(10, 0)));
        Assert.Contains("zero size", Refusal(TestImages.JpegHeader(0, 10)));
    }

    [Fact]
    public void Jpeg2000_compressed_tiff_is_refused()
    {
        var bytes = TestImages.BigEndianTiffHeader(100, 100);
        // Third entry is Compression; its SHORT value sits at the start of the value field.
        var compressionValue = 8 + 64 + 2 + 2 * 12 + 8;
        bytes[compressionValue] = 33005 >> 8;
        bytes[compressionValue + 1] = 33005 & 0xFF;
        Assert.Contains("JPEG 2000", Refusal(bytes));
    }

    private static string Refusal(byte[] bytes) =>
        Assert.ThrowsAny<UnsupportedImageException>(() => ImageProbe.Probe(new MemoryStream(bytes))).Message;
}
