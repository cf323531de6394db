using HafizaIzmir.Site.Iiif;

namespace HafizaIzmir.Tests.Iiif;

public class ParameterTests
{
    private static readonly ImageServiceLimits Limits = new(5000, 4000, 12_000_000);

    private static int Status(Action action) => Assert.Throws<IiifRequestException>(action).Status;

    [Theory]
    [InlineData("full", 0, 0, 800, 600)]
    [InlineData("square", 100, 0, 600, 600)]
    [InlineData("0,0,800,600", 0, 0, 800, 600)]
    [InlineData("10,20,30,40", 10, 20, 30, 40)]
    [InlineData("700,500,500,500", 700, 500, 100, 100)]      // cut at the edges
    [InlineData("pct:0,0,100,100", 0, 0, 800, 600)]
    [InlineData("pct:50,50,50,50", 400, 300, 400, 300)]
    [InlineData("pct:25,0,50,100", 200, 0, 400, 600)]
    [InlineData("pct:10.5,0,10,10", 84, 0, 80, 60)]
    [InlineData("pct:90,90,50,50", 720, 540, 80, 60)]
    [InlineData("pct:0.5,.5,99,99", 4, 3, 792, 594)]
    public void Regions_resolve_to_pixels(string text, int x, int y, int w, int h) =>
        Assert.Equal(new PixelRegion(x, y, w, h), RegionParameter.Parse(text).Resolve(800, 600));

    [Fact]
    public void Square_of_a_portrait_image_is_centred_vertically() =>
        Assert.Equal(new PixelRegion(0, 150, 600, 600), RegionParameter.Parse("square").Resolve(600, 901));

    [Theory]
    [InlineData("")]
    [InlineData("Full")]
    [InlineData("0,0,10")]
    [InlineData("0,0,10,10,10")]
    [InlineData("-1,0,10,10")]
    [InlineData("0,0,-10,10")]
    [InlineData("0,0,0,10")]
    [InlineData("0,0,10,0")]
    [InlineData("1.5,0,10,10")]
    [InlineData("0x10,0,10,10")]
    [InlineData(" 0,0,10,10")]
    [InlineData("0,0,10,10 ")]
    [InlineData("+1,0,10,10")]
    [InlineData("99999999999,0,10,10")]
    [InlineData("0,0,2147483648,10")]
    [InlineData("pct:1e309,0,10,10")]
    [InlineData("pct:0,0,1e2,10")]
    [InlineData("pct:NaN,0,10,10")]
    [InlineData("pct:Infinity,0,10,10")]
    [InlineData("pct:-0,0,10,10")]
    [InlineData("pct:0,0,0,10")]
    [InlineData("pct:100,0,10,10")]
    [InlineData("pct:0,150,10,10")]
    [InlineData("pct:1.,0,10,10")]
    [InlineData("pct:0,0,10")]
    [InlineData("pct:")]
    [InlineData("../../etc/passwd")]
    [InlineData("..%2F..")]
    [InlineData("٣,0,10,10")] // non-ASCII digits
    public void Malformed_regions_are_400(string text) => Assert.Equal(400, Status(() => RegionParameter.Parse(text)));

    [Theory]
    [InlineData("800,0,10,10")]
    [InlineData("0,600,10,10")]
    [InlineData("1000000000,0,10,10")]
    public void Regions_starting_outside_the_image_are_400(string text) =>
        Assert.Equal(400, Status(() => RegionParameter.Parse(text).Resolve(800, 600)));

    [Fact]
    public void A_tiny_percentage_of_a_small_image_is_400() =>
        Assert.Equal(400, Status(() => RegionParameter.Parse("pct:0,0,0.01,0.01").Resolve(80, 60)));

    [Fact]
    public void Canonical_region_is_full_or_pixels()
    {
        Assert.Equal("full", RegionParameter.Canonical(new PixelRegion(0, 0, 800, 600), 800, 600));
        Assert.Equal("100,0,600,600", RegionParameter.Canonical(RegionParameter.Parse("square").Resolve(800, 600), 800, 600));
        Assert.Equal("full", RegionParameter.Canonical(RegionParameter.Parse("pct:0,0,100,100").Resolve(800, 600), 800, 600));
    }

