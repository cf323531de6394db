using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using NetVips;

namespace HafizaIzmir.Tests.Iiif;

public class ImageApiTests(IiifFixture site) : IClassFixture<IiifFixture>
{
    private const string Base = "/iiif/3/IIIF-1~1";

    private static (double R, double G, double B) Colour(Image image, int x, int y)
    {
        var p = image.Getpoint(x, y);
        return p.Length >= 3 ? (p[0], p[1], p[2]) : (p[0], p[0], p[0]);
    }

    private static void AssertColour((double R, double G, double B) expected, Image image, int x, int y)
    {
        var actual = Colour(image, x, y);
        Assert.True(Math.Abs(actual.R - expected.R) < 40 && Math.Abs(actual.G - expected.G) < 40 && Math.Abs(actual.B - expected.B) < 40,
            $"pixel ({x},{y}) is {actual}, expected about {expected}");
    }

    private static readonly (double, double, double) Red = (255, 0, 0), Green = (0, 255, 0), Blue = (0, 0, 255), White = (255, 255, 255);

    [Fact]
    public async Task Info_json_describes_the_image_at_level_2()
    {
        var response = await site.GetAsync(Base + "/info.json");
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.NotNull(response.Headers.ETag);
        Assert.Contains("max-age=", response.Headers.CacheControl!.ToString());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = json.RootElement;
        Assert.Equal("http://iiif.io/api/image/3/context.json", root.GetProperty("@context").GetString());
        Assert.Equal("http://localhost/iiif/3/IIIF-1~1", root.GetProperty("id").GetString());
        Assert.Equal("ImageService3", root.GetProperty("type").GetString());
        Assert.Equal("http://iiif.io/api/image", root.GetProperty("protocol").GetString());
        Assert.Equal("level2", root.GetProperty("profile").GetString());
        Assert.Equal(400, root.GetProperty("width").GetInt32());
        Assert.Equal(300, root.GetProperty("height").GetInt32());
        Assert.Equal(10000, root.GetProperty("maxWidth").GetInt32());
        Assert.True(root.GetProperty("maxArea").GetInt64() > 0);
        var tile = root.GetProperty("tiles")[0];
        Assert.Equal(256, tile.GetProperty("width").GetInt32());
        Assert.Equal([1, 2], tile.GetProperty("scaleFactors").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([(200, 150), (400, 300)], root.GetProperty("sizes").EnumerateArray().Select(s => (s.GetProperty("width").GetInt32(), s.GetProperty("height").GetInt32())));
        Assert.Equal(["png", "webp"], root.GetProperty("extraFormats").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["color", "gray", "bitonal"], root.GetProperty("extraQualities").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("mirroring", root.GetProperty("extraFeatures").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("rotationArbitrary", root.GetProperty("extraFeatures").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Info_json_is_json_ld_when_asked_for()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Base + "/info.json");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/ld+json"));
        var response = await site.Client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("http://iiif.io/api/image/3/context.json", response.Content.Headers.ContentType.ToString());
    }

    [Fact]
    public async Task The_base_uri_redirects_to_info_json()
    {
        var response = await site.GetAsync(Base, HttpStatusCode.SeeOther);
        Assert.Equal("/iiif/3/IIIF-1~1/info.json", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Full_max_is_the_whole_image()
    {
        var response = await site.GetAsync(Base + "/full/max/0/default.jpg");
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
        using var image = Image.NewFromBuffer(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal((400, 300), (image.Width, image.Height));
        AssertColour(Red, image, 50, 50);
        AssertColour(Green, image, 350, 50);
        AssertColour(Blue, image, 50, 250);
        AssertColour(White, image, 350, 250);
    }

    [Theory]
    [InlineData("200,0,200,150", 200, 150, "green")]
    [InlineData("0,150,200,150", 200, 150, "blue")]
    [InlineData("pct:50,50,50,50", 200, 150, "white")]
    [InlineData("pct:0,0,25,25", 100, 75, "red")]
    [InlineData("300,200,500,500", 100, 100, "white")]
    public async Task Regions_cut_the_right_pixels(string region, int width, int height, string colour)
    {
        using var image = await site.ImageAsync($"{Base}/{region}/max/0/default.png");
        Assert.Equal((width, height), (image.Width, image.Height));
        var expected = colour switch { "green" => Green, "blue" => Blue, "white" => White, _ => Red };
        // A few pixels in: the pyramid is JPEG, whose chroma subsampling blurs colour edges slightly.
        AssertColour(expected, image, 3, 3);
        AssertColour(expected, image, width - 4, height - 4);
    }

    [Fact]
    public async Task Square_region_is_centred()
    {
        using var image = await site.ImageAsync($"{Base}/square/max/0/default.png");
        Assert.Equal((300, 300), (image.Width, image.Height));
        AssertColour(Red, image, 0, 0);      // x 50 in the full image
        AssertColour(Green, image, 299, 0);  // x 349
    }

    [Theory]
    [InlineData("200,", 200, 150)]
    [InlineData(",75", 100, 75)]
    [InlineData("pct:25", 100, 75)]
    [InlineData("120,50", 120, 50)]
    [InlineData("!100,100", 100, 75)]
    [InlineData("^800,", 800, 600)]
    [InlineData("^pct:150", 600, 450)]
    [InlineData("%5E!800,800", 800, 600)]
    public async Task Sizes_scale_the_region(string size, int width, int height)
    {
        using var image = await site.ImageAsync($"{Base}/full/{size}/0/default.jpg");
        Assert.Equal((width, height), (image.Width, image.Height));
    }

    [Theory]
    [InlineData("90", 300, 400, "blue", "red", "white", "green")]
    [InlineData("180", 400, 300, "white", "blue", "green", "red")]
    [InlineData("270", 300, 400, "green", "white", "red", "blue")]
    [InlineData("!0", 400, 300, "green", "red", "white", "blue")]
    [InlineData("!90", 300, 400, "white", "green", "blue", "red")]
    [InlineData("!180", 400, 300, "blue", "white", "red", "green")]
    public async Task Rotation_and_mirroring_move_the_quadrants(string rotation, int width, int height,
        string topLeft, string topRight, string bottomLeft, string bottomRight)
    {
        using var image = await site.ImageAsync($"{Base}/full/max/{rotation}/default.png");
        Assert.Equal((width, height), (image.Width, image.Height));
        (double, double, double) C(string name) => name switch { "green" => Green, "blue" => Blue, "white" => White, _ => Red };
        AssertColour(C(topLeft), image, 10, 10);
        AssertColour(C(topRight), image, width - 10, 10);
        AssertColour(C(bottomLeft), image, 10, height - 10);
        AssertColour(C(bottomRight), image, width - 10, height - 10);
    }

    [Theory]
    [InlineData("45", "red", "green", "white", "blue")]
    [InlineData("!45", "green", "red", "blue", "white")]
    [InlineData("315", "green", "white", "blue", "red")]
    public async Task Arbitrary_angles_turn_clockwise_within_the_bounding_box(string rotation,
        string top, string right, string bottom, string left)
    {
        using var image = await site.ImageAsync($"{Base}/full/max/{rotation}/default.png");
        // 400×300 turned by 45° needs (400 + 300)·cos 45° ≈ 495 pixels each way.
        Assert.InRange(image.Width, 493, 498);
        Assert.InRange(image.Height, 493, 498);
        Assert.Equal(4, image.Bands);
        Assert.Equal(0, image.Getpoint(3, 3)[3]);
        Assert.Equal(0, image.Getpoint(image.Width - 4, image.Height - 4)[3]);
        var (cx, cy) = (image.Width / 2, image.Height / 2);
        (double, double, double) C(string name) => name switch { "green" => Green, "blue" => Blue, "white" => White, _ => Red };
        AssertColour(C(top), image, cx, cy - 100);
        AssertColour(C(right), image, cx + 100, cy);
        AssertColour(C(bottom), image, cx, cy + 100);
        AssertColour(C(left), image, cx - 100, cy);
        Assert.Equal(255, image.Getpoint(cx, cy - 100)[3]);

        using var jpeg = await site.ImageAsync($"{Base}/full/200,/22.5/default.jpg");
        Assert.Equal(3, jpeg.Bands);
        AssertColour(White, jpeg, 2, 2);

        using var bitonal = await site.ImageAsync($"{Base}/full/max/30/bitonal.png");
        using var grey = bitonal.ExtractBand(0);
        using var black = grey.Equal(0.0);
        using var white = grey.Equal(255.0);
        using var either = black.Boolean(white, Enums.OperationBoolean.Or);
        Assert.Equal(255, either.Min());
    }

    [Fact]
    public async Task Upscaled_max_grows_to_the_servers_limits()
    {
        using var image = await site.ImageAsync($"{Base}/full/%5Emax/0/default.jpg");
        Assert.True(image.Width > 400 && image.Width <= 10000 && (long)image.Width * image.Height <= 50_000_000, $"{image.Width}×{image.Height}");
        Assert.Equal(4.0 / 3, (double)image.Width / image.Height, 2);
    }

    [Fact]
    public async Task Gray_has_no_colour_and_bitonal_only_black_and_white()
    {
        using var gray = await site.ImageAsync($"{Base}/full/max/0/gray.png");
        Assert.Equal(1, gray.Bands);
        Assert.InRange(gray.Getpoint(50, 50)[0], 40, 160);     // red's lightness
        Assert.Equal(255, gray.Getpoint(350, 250)[0], 1);

        using var bitonal = await site.ImageAsync($"{Base}/full/max/0/bitonal.png");
        using var black = bitonal.Equal(0.0);
        using var white = bitonal.Equal(255.0);
        using var either = black.Boolean(white, Enums.OperationBoolean.Or);
        Assert.Equal(255, either.Min());
        Assert.Equal((0, 255), (bitonal.Min(), bitonal.Max()));
    }

    [Theory]
    [InlineData("png", "image/png", new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' })]
    [InlineData("webp", "image/webp", new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F' })]
    [InlineData("jpg", "image/jpeg", new byte[] { 0xFF, 0xD8, 0xFF })]
    public async Task Formats_are_encoded_as_asked(string format, string mediaType, byte[] magic)
    {
        var response = await site.GetAsync($"{Base}/full/100,/0/color.{format}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(magic, bytes[..magic.Length]);
    }

    [Fact]
    public async Task Responses_carry_canonical_link_cors_etag_and_revalidate()
    {
        var response = await site.GetAsync($"{Base}/pct:0,0,100,100/200,/360/default.jpg");
        Assert.Contains("<http://localhost/iiif/3/IIIF-1~1/full/200,150/0/default.jpg>;rel=\"canonical\"", response.Headers.GetValues("Link").Single());
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("public", response.Headers.CacheControl!.ToString());
        var etag = response.Headers.ETag!;

        using var again = new HttpRequestMessage(HttpMethod.Get, $"{Base}/full/200,/0/default.jpg");
        again.Headers.IfNoneMatch.Add(etag);
        var cached = await site.Client.SendAsync(again, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotModified, cached.StatusCode);

        var other = await site.GetAsync($"{Base}/full/100,/0/default.jpg");
        Assert.NotEqual(etag, other.Headers.ETag);
    }

    [Theory]
    [InlineData("/iiif/3/IIIF-1~1/full/max/0/default.tif", HttpStatusCode.NotImplemented)]
    [InlineData("/iiif/3/IIIF-1~1/full/max/360.5/default.jpg", HttpStatusCode.BadRequest)]
    [InlineData("/iiif/3/IIIF-1~1/full/max/0/native.jpg", HttpStatusCode.BadRequest)]
    [InlineData("/iiif/3/IIIF-1~1/full/401,/0/default.jpg", HttpStatusCode.BadRequest)]
    [InlineData("/iiif/3/IIIF-1~1/full/pct:1e309/0/default.jpg", HttpStatusCode.BadRequest)]
    [InlineData("/iiif/3/IIIF-1~1/full/%5E99999,/0/default.jpg", HttpStatusCode.BadRequest)]
    [InlineData("/iiif/3/IIIF-1~1/400,0,10,10/max/0/default.jpg", HttpStatusCode.BadRequest)]
    [InlineData("/iiif/3/IIIF-1~1/-1,0,10,10/max/0/default.jpg", HttpStatusCode.BadRequest)]
    [InlineData("/iiif/3/IIIF-1~1/full/max/-90/default.jpg", HttpStatusCode.BadRequest)]
    [InlineData("/iiif/3/IIIF-1~3/full/max/0/default.jpg", HttpStatusCode.NotFound)]
    [InlineData("/iiif/3/IIIF-1~0/info.json", HttpStatusCode.NotFound)]
    [InlineData("/iiif/3/IIIF-1/info.json", HttpStatusCode.NotFound)]
    [InlineData("/iiif/3/NOPE~1/info.json", HttpStatusCode.NotFound)]
    [InlineData("/iiif/3/..~1/info.json", HttpStatusCode.NotFound)]
    [InlineData("/iiif/3/..%2F..%2Fetc~1/info.json", HttpStatusCode.NotFound)]
    [InlineData("/iiif/3/IIIF-2~1/info.json", HttpStatusCode.NotFound)]
    [InlineData("/iiif/3/IIIF-2~1/full/max/0/default.jpg", HttpStatusCode.NotFound)]
    [InlineData("/iiif/3/IIIF-2~1/0,0,256,256/256,/0/default.jpg", HttpStatusCode.NotFound)]
    [InlineData("/iiif/3/SRR-0002~1/info.json", HttpStatusCode.NotFound)]
    public async Task Bad_unsupported_and_unknown_requests_get_the_right_status(string path, HttpStatusCode status)
    {
        var response = await site.GetAsync(path, status);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Tiles_come_from_the_pyramid_once_it_is_made()
    {
        await site.WaitForDerivativesAsync(IiifFixture.Scan);
        using var fromMaster = Image.NewFromBuffer(IiifFixture.Scan);
        using var tile = await site.ImageAsync("/iiif/3/IIIF-1~2/512,512,256,256/max/0/default.png");
        Assert.Equal((256, 256), (tile.Width, tile.Height));
        // The pyramid is JPEG-compressed, so compare the average colour rather than exact pixels.
        using var expected = fromMaster.Crop(512, 512, 256, 256);
        Assert.True(Math.Abs(expected.Avg() - tile.Avg()) < 4, $"tile mean {tile.Avg()} vs master {expected.Avg()}");

        using var reduced = await site.ImageAsync("/iiif/3/IIIF-1~2/0,0,1024,768/256,/0/default.jpg");
        Assert.Equal((256, 192), (reduced.Width, reduced.Height));

        var thumbnail = await site.GetAsync("/iiif/3/IIIF-1~2/full/400,/0/default.jpg");
        using var thumb = Image.NewFromBuffer(await thumbnail.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal((400, 300), (thumb.Width, thumb.Height));
    }
}
