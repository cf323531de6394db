using Microsoft.Playwright;

namespace HafizaIzmir.Tests.Browser;

/// <summary>
/// The streets, browse, about and authority pages in a real Chromium over the demo collection: no axe-core
/// violation in either language, nothing wider than a 320-pixel phone, and screenshots to look at.
/// </summary>
public sealed class PublicPagesBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    public static TheoryData<string, string> Pages => new()
    {
        { "/", "home" }, { "/en", "home-en" },
        { "/sokaklar", "streets" }, { "/en/streets?q=quai", "streets-en-search" },
        { "/fonlar", "fonds" }, { "/en/fonds", "fonds-en" },
        { "/onyillar", "decades" }, { "/en/decades", "decades-en" },
        { "/hakkinda", "about" }, { "/en/about", "about-en" },
        { "/kisi/serif-remzi-reyent", "person" }, { "/en/person/serif-remzi-reyent", "person-en" },
        { "/mekan/kordon", "place" }, { "/en/place/kordon", "place-en" },
        { "/ara?q=fotoğraf", "search-thumbnails" }, { "/en/search?q=photograph", "search-thumbnails-en" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_page_has_no_accessibility_violations(string path, string name)
    {
        var page = await site.NewPageAsync();
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response!.Status);
        await page.AxeCheckAsync();
        await page.ScreenshotAsync("public-" + name);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_page_fits_a_320_pixel_screen_without_sideways_scrolling(string path, string name)
    {
        var page = await site.NewPageAsync(320, 640);
        await page.GotoAsync(path);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        await page.ScreenshotAsync("public-320-" + name);
        Assert.True(overflow <= 0, $"{path} is {overflow} px wider than a 320 px screen");
    }

    [Fact]
    public async Task The_place_map_draws_with_leaflet_and_the_coordinates_stay_readable_without_tiles()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/mekan/kordon");
        await Assertions.Expect(page.Locator(".coordinates")).ToContainTextAsync("° K");
        // No tile server is reachable here: Leaflet still builds its map and places the marker.
        await Assertions.Expect(page.Locator("[data-place-map].leaflet-container")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-place-map] path.leaflet-interactive")).ToHaveCountAsync(1);
        await page.ScreenshotAsync("public-place-map");
    }

    [Fact]
    public async Task A_street_is_found_by_its_old_name_typed_without_turkish_letters()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/sokaklar");
        await page.GetByLabel("Sokak adı (eski ya da yeni)").FillAsync("uzuncarsi");
        await page.Locator("form[role=search] button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/sokaklar?q=uzuncarsi");
        await Assertions.Expect(page.Locator(".street h2 a")).ToHaveTextAsync(["Anafartalar Caddesi"]);
        await Assertions.Expect(page.Locator(".matched mark")).ToHaveTextAsync("Uzunçarşı Yolu");
        await page.Locator(".street h2 a").ClickAsync();
        await page.WaitForURLAsync("**/mekan/anafartalar-caddesi");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Anafartalar Caddesi");
    }

    [Fact]
    public async Task The_draft_appears_on_no_browse_page()
    {
        var page = await site.NewPageAsync();
        foreach (var path in new[] { "/", "/fonlar", "/onyillar", "/kisi/serif-remzi-reyent", "/mekan/kizlaragasi-hani", "/sokaklar" })
        {
            await page.GotoAsync(path);
            var html = await page.ContentAsync();
            Assert.DoesNotContain(BrowserSite.DraftIdentifier, html);
            Assert.DoesNotContain("gizli taslak", html);
        }
    }
}
