using System.Text.RegularExpressions;
using HafizaIzmir.Site.Accounts;
using Microsoft.Playwright;

namespace HafizaIzmir.Tests.Browser;

/// <summary>The public site used the way a visitor uses it: clicking, not composing URLs.</summary>
public sealed partial class PublicSiteTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task A_visitor_searches_filters_opens_a_record_follows_a_person_and_switches_to_English()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("Aranacak sözcükler").FillAsync("incir");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ara", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/ara?q=incir*");
        var total = await TotalAsync(page);
        Assert.True(total > 1, $"'incir' found {total} records");

        // Narrow by the first person the facets offer.
        var facet = page.Locator("aside.facets section.facet", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Kişi" }) }).GetByRole(AriaRole.Link).First;
        var person = (await facet.InnerTextAsync()).Trim();
        await facet.ClickAsync();
        await page.WaitForURLAsync(new Regex("[?&]person="));
        var filtered = await TotalAsync(page);
        Assert.InRange(filtered, 1, total);
        await Assertions.Expect(page.Locator("section.active-filters")).ToContainTextAsync(person);

        var hit = page.Locator("ol.hits li.hit h3 a").First;
        var title = (await hit.InnerTextAsync()).Trim();
        await hit.ClickAsync();
        await page.WaitForURLAsync("**/kayit/**");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);

        // The person the results were filtered by is linked from the record.
        await page.Locator("dl.fields").GetByRole(AriaRole.Link, new() { Name = person, Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/kisi/**");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(person);
        var personPath = new Uri(page.Url).AbsolutePath;

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await page.WaitForURLAsync("**/en/person/**");
        Assert.Equal("/en/person/" + personPath["/kisi/".Length..], new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Search" }).First).ToBeVisibleAsync();
        await page.ScreenshotAsync("journey-person-en");
    }

    [Fact]
    public async Task A_draft_is_reachable_neither_by_address_nor_by_search_but_a_cataloguer_sees_it()
    {
        var page = await site.NewPageAsync();
        foreach (var path in new[] { "/kayit/" + BrowserSite.DraftIdentifier, "/en/record/" + BrowserSite.DraftIdentifier })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(404, response!.Status);
            await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(BrowserSite.DraftTitle);
        }
        foreach (var path in new[] { "/iiif/manifest/" + BrowserSite.DraftIdentifier, "/api/records/" + BrowserSite.DraftIdentifier })
            Assert.Equal(404, (await page.APIRequest.GetAsync(path)).Status);

        // Its title words, its type (video) and its decade (1890s) belong to no published record.
        await page.GotoAsync("/ara?q=" + Uri.EscapeDataString("gizli taslak"));
        Assert.Equal(0, await TotalAsync(page));
        await page.GotoAsync("/ara?q=" + Uri.EscapeDataString("Kordon'daki"));
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(BrowserSite.DraftTitle);
        await Assertions.Expect(page.Locator("aside.facets")).Not.ToContainTextAsync("1890");

        var staff = await site.NewPageAsync();
        await site.SignInAsync(staff, "katalogcu", Role.Cataloguer);
        await staff.GotoAsync("/katalog/kayit/" + BrowserSite.DraftIdentifier);
        await Assertions.Expect(staff.GetByLabel("Başlık", new() { Exact = true })).ToHaveValueAsync(BrowserSite.DraftTitle);
    }

    /// <summary>The total the results heading states ("12 kayıt bulundu").</summary>
    private static async Task<int> TotalAsync(IPage page)
    {
        var text = await page.Locator("section.results p[role=status]").First.InnerTextAsync();
        var digits = Digits().Match(text.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal));
        Assert.True(digits.Success, $"no count in '{text}'");
        return int.Parse(digits.Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