    [Theory]
    [InlineData("max", 800, 600)]
    [InlineData("400,", 400, 300)]
    [InlineData(",300", 400, 300)]
    [InlineData(",1", 1, 1)]
    [InlineData("1,", 1, 1)]
    [InlineData("pct:50", 400, 300)]
    [InlineData("pct:100", 800, 600)]
    [InlineData("pct:12.5", 100, 75)]
    [InlineData("400,400", 400, 400)]           // distorting is allowed
    [InlineData("!400,400", 400, 300)]
    [InlineData("!400,100", 133, 100)]
    [InlineData("!2000,2000", 800, 600)]        // best fit, but never enlarged without ^
    [InlineData("^max", 4000, 3000)]            // up to maxArea 12 Mpx
    [InlineData("^1600,", 1600, 1200)]
    [InlineData("^,1200", 1600, 1200)]
    [InlineData("^pct:200", 1600, 1200)]
    [InlineData("^1000,700", 1000, 700)]
    [InlineData("^!2000,2000", 2000, 1500)]
    [InlineData("^400,", 400, 300)]             // ^ allows but does not require enlarging
    public void Sizes_resolve(string text, int w, int h) =>
        Assert.Equal((w, h), SizeParameter.Parse(text).Resolve(800, 600, Limits));

    [Fact]
    public void Max_is_reduced_to_the_servers_limits()
    {
        Assert.Equal((5000, 2500), SizeParameter.Max.Resolve(8000, 4000, new ImageServiceLimits(5000, 5000, 100_000_000)));
        Assert.Equal((2000, 4000), SizeParameter.Max.Resolve(6000, 12000, new ImageServiceLimits(10000, 4000, 100_000_000)));
        var (w, h) = SizeParameter.Max.Resolve(8000, 6000, new ImageServiceLimits(10000, 10000, 12_000_000));
        Assert.True((long)w * h <= 12_000_000 && Math.Abs((double)w / h - 8000.0 / 6000) < 0.01, $"{w}×{h}");
    }

    [Theory]
    [InlineData("801,")]
    [InlineData(",601")]
    [InlineData("pct:101")]
    [InlineData("801,600")]
    [InlineData("800,601")]
    [InlineData("^5001,")]                        // over maxWidth
    [InlineData("^,4001")]                        // over maxHeight
    [InlineData("^4000,3001")]                    // over maxArea
    [InlineData("^pct:1000")]
    [InlineData("^999999999,")]
    [InlineData("pct:0.01")]                      // less than a pixel
    public void Sizes_too_large_or_too_small_are_400(string text) =>
        Assert.Equal(400, Status(() => SizeParameter.Parse(text).Resolve(800, 600, Limits)));

    [Theory]
    [InlineData("")]
    [InlineData(",")]
    [InlineData("^")]
    [InlineData("^^max")]
    [InlineData("MAX")]
    [InlineData("full")]                          // Image API 2 only
    [InlineData("0,")]
    [InlineData(",0")]
    [InlineData("-1,")]
    [InlineData("1.5,")]
    [InlineData("!400,")]
    [InlineData("!,400")]
    [InlineData("!!400,400")]
    [InlineData("!^400,400")]
    [InlineData("400,300,200")]
    [InlineData("pct:0")]
    [InlineData("pct:-5")]
    [InlineData("pct:1e309")]
    [InlineData("^pct:1e3")]
    [InlineData("pct:")]
    [InlineData("pct:abc")]
    [InlineData("99999999999,")]
    [InlineData("2147483648,")]
    [InlineData("1000000001,")]
    [InlineData("../")]
    public void Malformed_sizes_are_400(string text) => Assert.Equal(400, Status(() => SizeParameter.Parse(text)));

    [Fact]
    public void Canonical_size_is_max_or_width_comma_height()
    {
        Assert.Equal("max", SizeParameter.Canonical(800, 600, 800, 600, upscaled: false));
        Assert.Equal("400,300", SizeParameter.Canonical(400, 300, 800, 600, upscaled: false));
        Assert.Equal("^1600,1200", SizeParameter.Canonical(1600, 1200, 800, 600, upscaled: true));
        Assert.Equal("400,300", SizeParameter.Canonical(400, 300, 800, 600, upscaled: true));
    }

