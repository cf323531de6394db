using Microsoft.Playwright;

namespace HafizaIzmir.Tests.Browser;

/// <summary>Proves the browser harness end to end: a real Chromium reaches the real site over a socket.</summary>
public sealed class BrowserSmokeTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task A_visitor_searches_from_the_home_page_and_opens_a_result()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "tr");

        await page.GetByLabel("Aranacak sözcükler").FillAsync("üzüm");
        await page.Locator("form[role=search] button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/ara?q=*");

        var first = page.Locator("ol.hits li.hit h3 a").First;
        await Assertions.Expect(first).ToBeVisibleAsync();
        var title = await first.InnerTextAsync();
        await first.ClickAsync();
        await page.WaitForURLAsync("**/kayit/**");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await page.ScreenshotAsync("smoke-record");
    }

    [Fact]
    public async Task The_accessibility_check_fails_naming_the_rule_and_the_element()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/");
        await page.EvaluateAsync("() => { const i = document.createElement('img'); i.src = '/assets/favicon.svg'; i.id = 'no-alt'; document.querySelector('main').append(i); }");
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => page.AxeCheckAsync());
        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#no-alt", failure.Message, StringComparison.Ordinal);
    }
}
