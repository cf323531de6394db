using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace HafizaIzmir.Tests.Browser;

/// <summary>The deep-zoom viewer of a record page, in a real browser: the manifest, info.json and tiles load, and pixels reach the canvas.</summary>
public sealed class ViewerTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    /// <summary>A demo letter with one drawn scan.</summary>
    private const string Letter = "SRR-S01-0007";

    [Fact]
    public async Task OpenSeadragon_draws_tiles_served_by_the_image_api()
    {
        var page = await site.NewPageAsync();
        var tiles = new ConcurrentBag<(string Url, int Status, string? Type)>();
        var failures = new ConcurrentBag<string>();
        page.Response += (_, response) =>
        {
            var path = new Uri(response.Url).AbsolutePath;
            // A tile is /iiif/3/{id}/{region}/{size}/{rotation}/{quality}.{format}: five segments after the prefix.
            if (path.StartsWith("/iiif/3/", StringComparison.Ordinal) && path.Split('/').Length == 8)
                tiles.Add((path, response.Status, response.Headers.GetValueOrDefault("content-type")));
        };
        page.Console += (_, message) => { if (message.Type == "error") failures.Add(message.Text); };
        page.Response += (_, response) => { if (response.Status >= 400) failures.Add($"{response.Status} {response.Url}"); };
        page.PageError += (_, error) => failures.Add(error);

        await page.GotoAsync("/kayit/" + Letter);
        var viewer = page.Locator("[data-iiif-viewer]");
        await Assertions.Expect(viewer).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(viewer.Locator("canvas").First).ToBeAttachedAsync();

        // Drawn means many non-background pixels on the viewer's canvas (its background is near-black).
        var deadline = DateTime.UtcNow.AddSeconds(20);
        int painted;
        while ((painted = await PaintedPixelsAsync(page)) < 1000)
        {
            Assert.True(DateTime.UtcNow < deadline,
                $"the viewer's canvas stayed blank ({painted} painted pixels); tile responses: {string.Join(", ", tiles.Select(t => $"{t.Status} {t.Url}"))}; console: {string.Join(" | ", failures)}");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        Assert.NotEmpty(tiles);
        Assert.All(tiles, t =>
        {
            Assert.Equal(200, t.Status);
            Assert.StartsWith("image/", t.Type ?? "", StringComparison.Ordinal);
            Assert.Contains("/" + Letter + "~1/", Uri.UnescapeDataString(t.Url), StringComparison.Ordinal);
        });
        Assert.True(failures.IsEmpty, "errors in the page:\n" + string.Join("\n", failures));
        await page.ScreenshotAsync("viewer-record");
        // The viewer's own controls are part of the page a visitor meets, so they are held to the same rules.
        await page.AxeCheckAsync();
    }

    /// <summary>Pixels of the largest canvas in the viewer that differ clearly from its dark background.</summary>
    private static Task<int> PaintedPixelsAsync(IPage page) => page.EvaluateAsync<int>(@"() => {
        const canvases = Array.from(document.querySelectorAll('[data-iiif-viewer] canvas'));
        if (canvases.length === 0) return 0;
        const canvas = canvases.reduce((a, b) => a.width * a.height >= b.width * b.height ? a : b);
        if (canvas.width === 0 || canvas.height === 0) return 0;
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let painted = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && data[i] + data[i + 1] + data[i + 2] > 150) painted++;
        return painted;
    }");
}
