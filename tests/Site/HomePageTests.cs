using System.Net;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Site.Hosting;

namespace HafizaIzmir.Tests.Site;

/// <summary>The home page and the axis pages it leads to, in both languages.</summary>
public sealed class HomePageTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<RunningSite> StartAsync() => RunningSite.StartAsync(new ArchiveOptions(_dir.Sub("data")), async archive =>
    {
        await SiteHost.SeedSamplesAsync(archive);
        var info = new CommitInfo("test", "seed");
        await archive.SaveRecordAsync(SampleRecords.Make("SRR-0005", Level.Item, "Liman rıhtımı fotoğrafı", "SRR", date: "1925") with { Axes = [Axis.Liman] }, [], null, info);
        await archive.SaveRecordAsync(SampleRecords.Make("SRR-0006", Level.Item, "Taslak liman planı", "SRR", WorkflowState.Draft, "1926") with { Axes = [Axis.Liman] }, [], null, info);
    });

    [Fact]
    public async Task The_home_page_leads_to_the_three_axes_in_each_language()
    {
        await using var site = await StartAsync();
        var tr = await site.Client.GetStringAsync("/", Ct);
        Assert.Contains("<html lang=\"tr\">", tr);
        foreach (var axis in new[] { "liman", "ticaret", "yaratıcılık" })
            Assert.Contains($"href=\"/eksen/{Uri.EscapeDataString(axis)}\"", tr);
        Assert.Contains("href=\"/en\" hreflang=\"en\"", tr);

        var en = await site.Client.GetStringAsync("/en", Ct);
        Assert.Contains("<html lang=\"en\">", en);
        Assert.Contains("href=\"/en/axis/liman\">Port</a>", en);
        Assert.Contains("href=\"/\" hreflang=\"tr\"", en);
    }

    [Fact]
    public async Task An_axis_page_lists_only_its_published_records_and_an_unknown_axis_is_a_404()
    {
        await using var site = await StartAsync();
        var liman = await site.Client.GetStringAsync("/eksen/liman", Ct);
        Assert.Contains("<h1>Liman</h1>", liman);
        Assert.Contains("href=\"/kayit/SRR-0005\"", liman);
        Assert.DoesNotContain("SRR-0006", liman);
        Assert.DoesNotContain("SRR-0001", liman);
        Assert.Contains("href=\"/ara?axis=liman\"", liman);

        var english = await site.Client.GetStringAsync("/en/axis/liman", Ct);
        Assert.Contains("<h1>Port</h1>", english);
        Assert.Contains("href=\"/en/record/SRR-0005\"", english);

        using var missing = await site.Client.GetAsync("/eksen/deniz", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Sayfa bulunamadı", await missing.Content.ReadAsStringAsync(Ct));
    }
}
