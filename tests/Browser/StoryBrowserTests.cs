using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Ingest;
using HafizaIzmir.Site.Accounts;
using HafizaIzmir.Site.Demo;
using Microsoft.Playwright;

namespace HafizaIzmir.Tests.Browser;

/// <summary>The demo collection with the demo stories published, and one story left a draft.</summary>
public sealed class StorySite : BrowserSite
{
    public const string StorySlug = "bir-incir-sezonu-1927";
    public const string DraftSlug = "gizli-taslak-hikaye";

    protected override async Task SeedAsync(Archive.Storage.Archive archive)
    {
        await SeedDemoAsync(archive, Directory);
        var stories = Path.Combine(Path.GetDirectoryName(DemoScans.BundledRecords)!, "stories");
        var report = await new StoryImporter(archive).ImportAsync(stories, "test", publish: true);
        Assert.True(report.Succeeded, report.Describe());
        await archive.SaveStoryAsync(new Story { Slug = DraftSlug, Title = new LocalizedText("Gizli taslak hikâye"), Body = new LocalizedText("Taslak.") },
            null, new CommitInfo("test", "seed"));
    }
}

/// <summary>Story pages in a real browser: no WCAG A/AA violations (axe-core), public and cataloguing, in both languages.</summary>
public sealed class StoryBrowserTests(StorySite site) : IClassFixture<StorySite>
{
    [Theory]
    [InlineData("/hikaye")]
    [InlineData("/en/stories")]
    [InlineData("/hikaye/" + StorySite.StorySlug)]
    [InlineData("/en/stories/" + StorySite.StorySlug)]
    [InlineData("/")]
    [InlineData("/en")]
    [InlineData("/hikaye/" + StorySite.DraftSlug)]
    public async Task Public_story_pages_have_no_accessibility_violations(string path)
    {
        var page = await site.NewPageAsync();
        var response = await page.GotoAsync(path);
        Assert.Equal(path.EndsWith(StorySite.DraftSlug, StringComparison.Ordinal) ? 404 : 200, response!.Status);
        await page.AxeCheckAsync();
    }

    [Fact]
    public async Task A_story_page_shows_its_cards_with_loaded_thumbnails_on_a_phone_and_a_desktop()
    {
        foreach (var (width, height, name) in new[] { (1280, 900, "story-desktop"), (390, 844, "story-phone") })
        {
            var page = await site.NewPageAsync(width, height);
            await page.GotoAsync("/hikaye/" + StorySite.StorySlug);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Bir incir sezonu: Aydın'dan Marsilya'ya, 1927");
            var cards = page.Locator(".story-embed-record");
            Assert.True(await cards.CountAsync() >= 5);
            var image = cards.First.Locator("img");
            await image.ScrollIntoViewIfNeededAsync();
            await Assertions.Expect(image).ToHaveJSPropertyAsync("complete", true);
            Assert.True(await image.EvaluateAsync<int>("i => i.naturalWidth") > 0, "the IIIF thumbnail did not load");
            // Nothing overflows the viewport sideways.
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
            await page.ScreenshotAsync(name);
        }
    }

    [Theory]
    [InlineData("/katalog/hikaye")]
    [InlineData("/katalog/hikaye/yeni")]
    [InlineData("/katalog/hikaye/" + StorySite.StorySlug)]
    [InlineData("/katalog/hikaye/" + StorySite.DraftSlug)]
    [InlineData("/katalog")]
    public async Task Cataloguing_story_pages_have_no_accessibility_violations(string path)
    {
        var page = await site.NewPageAsync();
        await site.SignInAsync(page, "katalogcu-" + Guid.NewGuid().ToString("N")[..8], Role.Cataloguer);
        Assert.Equal(200, (await page.GotoAsync(path))!.Status);
        await page.AxeCheckAsync();
    }

    [Fact]
    public async Task The_preview_and_the_validation_messages_are_accessible_and_keep_what_was_typed()
    {
        var page = await site.NewPageAsync();
        await site.SignInAsync(page, "ogrenci-" + Guid.NewGuid().ToString("N")[..8], Role.Student);
        await page.GotoAsync("/katalog/hikaye/yeni");
        await page.GetByLabel("Kısa ad (adres: /hikaye/…)").FillAsync("Kötü Ad");
        await page.GetByLabel("Başlık", new() { Exact = true }).FillAsync("Liman üzerine");
        await page.Locator("#metin").FillAsync("## Rıhtım\n\n[[kayit:SRR-S04-0011]]\n\n[[kayit:SRR-S01-9999]]");
        await page.GetByRole(AriaRole.Button, new() { Name = "Önizle" }).ClickAsync();
        await Assertions.Expect(page.Locator("#onizleme")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".story-embed-record a")).ToHaveAttributeAsync("href", "/kayit/SRR-S04-0011");
        await Assertions.Expect(page.Locator(".story-embed-missing")).ToContainTextAsync("yayımlanmamış");
        await page.AxeCheckAsync();
        await page.ScreenshotAsync("katalog-story-preview");

        // The slug pattern is also checked by the browser; bypass it to see the server's message beside the field.
        await page.EvaluateAsync("() => document.querySelector('form[action=\"/katalog/hikaye/yeni\"]').noValidate = true");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kaydet" }).ClickAsync();
        await Assertions.Expect(page.Locator("#kisa-ad-error")).ToContainTextAsync("Kısa ad yalnızca küçük harf");
        await Assertions.Expect(page.Locator("#kisa-ad")).ToHaveValueAsync("Kötü Ad");
        await page.AxeCheckAsync();
    }
}
