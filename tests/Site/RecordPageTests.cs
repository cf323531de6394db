using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using HafizaIzmir.Site.Hosting;

namespace HafizaIzmir.Tests.Site;

/// <summary>The record page in the shared layout, in both languages, with its citation and schema.org data.</summary>
public sealed partial class RecordPageTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<RunningSite> StartAsync() => RunningSite.StartAsync(new ArchiveOptions(_dir.Sub("data")), SiteHost.SeedSamplesAsync);

    [Fact]
    public async Task The_record_page_cites_its_stable_address_and_carries_json_ld_that_cannot_break_out_of_its_element()
    {
        await using var site = await StartAsync();
        var html = await site.Client.GetStringAsync("/kayit/SRR-0001", Ct);

        Assert.Contains("<html lang=\"tr\">", html);
        Assert.Contains("<h1>İncir ihracatına dair mektup</h1>", html);
        Assert.Contains("Nasıl atıf yapılır", html);
        Assert.Contains("<a href=\"http://localhost/kayit/SRR-0001\">http://localhost/kayit/SRR-0001</a>", html);
        Assert.Contains("href=\"/en/record/SRR-0001\" hreflang=\"en\"", html);

        var jsonLd = JsonLdPattern().Match(html);
        Assert.True(jsonLd.Success, "the page has a JSON-LD block");
        Assert.DoesNotContain("<", jsonLd.Groups[1].Value);                 // "<gönderilmiş>" is escaped inside the JSON
        using var doc = JsonDocument.Parse(jsonLd.Groups[1].Value);
        Assert.Equal("ArchiveComponent", doc.RootElement.GetProperty("@type").GetString());
        Assert.Equal("http://localhost/kayit/SRR-0001", doc.RootElement.GetProperty("url").GetString());
        Assert.Equal("http://localhost/kayit/SRR", doc.RootElement.GetProperty("isPartOf").GetString());
        Assert.Contains("<gönderilmiş>", doc.RootElement.GetProperty("description").GetString());
    }

    [Fact]
    public async Task The_english_record_page_links_back_to_turkish_and_keeps_links_in_english()
    {
        await using var site = await StartAsync();
        var html = await site.Client.GetStringAsync("/en/record/SRR-0001", Ct);
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("How to cite", html);
        Assert.Contains("href=\"/en/record/SRR\"", html);                     // breadcrumb stays in English
        Assert.Contains("href=\"/kayit/SRR-0001\" hreflang=\"tr\"", html);
        Assert.Contains("<dd>Item</dd>", html);
    }

    [Theory]
    [InlineData("/en/record/SRR-0002", "Record not found")]
    [InlineData("/en/record/SRR-0004", "Record not found")]
    [InlineData("/kayit/YOK-1", "Kayıt bulunamadı")]
    public async Task Unpublished_or_unknown_records_are_a_404_in_the_layout_without_their_data(string url, string message)
    {
        await using var site = await StartAsync();
        using var response = await site.Client.GetAsync(url, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(message, html);
        Assert.Contains("class=\"language-switch\"", html);
        Assert.DoesNotContain("Taslak konşimento", html);
        Assert.DoesNotContain("Geri çekilmiş kartpostal", html);
        Assert.DoesNotContain("application/ld+json", html);
    }

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLdPattern();
}
