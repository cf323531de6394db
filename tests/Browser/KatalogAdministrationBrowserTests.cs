using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Site.Accounts;
using Microsoft.Playwright;

namespace HafizaIzmir.Tests.Browser;

/// <summary>The authority, accession, account and import pages in a real browser: axe-clean, and usable with the keyboard alone.</summary>
public sealed class KatalogAdministrationBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task Every_administration_page_has_no_axe_violations()
    {
        var page = await site.NewPageAsync();
        await site.SignInAsync(page, "yonetici-axe", Role.Admin);
        var alsancak = await IdOfAsync("Alsancak");
        foreach (var path in new[]
        {
            "/katalog/otoriteler", "/katalog/otoriteler?q=izmir&tur=place", "/katalog/otoriteler/yeni?tur=place",
            $"/katalog/otoriteler/{alsancak}", $"/katalog/otoriteler/{alsancak}/gecmis", $"/katalog/otoriteler/{alsancak}/gecmis/1",
            $"/katalog/otoriteler/{alsancak}/birlestir", "/katalog/bagislar", "/katalog/bagislar/yeni", "/katalog/kullanicilar", "/katalog/ice-aktar",
        })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            await page.AxeCheckAsync();
        }
    }

    [Fact]
    public async Task A_place_is_created_from_the_keyboard_and_a_bad_wikidata_id_is_explained_beside_the_field()
    {
        var page = await site.NewPageAsync();
        await site.SignInAsync(page, "katalogcu-klavye", Role.Cataloguer);
        await page.GotoAsync("/katalog/otoriteler/yeni?tur=place");

        await page.GetByLabel("Tercih edilen ad").FocusAsync();
        await page.Keyboard.TypeAsync("Pasaport İskelesi");
        await page.GetByLabel("Wikidata kimliği").FillAsync("Q0");
        await page.GetByLabel("Enlem").FillAsync("38,4295");
        await page.GetByLabel("Boylam").FillAsync("27.1335");
        // Enter in a single-line field submits the form, as without any script.
        await page.GetByLabel("Boylam").PressAsync("Enter");
        await page.WaitForLoadStateAsync();

        var error = page.Locator("#wikidata-error");
        await Assertions.Expect(error).ToContainTextAsync("Wikidata kimliği 'Q' ve sıfırla başlamayan bir sayıdan oluşur");
        await Assertions.Expect(page.GetByLabel("Wikidata kimliği")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByLabel("Tercih edilen ad")).ToHaveValueAsync("Pasaport İskelesi");
        await page.AxeCheckAsync();
        await page.ScreenshotAsync("katalog-authority-error");

        await page.GetByLabel("Wikidata kimliği").FillAsync("Q6514567");
        await page.GetByLabel("Wikidata kimliği").PressAsync("Enter");
        await page.WaitForURLAsync("**/katalog/otoriteler/l-*?durum=kaydedildi");
        await Assertions.Expect(page.Locator("[role=status]")).ToHaveTextAsync("Kaydedildi.");
        var id = await IdOfAsync("Pasaport İskelesi");
        var place = Assert.IsType<Place>((await site.Archive.GetAuthorityAsync(id, TestContext.Current.CancellationToken))!.Value);
        Assert.Equal((38.4295, 27.1335, "Q6514567"), (place.Latitude!.Value, place.Longitude!.Value, place.External.Wikidata));
        await page.AxeCheckAsync();
    }

    private async Task<string> IdOfAsync(string name)
    {
        await foreach (var a in site.Archive.ListAuthoritiesAsync(TestContext.Current.CancellationToken))
            if (a.Value.Name == name) return a.Value.Id;
        throw new InvalidOperationException($"no authority named {name}");
    }
}
