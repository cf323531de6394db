using System.Net;
using HafizaIzmir.Site.Hosting;

namespace HafizaIzmir.Tests.Site;

/// <summary>The server-rendered search page <c>/ara</c> (and <c>/en/search</c>) on the real host.</summary>
public sealed class SearchPageTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<RunningSite> StartAsync() => RunningSite.StartAsync(new ArchiveOptions(_dir.Sub("data")), SiteHost.SeedSamplesAsync);

    private static async Task<string> HtmlAsync(RunningSite site, string url, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var response = await site.Client.GetAsync(url, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(status == response.StatusCode, $"GET {url}: {(int)response.StatusCode}\n{html}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        return html;
    }

    [Fact]
    public async Task A_search_shows_escaped_highlighted_snippets_facet_links_and_only_published_records()
    {
        await using var site = await StartAsync();
        var html = await HtmlAsync(site, "/ara?q=Kordon%27daki");

        Assert.Contains("<html lang=\"tr\">", html);
        Assert.Contains("İncir ihracatına dair mektup", html);                 // Turkish letters as themselves
        Assert.Contains("href=\"/kayit/SRR-0001\"", html);
        Assert.Contains("<mark>Kordon", html);
        Assert.Contains("&lt;gönderilmiş&gt;", html);                         // the record's text never becomes markup
        Assert.Contains("1 sonuç", html);
        // The person facet is a link that adds the filter and keeps the words.
        Assert.Contains("href=\"/ara?q=Kordon%27daki&amp;person=kisi-serif-remzi-reyent\"", html);
        Assert.Contains("Şerif Remzi Reyent", html);

        var all = await HtmlAsync(site, "/ara");
        Assert.Contains("href=\"/kayit/SRR\"", all);
        foreach (var hidden in new[] { "SRR-0002", "SRR-0003", "SRR-0004", "Taslak konşimento" })
            Assert.DoesNotContain(hidden, all);
    }

    [Fact]
    public async Task An_active_filter_narrows_the_result_and_has_a_link_that_removes_it()
    {
        await using var site = await StartAsync();
        var html = await HtmlAsync(site, "/ara?person=kisi-serif-remzi-reyent&sort=date");

        Assert.Contains("1 sonuç", html);
        Assert.Contains("Kişi: Şerif Remzi Reyent", html);
        Assert.Contains("href=\"/ara?sort=date\"", html);                     // the removal link keeps the sort
        Assert.Contains("<option value=\"date\" selected=\"selected\">", html);
        Assert.Contains("<input type=\"hidden\" name=\"person\" value=\"kisi-serif-remzi-reyent\">", html);

        var none = await HtmlAsync(site, "/ara?from=1800&to=1850");
        Assert.Contains("0 sonuç", none);
        Assert.DoesNotContain("href=\"/kayit/SRR-0001\"", none);
    }

    [Fact]
    public async Task A_misspelt_search_with_no_hits_suggests_the_close_spelling_as_a_link()
    {
        await using var site = await StartAsync();
        var html = await HtmlAsync(site, "/ara?q=kordn&type=text");
        Assert.Contains("Sonuç bulunamadı.", html);
        Assert.Contains("Bunu mu demek istediniz: <a href=\"/ara?type=text&amp;q=kordon\">kordon</a>", html);
    }

    [Fact]
    public async Task The_english_page_is_under_en_with_a_language_switch_and_hreflang_alternates_both_ways()
    {
        await using var site = await StartAsync();
        var tr = await HtmlAsync(site, "/ara?q=incir");
        Assert.Contains("href=\"/en/search?q=incir\" hreflang=\"en\"", tr);
        Assert.Contains("<link rel=\"alternate\" hreflang=\"en\" href=\"http://localhost/en/search?q=incir\">", tr);
        Assert.Contains("<a class=\"skip-link\" href=\"#main\">İçeriğe geç</a>", tr);
        Assert.Contains("<main id=\"main\"", tr);

        var en = await HtmlAsync(site, "/en/search?q=incir");
        Assert.Contains("<html lang=\"en\">", en);
        Assert.Contains("Search the archive", en);
        Assert.Contains("1 results", en);
        Assert.Contains("href=\"/ara?q=incir\" hreflang=\"tr\"", en);
        Assert.Contains("<link rel=\"alternate\" hreflang=\"tr\" href=\"http://localhost/ara?q=incir\">", en);
        Assert.Contains("href=\"/en/record/SRR-0001\"", en);
        Assert.Contains("Skip to content", en);
    }

    [Fact]
    public async Task A_bad_parameter_is_a_400_page_naming_it_and_the_page_carries_no_inline_script()
    {
        await using var site = await StartAsync();
        var html = await HtmlAsync(site, "/ara?axis=deniz", HttpStatusCode.BadRequest);
        Assert.Contains("&#x27;axis&#x27;", html);
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)(?![^>]*application/ld\\+json)", html);
        Assert.DoesNotContain(" style=", html);
    }
}
