using System.Text.RegularExpressions;
using HafizaIzmir.Site.Stories;

namespace HafizaIzmir.Tests.Stories;

/// <summary>Whatever a story's author types, no script, handler or dangerous link reaches the page.</summary>
public sealed partial class StoryMarkdownTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Metin <script>alert(1)</script> içinde")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<div onmouseover=\"alert(1)\">x</div>")]
    [InlineData("<iframe src=\"javascript:alert(1)\"></iframe>")]
    [InlineData("<svg><script>alert(1)</script></svg>")]
    [InlineData("<!-- yorum --><style>body{display:none}</style>")]
    [InlineData("[tıkla](javascript:alert(1))")]
    [InlineData("[tıkla](JaVaScRiPt:alert(1))")]
    [InlineData("[tıkla](javascript&#58;alert(1))")]
    [InlineData("[tıkla](java&#x09;script:alert(1))")]
    [InlineData("[tıkla](<javascript:alert(1)>)")]
    [InlineData("[tıkla](vbscript:msgbox(1))")]
    [InlineData("[tıkla](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![resim](javascript:alert(1))")]
    [InlineData("[tıkla][a]\n\n[a]: javascript:alert(1)")]
    [InlineData("[tıkla](https://example.org \"x\\\" onclick=\\\"alert(1)\")")]
    [InlineData("[x](https://example.org){onclick=alert(1)}")]
    [InlineData("`<script>` kodu ve ```\n<script>alert(1)</script>\n```")]
    public async Task Injected_markup_and_dangerous_links_never_reach_the_page_unescaped(string markdown)
    {
        using var fixture = await StoryFixture.CreateAsync();
        var html = (await fixture.PublicAsync(markdown)).Html;
        SafeHtml.Assert(html);
    }

    [Fact]
    public async Task Raw_html_is_shown_as_text_not_dropped_silently()
    {
        using var fixture = await StoryFixture.CreateAsync();
        var html = (await fixture.PublicAsync("Şöyle yazdı: <b>kalın</b>")).Html;
        Assert.Contains("&lt;b&gt;kalın&lt;/b&gt;", html);
    }

    [Theory]
    [InlineData("[Kordon](https://tr.wikipedia.org/wiki/Kordon)", "https://tr.wikipedia.org/wiki/Kordon")]
    [InlineData("[site](http://example.org/a?b=1&c=2)", "http://example.org/a?b=1&amp;c=2")]
    [InlineData("[kayıt](/kayit/SRR-0001)", "/kayit/SRR-0001")]
    [InlineData("[aşağıda](#notlar)", "#notlar")]
    [InlineData("[göreli](kayit/SRR-0001)", "kayit/SRR-0001")]
    [InlineData("[saat](/ara?q=10:30)", "/ara?q=10:30")]
    public async Task Http_https_and_relative_links_are_kept(string markdown, string href)
    {
        using var fixture = await StoryFixture.CreateAsync();
        Assert.Contains($"href=\"{href}\"", (await fixture.PublicAsync(markdown)).Html);
    }

    [Fact]
    public async Task A_refused_link_keeps_its_text()
    {
        using var fixture = await StoryFixture.CreateAsync();
        var html = (await fixture.PublicAsync("Önce [buraya tıklayın](javascript:alert(1)) lütfen.")).Html;
        Assert.Contains("buraya tıklayın", html);
        Assert.DoesNotContain("<a", html);
    }

    [Fact]
    public async Task The_outermost_heading_of_the_body_is_h2_under_the_page_title()
    {
        using var fixture = await StoryFixture.CreateAsync();
        Assert.Equal(["h2", "h3", "h2"], Headings((await fixture.PublicAsync("# Bir\n\n## İki\n\n# Üç")).Html));
        Assert.Equal(["h2", "h3"], Headings((await fixture.PublicAsync("## Bir\n\n### İki")).Html));
    }

    [Theory]
    [InlineData("javascript:alert(1)", false)]
    [InlineData(" javascript:alert(1)", false)]
    [InlineData("java\nscript:alert(1)", false)]
    [InlineData("mailto:a@b.c", false)]
    [InlineData("\\\\evil/share", false)]
    [InlineData("https://x.org", true)]
    [InlineData("HTTP://x.org", true)]
    [InlineData("//x.org/a", true)]
    [InlineData("/kayit/A:B", true)]
    [InlineData("", false)]
    public void Only_http_https_and_relative_addresses_are_safe(string url, bool safe) =>
        Assert.Equal(safe, StoryMarkdown.IsSafeUrl(url));

    private static List<string> Headings(string html) => [.. HeadingTag().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<(h[1-6])>")]
    private static partial Regex HeadingTag();
}

/// <summary>What a rendered story may never contain.</summary>
public static partial class SafeHtml
{
    /// <summary>No element the author did not get from Markdown, no handler attribute, no script address in any attribute.</summary>
    public static void Assert(string html)
    {
        Xunit.Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Xunit.Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Xunit.Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
        Xunit.Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Xunit.Assert.DoesNotContain("<div onmouseover", html, StringComparison.OrdinalIgnoreCase);
        Xunit.Assert.DoesNotMatch(HandlerAttribute(), html);
        foreach (Match attribute in UrlAttribute().Matches(html))
        {
            var value = System.Net.WebUtility.HtmlDecode(attribute.Groups[2].Value);
            Xunit.Assert.True(StoryMarkdown.IsSafeUrl(value), $"unsafe {attribute.Groups[1].Value}=\"{value}\" in {html}");
        }
    }

    // A handler attribute of a real tag: among its attributes, not inside another attribute's quoted value or escaped text.
    [GeneratedRegex(@"<[a-z][a-z0-9]*(\s+[a-z-]+(=""[^""]*"")?)*\s+on[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex HandlerAttribute();

    [GeneratedRegex("<[a-z][a-z0-9]*\\b[^<>]*\\s(href|src)=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex UrlAttribute();

}
