using System.Net;
using HafizaIzmir.Site.Hosting;

namespace HafizaIzmir.Tests.Site;

/// <summary>Person, institution and place pages on the real host.</summary>
public sealed class AuthorityPageTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_person_page_lists_the_published_records_about_them_and_the_address_must_name_the_right_kind()
    {
        await using var site = await RunningSite.StartAsync(new ArchiveOptions(_dir.Sub("data")), SiteHost.SeedSamplesAsync);
        var html = await site.Client.GetStringAsync("/kisi/serif-remzi-reyent", Ct);
        Assert.Contains("<h1>Şerif Remzi Reyent</h1>", html);
        Assert.Contains(HafizaIzmir.Archive.Domain.EdtfDate.Parse("1890/1957").Describe("tr"), html);
        Assert.Contains("href=\"/kayit/SRR-0001\"", html);
        Assert.Contains("href=\"/ara?person=kisi-serif-remzi-reyent&amp;sort=date\"", html);
        Assert.DoesNotContain("SRR-0002", html);
        Assert.Contains("href=\"/en/person/serif-remzi-reyent\" hreflang=\"en\"", html);

        var english = await site.Client.GetStringAsync("/en/person/serif-remzi-reyent", Ct);
        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains("href=\"/en/record/SRR-0001\"", english);

        foreach (var url in new[] { "/kurum/kisi-serif-remzi-reyent", "/mekan/serif-remzi-reyent", "/kisi/yok" })
        {
            using var response = await site.Client.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }
}