    [Theory]
    [InlineData("0", 0, false)]
    [InlineData("90", 90, false)]
    [InlineData("180", 180, false)]
    [InlineData("270", 270, false)]
    [InlineData("360", 0, false)]
    [InlineData("90.0", 90, false)]
    [InlineData("!0", 0, true)]
    [InlineData("!90", 90, true)]
    [InlineData("!270", 270, true)]
    [InlineData("45", 45, false)]
    [InlineData("22.5", 22.5, false)]
    [InlineData("!1", 1, true)]
    [InlineData("359.99", 359.99, false)]
    [InlineData(".5", 0.5, false)]
    public void Angles_and_mirroring_parse(string text, double degrees, bool mirror) =>
        Assert.Equal(new RotationParameter(degrees, mirror), RotationParameter.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("!")]
    [InlineData("!!90")]
    [InlineData("-90")]
    [InlineData("361")]
    [InlineData("450")]
    [InlineData("90!")]
    [InlineData("1e309")]
    [InlineData("NaN")]
    [InlineData("9999999999999999999999999999999")]
    [InlineData("..")]
    public void Malformed_rotations_are_400(string text) => Assert.Equal(400, Status(() => RotationParameter.Parse(text)));

    [Fact]
    public void Canonical_rotation_keeps_the_mirror_mark()
    {
        Assert.Equal("!90", RotationParameter.Parse("!90.0").Canonical);
        Assert.Equal("0", RotationParameter.Parse("360").Canonical);
        Assert.Equal("!22.5", RotationParameter.Parse("!022.500").Canonical);
        Assert.Equal("0", RotationParameter.Parse("359.99999999999").Canonical);
    }

    [Theory]
    [InlineData("default.jpg", "default", "jpg", "image/jpeg")]
    [InlineData("color.png", "color", "png", "image/png")]
    [InlineData("gray.webp", "gray", "webp", "image/webp")]
    [InlineData("bitonal.png", "bitonal", "png", "image/png")]
    public void Qualities_and_formats_parse(string text, string quality, string format, string mediaType)
    {
        var parsed = QualityFormat.Parse(text);
        Assert.Equal((quality, format, mediaType), (parsed.Quality, parsed.Format, parsed.MediaType));
    }

    [Theory]
    [InlineData("default.tif")]
    [InlineData("default.gif")]
    [InlineData("default.jp2")]
    [InlineData("color.pdf")]
    public void Image_api_formats_not_offered_are_501(string text) => Assert.Equal(501, Status(() => QualityFormat.Parse(text)));

    [Theory]
    [InlineData("default")]
    [InlineData("default.")]
    [InlineData(".jpg")]
    [InlineData("native.jpg")]                    // Image API 1 quality
    [InlineData("Default.jpg")]
    [InlineData("default.JPG")]
    [InlineData("default.jpeg")]
    [InlineData("default.exe")]
    [InlineData("default.jpg.png")]
    [InlineData("../default.jpg")]
    public void Malformed_quality_or_format_is_400(string text) => Assert.Equal(400, Status(() => QualityFormat.Parse(text)));

    [Theory]
    [InlineData("SRR-0001~1", "SRR-0001", 1)]
    [InlineData("a~99999", "a", 99999)]
    [InlineData("x.y_z~12", "x.y_z", 12)]
    public void Image_ids_name_a_record_and_a_page(string text, string record, int page)
    {
        Assert.True(ImageIdentifier.TryParse(text, out var id));
        Assert.Equal(new ImageIdentifier(record, page), id);
        Assert.Equal(text, id.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("SRR-0001")]
    [InlineData("SRR-0001~")]
    [InlineData("SRR-0001~0")]
    [InlineData("SRR-0001~01")]
    [InlineData("SRR-0001~-1")]
    [InlineData("SRR-0001~1.5")]
    [InlineData("SRR-0001~100000")]
    [InlineData("~1")]
    [InlineData("../SRR~1")]
    [InlineData("..~1")]
    [InlineData("a/b~1")]
    [InlineData("a~b~1")]
    [InlineData("SRR 0001~1")]
    public void Other_ids_name_no_image(string? text) => Assert.False(ImageIdentifier.TryParse(text, out _));
}
