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

    [Fact]
    public async Task Coordinates_are_picked_on_the_map_by_pointer_or_keyboard_and_typed_ones_move_it()
    {
        var page = await site.NewPageAsync();
        await site.SignInAsync(page, "katalogcu-harita", Role.Cataloguer);
        await page.GotoAsync("/katalog/otoriteler/yeni?tur=place");
        var map = page.Locator("[data-coordinate-picker] .coordinate-map.leaflet-container");
        var marker = page.Locator("[data-coordinate-picker] path.leaflet-interactive");
        await Assertions.Expect(map).ToBeVisibleAsync();
        await Assertions.Expect(marker).ToHaveCountAsync(0);
        await page.AxeCheckAsync();

        // A click fills both fields with the point under the pointer; an empty form opens on İzmir.
        await map.ClickAsync(new() { Position = new() { X = 60, Y = 50 } });
        await Assertions.Expect(marker).ToHaveCountAsync(1);
        var (lat, lon) = await TypedAsync(page);
        Assert.InRange(lat, 38.35, 38.5);
        Assert.InRange(lon, 27.0, 27.2);

        // Typed values (with a decimal comma) move the map there; the keyboard then pans east and takes the centre.
        await page.GetByLabel("Enlem").FillAsync("38,4295");
        await page.GetByLabel("Boylam").FillAsync("27,1335");
        await page.WaitForTimeoutAsync(600); // Leaflet's pan animation
        await page.Locator("[data-take-center]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        (lat, lon) = await TypedAsync(page);
        Assert.Equal(38.4295, lat, tolerance: 1e-4);
        Assert.Equal(27.1335, lon, tolerance: 1e-4);
        await map.FocusAsync();
        for (var i = 0; i < 3; i++) await page.Keyboard.PressAsync("ArrowRight");
        await page.WaitForTimeoutAsync(600);
        await page.Locator("[data-take-center]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var (_, east) = await TypedAsync(page);
        Assert.True(east > 27.1336, $"panning east did not move the longitude ({east})");

        await page.GetByLabel("Tercih edilen ad").FillAsync("Haritadan Seçilen İskele");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kaydet" }).ClickAsync();
        await page.WaitForURLAsync("**/katalog/otoriteler/l-*?durum=kaydedildi");
        var place = Assert.IsType<Place>((await site.Archive.GetAuthorityAsync(await IdOfAsync("Haritadan Seçilen İskele"), TestContext.Current.CancellationToken))!.Value);
        Assert.Equal((lat, east), (place.Latitude!.Value, place.Longitude!.Value));
        // The saved place's form opens on it, marker and all.
        await Assertions.Expect(marker).ToHaveCountAsync(1);
        await page.ScreenshotAsync("katalog-coordinate-picker");
    }

    private static async Task<(double Latitude, double Longitude)> TypedAsync(IPage page) =>
        (double.Parse(await page.GetByLabel("Enlem").InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture),
         double.Parse(await page.GetByLabel("Boylam").InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture));

    private async Task<string> IdOfAsync(string name)
    {
        await foreach (var a in site.Archive.ListAuthoritiesAsync(TestContext.Current.CancellationToken))
            if (a.Value.Name == name) return a.Value.Id;
        throw new InvalidOperationException($"no authority named {name}");
    }
}
