using System.Net;
using System.Text.RegularExpressions;

namespace HafizaIzmir.Tests.Iiif;

public class RecordViewerTests(IiifFixture site) : IClassFixture<IiifFixture>
{
    [Fact]
    public async Task The_record_page_shows_thumbnails_and_a_viewer_without_inline_script()
    {
        var response = await site.GetAsync("/kayit/IIIF-1");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        // Without JavaScript: plain thumbnails linking to the full images.
        Assert.Contains("<a href=\"/iiif/3/IIIF-1~1/full/max/0/default.jpg\"><img src=\"/iiif/3/IIIF-1~1/full/400,/0/default.jpg\" alt=\"Sayfa 1\" width=\"400\" height=\"300\"", html);
        Assert.Contains("/iiif/3/IIIF-1~2/full/400,/0/default.jpg", html);
        // With it: the viewer element fed by the manifest, switched on by script files only.
        Assert.Contains("data-manifest=\"/iiif/manifest/IIIF-1\"", html);
        // schema.org JSON-LD is data the browser never runs; every other script is a file.
        var scripts = Regex.Matches(html, "<script(?! type=\"application/ld\\+json\")[^>]*>(.*?)</script>", RegexOptions.Singleline);
        Assert.Equal(2, scripts.Count);
        Assert.All(scripts, s => Assert.True(s.Groups[1].Value.Length == 0 && s.Value.Contains("src=\"/assets/"), s.Value));
        Assert.DoesNotContain(" style=", html);
        Assert.DoesNotContain(" onload=", html);

        // Every thumbnail the page shows can be fetched.
        foreach (Match img in Regex.Matches(html, "<img src=\"([^\"]+)\""))
            await site.GetAsync(WebUtility.HtmlDecode(img.Groups[1].Value));
    }

    [Fact]
    public async Task A_link_to_a_page_opens_the_viewer_on_it_and_marks_its_thumbnail()
    {
        var html = await (await site.GetAsync("/kayit/IIIF-1?sayfa=2")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("data-page=\"2\"", html);
        Assert.Contains("<li id=\"sayfa-2\" class=\"current\" aria-current=\"true\">", html);
        Assert.Contains("<li id=\"sayfa-1\">", html);

        // A page the record does not have, or none, opens on the first and marks nothing.
        foreach (var path in new[] { "/kayit/IIIF-1?sayfa=99", "/kayit/IIIF-1?sayfa=-1", "/kayit/IIIF-1" })
        {
            var other = await (await site.GetAsync(path)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Contains("data-page=\"1\"", other);
            Assert.DoesNotContain("class=\"current\"", other);
        }
    }

    [Fact]
    public async Task A_record_without_scans_has_no_viewer()
    {
        var html = await (await site.GetAsync("/kayit/IIIF-3")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("data-iiif-viewer", html);
        Assert.DoesNotContain("<script src", html);
    }

    [Theory]
    [InlineData("/assets/viewer.js", "javascript")]
    [InlineData("/assets/openseadragon/openseadragon.min.js", "javascript")]
    [InlineData("/assets/openseadragon/images/home_rest.png", "image/png")]
    public async Task The_viewer_files_are_served(string path, string type)
    {
        if (!File.Exists(Path.Combine(AppContext.BaseDirectory, "assets", "openseadragon", "openseadragon.min.js")))
            Assert.Skip("OpenSeadragon is not installed (scripts/viewer-assets.sh installs it)");
        var response = await site.GetAsync(path);
        Assert.Contains(type, response.Content.Headers.ContentType!.MediaType);
    }
}
