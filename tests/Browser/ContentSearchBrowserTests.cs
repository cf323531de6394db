using HafizaIzmir.Archive.Ocr;
using HafizaIzmir.Tests.Ocr;
using Microsoft.Playwright;
using NetVips;

namespace HafizaIzmir.Tests.Browser;

/// <summary>A published letter of two typed pages, read by Tesseract in the background once the site runs.</summary>
public sealed class OcrBrowserSite : BrowserSite
{
    public const string Letter = "OCR-B1";
    public static readonly byte[] Page1 = OcrCorpus.Page(OcrCorpus.LetterPage1);
    public static readonly byte[] Page2 = OcrCorpus.Page(OcrCorpus.LetterPage2);

    public static bool CanRead => File.Exists(TextPages.FontFile) && new TesseractEngine(new TesseractSettings()).InstalledModels.Contains("tur");

    protected override async Task SeedAsync(Archive.Storage.Archive archive)
    {
        await OcrCorpus.SeedAuthoritiesAsync(archive);
        await OcrCorpus.SaveAsync(archive, OcrCorpus.Item(Letter, "Vapura yükleme mektubu"), Page1, Page2);
    }

    /// <summary>Waits until both pages have been read (skips where Tesseract or its Turkish data is missing).</summary>
    public async Task WaitForReadingAsync()
    {
        if (!CanRead) Assert.Skip("tesseract with Turkish data or the DejaVu font is not installed (scripts/test.sh installs them)");
        var store = Service<OcrStore>();
        await OcrCorpus.WaitUntilAsync(async () =>
            await store.ExistsAsync(OcrCorpus.Sha(Page1), "tur") && await store.ExistsAsync(OcrCorpus.Sha(Page2), "tur"), "reading both pages");
    }
}

/// <summary>A search inside a record's scans, in a real browser: the viewer marks the found words on each page it opens.</summary>
public sealed class ContentSearchBrowserTests(OcrBrowserSite site) : IClassFixture<OcrBrowserSite>
{
    [Fact]
    public async Task The_viewer_marks_the_words_found_inside_the_scans_on_every_page_it_opens()
    {
        await site.WaitForReadingAsync();
        var page = await site.NewPageAsync();
        var failures = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") failures.Add(message.Text); };
        page.PageError += (_, error) => failures.Add(error);

        // As a visitor would: type the word into the record page's own search and follow the hit on page 2.
        await page.GotoAsync("/kayit/" + OcrBrowserSite.Letter);
        await page.GetByLabel("Taramaların metninde aranacak sözcükler").FillAsync("incir");
        await page.GetByLabel("Taramaların metninde aranacak sözcükler").PressAsync("Enter");
        await Assertions.Expect(page.Locator(".within-hits li")).ToHaveCountAsync(2);
        await page.Locator(".within-hits a", new() { HasText = "Sayfa 2" }).ClickAsync();
        Assert.Contains("sayfa=2", page.Url);

        var mark = page.Locator("[data-iiif-viewer] .hit-overlay");
        await Assertions.Expect(mark).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Assertions.Expect(mark).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("^incir"));
        await AssertInkUnderAsync(page, mark);

        // Turning to page 1 marks its own occurrence.
        await page.Locator("[data-iiif-viewer] [title='Previous page']").First.ClickAsync();
        await Assertions.Expect(mark).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await AssertInkUnderAsync(page, mark);

        Assert.True(failures.Count == 0, "errors in the page:\n" + string.Join("\n", failures));
        await page.ScreenshotAsync("viewer-content-search");
        await page.AxeCheckAsync();
    }

    /// <summary>The mark lies on the scan's text: inside its border there are dark pixels of ink, not only paper.</summary>
    private static async Task AssertInkUnderAsync(IPage page, ILocator mark)
    {
        var viewer = (await page.Locator("[data-iiif-viewer]").BoundingBoxAsync())!;
        LocatorBoundingBoxResult? box = null;
        // OpenSeadragon places the overlay after the page's first frame; wait until it has a size inside the viewer.
        for (var i = 0; i < 50 && (box is null || box.Width < 3 || box.Height < 3); i++)
        {
            box = await mark.BoundingBoxAsync();
            if (box is null || box.Width < 3) await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        Assert.NotNull(box);
        Assert.True(box.X >= viewer.X - 1 && box.Y >= viewer.Y - 1 && box.X + box.Width <= viewer.X + viewer.Width + 1
            && box.Y + box.Height <= viewer.Y + viewer.Height + 1, $"mark {box.X},{box.Y} {box.Width}×{box.Height} outside the viewer");
        // Let tiles at the final zoom arrive before looking at the pixels.
        await page.WaitForTimeoutAsync(1500);
        var inset = 3f;
        var shot = await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Clip = new Clip { X = box.X + inset, Y = box.Y + inset, Width = Math.Max(1, box.Width - 2 * inset), Height = Math.Max(1, box.Height - 2 * inset) },
        });
        using var image = Image.NewFromBuffer(shot);
        using var red = image.ExtractBand(0);
        Assert.True(red.Min() < 200, $"no ink under the mark (darkest red value {red.Min()}); the mark is not on the word");
    }
}
