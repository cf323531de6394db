using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Site.Derived;
using HafizaIzmir.Tests.Site;
using Microsoft.Extensions.DependencyInjection;

namespace HafizaIzmir.Tests.Stories;

/// <summary>The public story pages in both languages, over the real host: published only, structured data, safe text.</summary>
public sealed partial class StoryPageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Story Published = new()
    {
        Slug = "kordonda-bir-sezon",
        Title = new LocalizedText("Kordon'da bir sezon", "A season on the Kordon"),
        Summary = new LocalizedText("İncir ve vapur.", "Figs and a steamer."),
        Body = new LocalizedText(
            "Mektup:\n\n[[kayit:SRR-0001]]\n\nTaslak: [[kayit:SRR-0002]]\n\n[[kisi:Şerif Remzi Reyent]] yazdı.",
            "The letter:\n\n[[kayit:SRR-0001]]\n\nDraft: [[kayit:SRR-0002]]"),
        Axes = [Axis.Liman],
        Cover = "SRR-0002",
        Featured = true,
        Author = "Ayşe Yılmaz",
        State = WorkflowState.Published,
    };

    private static readonly Story TurkishOnly = new()
    {
        Slug = "yalnizca-turkce",
        Title = new LocalizedText("<script>alert('başlık')</script> Yalnızca Türkçe"),
        Body = new LocalizedText("Sadece Türkçe bir metin."),
        State = WorkflowState.Published,
    };

    internal static async Task SeedAsync(Archive.Storage.Archive archive)
    {
        await SiteHost.SeedSamplesAsync(archive);
        var info = new CommitInfo("test", "seed");
        await archive.SaveStoryAsync(Published, null, info);
        await archive.SaveStoryAsync(TurkishOnly, null, info);
        foreach (var (slug, state) in new[] { ("taslak-hikaye", WorkflowState.Draft), ("incelemede-hikaye", WorkflowState.InReview), ("geri-cekilen-hikaye", WorkflowState.Withdrawn) })
            await archive.SaveStoryAsync(new Story { Slug = slug, Title = new LocalizedText("Gizli " + slug), Body = new LocalizedText("Gizli metin"), State = state, Featured = true }, null, info);
    }

    [Fact]
    public async Task The_story_page_shows_the_body_with_public_records_only_in_turkish_and_english()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SeedAsync);
        var tr = await GetOkAsync(site, "/hikaye/kordonda-bir-sezon");
        Assert.Contains("<h1>Kordon&#x27;da bir sezon</h1>", tr);
        Assert.Contains("<html lang=\"tr\">", tr);
        Assert.Contains("href=\"/kayit/SRR-0001\"", tr);
        Assert.Contains("<a class=\"story-ref\" href=\"/kisi/kisi-serif-remzi-reyent\">Şerif Remzi Reyent</a>", tr);
        Assert.DoesNotContain("SRR-0002", tr);
        Assert.DoesNotContain("Taslak konşimento", tr);
        Assert.Contains("Yazan: Ayşe Yılmaz", tr);
        Assert.Contains("href=\"/eksen/liman\"", tr);
        Assert.Contains("<a href=\"/en/stories/kordonda-bir-sezon\" hreflang=\"en\"", tr);

        var en = await GetOkAsync(site, "/en/stories/kordonda-bir-sezon");
        Assert.Contains("<html lang=\"en\">", en);
        Assert.Contains("<h1>A season on the Kordon</h1>", en);
        Assert.Contains("<div class=\"story-body\" lang=\"en\"><p>The letter:</p>", en);
        Assert.Contains("href=\"/en/record/SRR-0001\"", en);
        Assert.DoesNotContain("SRR-0002", en);
        Assert.Contains("<a href=\"/hikaye/kordonda-bir-sezon\" hreflang=\"tr\"", en);
    }

    [Fact]
    public async Task Structured_data_is_a_schema_org_article_and_open_graph_names_the_story()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SeedAsync);
        var html = await GetOkAsync(site, "/en/stories/kordonda-bir-sezon");
        using var json = JsonDocument.Parse(JsonLd().Match(html).Groups[1].Value);
        var article = json.RootElement;
        Assert.Equal("Article", article.GetProperty("@type").GetString());
        Assert.Equal("A season on the Kordon", article.GetProperty("headline").GetString());
        Assert.Equal("en", article.GetProperty("inLanguage").GetString());
        Assert.Equal("Ayşe Yılmaz", article.GetProperty("author").GetProperty("name").GetString());
        Assert.EndsWith("/en/stories/kordonda-bir-sezon", article.GetProperty("url").GetString());
        Assert.True(article.TryGetProperty("datePublished", out _));
        var basedOn = article.GetProperty("isBasedOn").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Single(basedOn);
        Assert.EndsWith("/kayit/SRR-0001", basedOn[0]);
        // The cover is a draft: no image anywhere, not even in the data for search engines.
        Assert.False(article.TryGetProperty("image", out _));
        Assert.DoesNotContain("og:image", html);
        Assert.Contains("<meta property=\"og:type\" content=\"article\">", html);
        Assert.Contains("<meta property=\"og:title\" content=\"A season on the Kordon\">", html);
        Assert.Contains("<meta property=\"og:description\" content=\"Figs and a steamer.\">", html);
        Assert.Contains("<meta property=\"og:locale\" content=\"en_GB\">", html);
    }

    [Fact]
    public async Task Html_in_a_story_title_is_escaped_in_the_page_its_metadata_and_the_lists()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SeedAsync);
        foreach (var path in new[] { "/hikaye/yalnizca-turkce", "/hikaye", "/" })
        {
            var html = await GetOkAsync(site, path);
            Assert.DoesNotContain("<script>alert", html);
            Assert.Contains("&lt;script&gt;alert(&#x27;başlık&#x27;)&lt;/script&gt; Yalnızca Türkçe", html);
        }
        var page = await GetOkAsync(site, "/hikaye/yalnizca-turkce");
        Assert.Contains("\\u003Cscript\\u003E", JsonLd().Match(page).Groups[1].Value);
    }

    [Fact]
    public async Task An_english_page_without_an_english_text_shows_the_turkish_one_marked_as_turkish()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SeedAsync);
        var html = await GetOkAsync(site, "/en/stories/yalnizca-turkce");
        Assert.Contains("This story is available in Turkish only.", html);
        Assert.Contains("<div class=\"story-body\" lang=\"tr\"><p>Sadece Türkçe bir metin.</p>", html);
    }

    [Theory]
    [InlineData("/hikaye/taslak-hikaye")]
    [InlineData("/hikaye/incelemede-hikaye")]
    [InlineData("/hikaye/geri-cekilen-hikaye")]
    [InlineData("/en/stories/taslak-hikaye")]
    [InlineData("/en/stories/geri-cekilen-hikaye")]
    [InlineData("/hikaye/olmayan-hikaye")]
    [InlineData("/hikaye/Büyük-Harf")]
    public async Task Stories_that_are_not_published_answer_404_without_their_text(string path)
    {
        await using var site = await SiteHost.StartAsync("filesystem", SeedAsync);
        using var response = await site.Client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("Gizli", html);
        Assert.Contains(path.StartsWith("/en/", StringComparison.Ordinal) ? "Story not found" : "Hikâye bulunamadı", html);
    }

    [Fact]
    public async Task The_lists_and_the_home_page_show_published_stories_only_featured_first()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SeedAsync);
        var list = await GetOkAsync(site, "/hikaye");
        Assert.Contains("<a href=\"/hikaye/kordonda-bir-sezon\">Kordon&#x27;da bir sezon</a>", list);
        Assert.Contains("/hikaye/yalnizca-turkce", list);
        Assert.DoesNotContain("Gizli", list);
        var english = await GetOkAsync(site, "/en/stories");
        Assert.Contains("<a href=\"/en/stories/kordonda-bir-sezon\">A season on the Kordon</a>", english);
        Assert.Contains("<p>Figs and a steamer.</p>", english);

        var home = await GetOkAsync(site, "/");
        var featured = home.IndexOf("/hikaye/kordonda-bir-sezon", StringComparison.Ordinal);
        Assert.True(featured > 0 && featured < home.IndexOf("/hikaye/yalnizca-turkce", StringComparison.Ordinal));
        Assert.Contains("<a href=\"/hikaye\">Tüm hikâyeler</a>", home);
        Assert.DoesNotContain("Gizli", home);
        Assert.Contains("<a href=\"/en/stories\">All stories</a>", await GetOkAsync(site, "/en"));
        Assert.Equal(2, site.Services.GetRequiredService<StoryCatalogue>().Published().Count);
    }

    [Fact]
    public async Task The_sitemap_lists_published_stories_in_both_languages_and_no_other()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SeedAsync);
        var sitemap = await GetOkAsync(site, "/sitemap-pages.xml");
        Assert.Contains("/hikaye/kordonda-bir-sezon</loc>", sitemap);
        Assert.Contains("/en/stories/kordonda-bir-sezon", sitemap);
        Assert.Contains("/hikaye/yalnizca-turkce</loc>", sitemap);
        foreach (var hidden in new[] { "taslak-hikaye", "incelemede-hikaye", "geri-cekilen-hikaye" })
            Assert.DoesNotContain(hidden, sitemap);
    }

    internal static async Task<string> GetOkAsync(SiteHost site, string path)
    {
        using var response = await site.Client.GetAsync(path, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}\n{html}");
        return html;
    }

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLd();
}
