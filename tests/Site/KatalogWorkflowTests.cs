using System.Net;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Site.Accounts;
using HafizaIzmir.Site.Katalog;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace HafizaIzmir.Tests.Site;

public class KatalogWorkflowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Draft_review_return_fix_publish_and_withdraw_each_leave_a_version_saying_who_and_why()
    {
        await using var site = await SiteHost.StartAsync("filesystem");
        using var student = await KatalogBrowser.SignedInAsync(site, "ayse", Role.Student);
        using var cataloguer = await KatalogBrowser.SignedInAsync(site, "katalogcu", Role.Cataloguer);

        var token = await student.TokenAsync("/katalog/kayit/yeni");
        var created = await student.PostAsync("/katalog/kayit/yeni", token, ("kimlik", "OGR-1"), ("baslik", "Kordon'da kartpostal"), ("tarih", "192X"), ("duzey", "item"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/katalog/kayit/OGR-1", created.Headers.Location!.ToString());
        Assert.Contains("OGR-1", await student.Client.GetStringAsync("/katalog", Ct));

        Assert.Equal(HttpStatusCode.Redirect, (await Step(student, "gonder")).StatusCode);
        Assert.Equal(WorkflowState.InReview, await State(site));
        // Submitted work is the cataloguer's now: the student can no longer change it.
        Assert.Equal(HttpStatusCode.Forbidden, (await Save(student, "Değiştirilmiş başlık")).StatusCode);
        Assert.Contains("OGR-1", await cataloguer.Client.GetStringAsync("/katalog", Ct));

        // Publishing without rights is refused with the reason.
        var refused = await Step(cataloguer, "yayinla");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Haklar", await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, (await Step(cataloguer, "iade", ("yorum", " "))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Step(cataloguer, "iade", ("yorum", "Hakları ekleyin"))).StatusCode);
        Assert.Equal(WorkflowState.Draft, await State(site));

        Assert.Equal(HttpStatusCode.Redirect, (await Save(student, "Kordon'da kartpostal", ("haklar", "http://rightsstatements.org/vocab/NoC-US/1.0/"), ("neden", "Haklar eklendi"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Step(student, "gonder")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Step(cataloguer, "yayinla")).StatusCode);
        Assert.Equal(WorkflowState.Published, await State(site));
        Assert.Equal(HttpStatusCode.OK, (await site.Client.GetAsync("/kayit/OGR-1", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await Step(cataloguer, "geri-cek", ("yorum", "Bağışçı izni geri aldı"))).StatusCode);
        Assert.Equal(WorkflowState.Withdrawn, await State(site));
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client.GetAsync("/kayit/OGR-1", Ct)).StatusCode);

        var versions = (await site.Archive.Repository.GetObjectAsync("record:OGR-1", Ct))!.Versions;
        Assert.Equal(
            ["ayse: Yeni taslak", "ayse: İncelemeye gönderildi", "katalogcu: İade: Hakları ekleyin", "ayse: Haklar eklendi",
             "ayse: İncelemeye gönderildi", "katalogcu: Yayımlandı", "katalogcu: Geri çekildi: Bağışçı izni geri aldı"],
            versions.Select(v => $"{v.User}: {v.Message}"));
        var record = (await site.Archive.GetRecordAsync("OGR-1", Ct))!.Value;
        Assert.Equal("ayse", record.CreatedBy);
        Assert.Equal("192X", record.Date!.ToString());
    }

    [Fact]
    public async Task The_second_of_two_concurrent_saves_gets_a_conflict_page_and_changes_nothing()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SiteHost.SeedSamplesAsync);
        using var first = await KatalogBrowser.SignedInAsync(site, "katalogcu", Role.Cataloguer);
        using var second = await KatalogBrowser.SignedInAsync(site, "zeynep", Role.Cataloguer);
        var token = await second.TokenAsync("/katalog/kayit/SRR-0002");
        var readVersion = await second.VersionAsync("/katalog/kayit/SRR-0002");

        Assert.Equal(HttpStatusCode.Redirect, (await first.PostAsync("/katalog/kayit/SRR-0002", await first.TokenAsync("/katalog/kayit/SRR-0002"),
            ("surum", readVersion), ("baslik", "Konşimento (düzeltildi)"), ("neden", "Yazım"))).StatusCode);
        var late = await second.PostAsync("/katalog/kayit/SRR-0002", token, ("surum", readVersion), ("baslik", "Başka bir başlık"));

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var html = await late.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Çakışma", html);
        Assert.Contains("katalogcu", html);
        Assert.Contains("Konşimento (düzeltildi)", html);
        Assert.Equal("Konşimento (düzeltildi)", (await site.Archive.GetRecordAsync("SRR-0002", Ct))!.Value.Title.Tr);
    }

    [Fact]
    public async Task Keys_written_by_one_replica_unprotect_on_another()
    {
        var store = new InMemoryBlobStore();
        IDataProtector Protector() => new ServiceCollection()
            .AddDataProtection().SetApplicationName("hafiza").Services
            .Configure<KeyManagementOptions>(o => o.XmlRepository = new BlobXmlRepository(store))
            .BuildServiceProvider().GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        var secret = Protector().Protect("kimlik çerezi");
        Assert.Equal("kimlik çerezi", Protector().Unprotect(secret));
        Assert.Throws<System.Security.Cryptography.CryptographicException>(() =>
            new ServiceCollection().AddDataProtection().SetApplicationName("hafiza").Services
                .Configure<KeyManagementOptions>(o => o.XmlRepository = new BlobXmlRepository(new InMemoryBlobStore()))
                .BuildServiceProvider().GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(secret));
    }

    private static async Task<WorkflowState> State(SiteHost site) => (await site.Archive.GetRecordAsync("OGR-1", Ct))!.Value.State;

    private static async Task<HttpResponseMessage> Step(KatalogBrowser browser, string step, params (string, string)[] fields)
    {
        var token = await browser.TokenAsync("/katalog");
        return await browser.PostAsync($"/katalog/kayit/OGR-1/{step}", token, [("surum", await browser.Site.VersionOf("OGR-1")), .. fields]);
    }

    private static async Task<HttpResponseMessage> Save(KatalogBrowser browser, string title, params (string, string)[] fields)
    {
        var token = await browser.TokenAsync("/katalog");
        return await browser.PostAsync("/katalog/kayit/OGR-1", token, [("surum", await browser.Site.VersionOf("OGR-1")), ("baslik", title), ("tarih", "192X"), .. fields]);
    }
}
