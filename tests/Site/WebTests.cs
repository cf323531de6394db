using System.Net;
using System.Text.Json;
using HafizaIzmir.Archive.Domain;

namespace HafizaIzmir.Tests.Site;

public class WebTests
{
    public static readonly TheoryData<string> Storages = ["filesystem", "azure"];

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task Health_reports_reachable_storage(string storage)
    {
        await using var site = await SiteHost.StartAsync(storage);
        var response = await site.Client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.DoesNotContain("unsafe-inline", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.True(response.Headers.Contains("Referrer-Policy"));
    }

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task A_published_record_is_served_as_json_without_staff_names(string storage)
    {
        await using var site = await SiteHost.StartAsync(storage, SiteHost.SeedSamplesAsync);
        var response = await site.Client.GetAsync("/api/records/SRR-0001", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("SRR-0001", json.RootElement.GetProperty("identifier").GetString());
        Assert.Equal("İncir ihracatına dair mektup", json.RootElement.GetProperty("title").GetProperty("tr").GetString());
        Assert.Equal("1923-05-12", json.RootElement.GetProperty("date").GetString());
        Assert.DoesNotContain("katalogcu", body);
    }

    [Theory]
    [InlineData("SRR-0002")] // draft
    [InlineData("SRR-0003")] // in review
    [InlineData("SRR-0004")] // withdrawn
    [InlineData("SRR-9999")] // absent
    public async Task A_record_that_is_not_published_is_not_found_on_any_surface(string identifier)
    {
        await using var site = await SiteHost.StartAsync("filesystem", SiteHost.SeedSamplesAsync);
        var ct = TestContext.Current.CancellationToken;

        var api = await site.Client.GetAsync($"/api/records/{identifier}", ct);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);

        var page = await site.Client.GetAsync($"/kayit/{identifier}", ct);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(ct);
        Assert.Contains("Kayıt bulunamadı", html);
        Assert.DoesNotContain("Taslak", html);
    }

    [Fact]
    public async Task The_record_page_shows_the_record_its_published_context_and_encodes_text()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SiteHost.SeedSamplesAsync);
        var ct = TestContext.Current.CancellationToken;

        var response = await site.Client.GetAsync("/kayit/SRR-0001", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(ct);
        Assert.Contains("<html lang=\"tr\">", html);
        Assert.Contains("İncir ihracatına dair mektup", html);
        Assert.Contains(EdtfDate.Parse("1923-05-12").Describe("tr"), html);
        Assert.Contains("Şerif Remzi Reyent", html);                        // the creator, read from the authority
        Assert.Contains("href=\"/kayit/SRR\"", html);                        // breadcrumb to the published fonds
        Assert.Contains("&lt;gönderilmiş&gt;", html);                        // description text is encoded, never markup
        Assert.DoesNotContain("<gönderilmiş>", html);
        // Only schema.org data, which browsers never execute; no script at all for a record without scans.
        Assert.Equal(["<script type=\"application/ld+json\">"], System.Text.RegularExpressions.Regex.Matches(html, "<script[^>]*>").Select(m => m.Value));

        var fonds = await site.Client.GetStringAsync("/kayit/SRR", ct);
        Assert.Contains("href=\"/kayit/SRR-0001\"", fonds);
        foreach (var hidden in new[] { "SRR-0002", "SRR-0003", "SRR-0004" })
            Assert.DoesNotContain(hidden, fonds);
    }

    [Fact]
    public async Task A_record_published_while_the_site_runs_appears_among_its_parents_children()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SiteHost.SeedSamplesAsync);
        var ct = TestContext.Current.CancellationToken;
        var current = await site.Archive.GetRecordAsync("SRR-0002", ct);
        await site.Archive.SaveRecordAsync(current!.Value with { State = WorkflowState.Published }, [], current.Version, new CommitInfo("test", "publish"), ct);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(await site.Client.GetStringAsync("/kayit/SRR", ct)).Contains("href=\"/kayit/SRR-0002\""))
        {
            Assert.True(DateTime.UtcNow < deadline, "the journal follower did not apply the change in time");
            await Task.Delay(200, ct);
        }
    }
}
