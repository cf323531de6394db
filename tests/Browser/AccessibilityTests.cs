using Microsoft.Playwright;

namespace HafizaIzmir.Tests.Browser;

/// <summary>
/// Every public page type, in Turkish and English, as a browser renders it: no WCAG 2.x A/AA violation that
/// axe-core finds, no sideways scrolling on a 320-pixel phone, and a visible focus ring for keyboard users.
/// Screenshots at 1280 and 320 pixels land in TestResults/screenshots for a person to look at.
/// </summary>
public sealed class AccessibilityTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Theory]
    [MemberData(nameof(PublicPages.KindsInBothLanguages), MemberType = typeof(PublicPages))]
    public async Task Page_has_no_accessibility_violations(string kind, string language)
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(await PublicPages.PathAsync(site, kind, language));
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await page.ScreenshotAsync($"{kind}-{language}-1280");
        await page.AxeCheckAsync();
    }

    [Theory]
    [MemberData(nameof(PublicPages.KindsInBothLanguages), MemberType = typeof(PublicPages))]
    public async Task Page_fits_a_320_pixel_screen_without_sideways_scrolling(string kind, string language)
    {
        var page = await site.NewPageAsync(320, 640);
        await page.GotoAsync(await PublicPages.PathAsync(site, kind, language));
        await page.ScreenshotAsync($"{kind}-{language}-320");
        var overflow = await page.EvaluateAsync<string[]>(@"() => {
            const width = document.documentElement.clientWidth;
            if (document.documentElement.scrollWidth <= width) return [];
            return Array.from(document.querySelectorAll('body *'))
                .filter(e => e.getBoundingClientRect().right > width + 1)
                .slice(0, 10)
                .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' right=' + Math.round(e.getBoundingClientRect().right));
        }");
        Assert.True(overflow.Length == 0, $"wider than 320 px: {string.Join("; ", overflow)}");
        // axe at this width too: reflow problems (content clipped, targets overlapping) show here first.
        await page.AxeCheckAsync();
    }

    [Theory]
    [MemberData(nameof(PublicPages.Kinds), MemberType = typeof(PublicPages))]
    public async Task Keyboard_focus_is_visible_on_every_link_and_control(string kind)
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(await PublicPages.PathAsync(site, kind));
        var invisible = new List<string>();
        // The first tab stops: skip link, header, language switch and the page's own first controls.
        for (var i = 0; i < 12; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<string?>(@"() => {
                const e = document.activeElement;
                if (!e || e === document.body) return null;
                const s = getComputedStyle(e);
                const ring = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
                const shadow = s.boxShadow && s.boxShadow !== 'none';
                return (ring || shadow) ? '' : e.outerHTML.slice(0, 120);
            }");
            if (focus is null) break;
            if (focus.Length > 0) invisible.Add(focus);
        }
        Assert.True(invisible.Count == 0, "focused without a visible ring (outline of 2 px or more):\n" + string.Join("\n", invisible));
    }
}
