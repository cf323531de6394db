using System.Net;
using System.Text.Json;
using HafizaIzmir.Site.Accounts;
using HafizaIzmir.Site.Katalog;
using HafizaIzmir.Tests.Images;
using Microsoft.Extensions.DependencyInjection;

namespace HafizaIzmir.Tests.Site;

public class KatalogAccessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Roles => ["anonymous", "student", "cataloguer", "admin"];

    /// <summary>Every page and look-up added for records, against someone else's draft (SRR-0002) and a record in review (SRR-0003).</summary>
    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_record_endpoint_answers_each_role_as_it_should(string role)
    {
        await using var site = await SiteHost.StartAsync("filesystem", SiteHost.SeedSamplesAsync);
        using var browser = role == "anonymous" ? new KatalogBrowser(site) : await KatalogBrowser.SignedInAsync(site, "kisi", Enum.Parse<Role>(role, ignoreCase: true));
        var staff = role != "anonymous";
        var cataloguer = role is "cataloguer" or "admin";
        var expectGet = staff ? HttpStatusCode.OK : HttpStatusCode.Redirect;
        foreach (var path in new[] { "/katalog/kayit/SRR-0002/gecmis", "/katalog/kayit/SRR-0002/surum/1", "/katalog/kayit/SRR-0002/onizleme", "/katalog/api/tarih?q=1923", "/katalog/api/ust?q=SRR" })
        {
            var response = await browser.Client.GetAsync(path, Ct);
            Assert.True(expectGet == response.StatusCode, $"{role} GET {path}: {response.StatusCode}");
            if (!staff) Assert.StartsWith("http://localhost/katalog/giris?ReturnUrl=", response.Headers.Location!.ToString());
        }

        // A token from the sign-in page: anonymous visitors have one too, so the answer is about the role.
        var token = await browser.TokenAsync(staff ? "/katalog" : "/katalog/giris");
        var version = await site.VersionOf("SRR-0002");
        var posts = new (string Path, HttpStatusCode Student, bool Multipart)[]
        {
            ("/katalog/kayit/SRR-0002/sayfalar", HttpStatusCode.Forbidden, true),
            ("/katalog/kayit/SRR-0002/sayfalar/1/dondur", HttpStatusCode.Forbidden, false),
            ("/katalog/kayit/SRR-0002/sayfalar/sira", HttpStatusCode.Forbidden, false),
            ("/katalog/kayit/SRR-0002/surum/1/geri-al", HttpStatusCode.Forbidden, false),
            ("/katalog/kayit/SRR-0002/europeana", HttpStatusCode.Forbidden, false),
        };
        foreach (var (path, studentAnswer, multipart) in posts)
        {
            var response = multipart
                ? await browser.PostFilesAsync(path, token, [("surum", version)], ("tarama", "a.jpg", TestImages.Encode(64, 64, ".jpg")))
                : await browser.PostAsync(path, token, ("surum", version), ("sira", ""), ("hazir", "1"));
            var expected = role switch
            {
                "anonymous" => HttpStatusCode.Redirect,
                "student" => studentAnswer,
                // Cataloguers may act; only an order that leaves out the page just uploaded is refused as bad input.
                _ => path.EndsWith("/sira", StringComparison.Ordinal) ? HttpStatusCode.BadRequest : HttpStatusCode.Redirect,
            };
            Assert.True(expected == response.StatusCode, $"{role} POST {path}: expected {expected}, got {response.StatusCode}");
            version = await site.VersionOf("SRR-0002");
        }
        if (cataloguer) Assert.True((await KatalogFlow.RecordAsync(site, "SRR-0002")).ForEuropeana);
        else Assert.Equal(1, (await site.Archive.Repository.GetObjectAsync("record:SRR-0002", Ct))!.Head);
    }

    [Fact]
    public async Task Posts_without_the_antiforgery_token_are_rejected_and_change_nothing()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SiteHost.SeedSamplesAsync);
        using var cataloguer = await KatalogBrowser.SignedInAsync(site, "katalogcu", Role.Cataloguer);
        var version = await site.VersionOf("SRR-0002");
        foreach (var path in new[] { "/katalog/kayit/SRR-0002", "/katalog/kayit/SRR-0002/sayfalar/1/dondur", "/katalog/kayit/SRR-0002/sayfalar/sira", "/katalog/kayit/SRR-0002/surum/1/geri-al", "/katalog/kayit/SRR-0002/europeana" })
            Assert.Equal(HttpStatusCode.BadRequest, (await cataloguer.PostAsync(path, null, ("surum", version), ("baslik", "X"), ("hazir", "1"))).StatusCode);
        var upload = await cataloguer.PostFilesAsync("/katalog/kayit/SRR-0002/sayfalar", null, [("surum", version)], ("tarama", "a.jpg", TestImages.Encode(64, 64, ".jpg")));
        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        // A token from another session is no better than none.
        using var other = await KatalogBrowser.SignedInAsync(site, "zeynep", Role.Cataloguer);
        var foreign = await other.TokenAsync("/katalog");
        Assert.Equal(HttpStatusCode.BadRequest, (await cataloguer.PostAsync("/katalog/kayit/SRR-0002/europeana", foreign, ("surum", version), ("hazir", "1"))).StatusCode);
        Assert.Equal(1, (await site.Archive.Repository.GetObjectAsync("record:SRR-0002", Ct))!.Head);
    }

    [Fact]
    public async Task A_changed_role_or_a_removed_account_takes_effect_on_the_next_request_not_at_cookie_expiry()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SiteHost.SeedSamplesAsync);
        using var browser = await KatalogBrowser.SignedInAsync(site, "mehmet", Role.Cataloguer);
        Assert.Contains("İnceleme bekleyenler", await browser.HtmlAsync("/katalog"));
        var store = site.Services.GetRequiredService<HafizaIzmir.Archive.Storage.IBlobStore>();
        var key = AccountStore.Key("mehmet");

        await Rewrite(store, key, json => json.Replace("\"role\": \"Cataloguer\"", "\"role\": \"Student\""));
        await Task.Delay(AccountRecheck.CacheFor + TimeSpan.FromMilliseconds(200), Ct);
        var dashboard = await browser.HtmlAsync("/katalog");
        Assert.DoesNotContain("İnceleme bekleyenler", dashboard);
        var token = await browser.TokenAsync("/katalog");
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.PostAsync("/katalog/kayit/SRR-0003/yayinla", token, ("surum", "1"))).StatusCode);

        await Rewrite(store, key, json => json.Replace("\"role\": \"Student\"", "\"role\": \"Cataloguer\""));
        await Task.Delay(AccountRecheck.CacheFor + TimeSpan.FromMilliseconds(200), Ct);
        Assert.Contains("İnceleme bekleyenler", await browser.HtmlAsync("/katalog"));

        await store.DeleteAsync(key, Ct);
        await Task.Delay(AccountRecheck.CacheFor + TimeSpan.FromMilliseconds(200), Ct);
        var gone = await browser.Client.GetAsync("/katalog", Ct);
        Assert.Equal(HttpStatusCode.Redirect, gone.StatusCode);
        Assert.StartsWith("http://localhost/katalog/giris", gone.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_disabled_account_is_signed_out_at_once()
    {
        await using var site = await SiteHost.StartAsync("filesystem");
        using var browser = await KatalogBrowser.SignedInAsync(site, "mehmet", Role.Student);
        var store = site.Services.GetRequiredService<HafizaIzmir.Archive.Storage.IBlobStore>();
        await Rewrite(store, AccountStore.Key("mehmet"), json => json.TrimEnd().TrimEnd('}') + ", \"disabled\": true }");
        await Task.Delay(AccountRecheck.CacheFor + TimeSpan.FromMilliseconds(200), Ct);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.GetAsync("/katalog", Ct)).StatusCode);
    }

    [Fact]
    public async Task Only_a_cataloguer_marks_a_record_ready_for_europeana_which_puts_it_in_the_europeana_set()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SiteHost.SeedSamplesAsync);
        using var student = await KatalogBrowser.SignedInAsync(site, "ayse", Role.Student);
        using var cataloguer = await KatalogBrowser.SignedInAsync(site, "katalogcu", Role.Cataloguer);
        await KatalogFlow.CreateAsync(student, "SRR-0200", "Kordon'da iskele");
        await KatalogFlow.UploadAsync(student, "SRR-0200", ("iskele.jpg", TestImages.Encode(640, 480, ".jpg")));
        await KatalogFlow.SaveAsync(student, "SRR-0200", ("baslik", "Kordon'da iskele"), ("baslik-en", "The pier on the Kordon"), ("tarih", "1925"), ("ust", "SRR"),
            ("tur", "image"), ("cins", "fotoğraf"), ("aciklama", "İskelede bekleyen yolcular."), ("aciklama-en", "Passengers waiting on the pier."), ("dil", "tr"),
            ("konu", "iskele"), ("eksen", "liman"), ("yetke-0-kimlik", "kisi-serif-remzi-reyent"), ("yetke-0-ad", "Şerif Remzi Reyent"), ("yetke-0-tur", "person"),
            ("yetke-0-rol", "photographer"), ("haklar", "http://creativecommons.org/licenses/by/4.0/"));

        var page = await student.HtmlAsync("/katalog/kayit/SRR-0200");
        Assert.Contains("<h2 id=\"europeana-baslik\">Europeana'ya hazırlık</h2>", page);
        Assert.Contains("Yükseltmek için", page);
        Assert.Contains("en düşük koşullarını (içerik 1, üstveri A) karşılıyor", page);
        Assert.DoesNotContain("/europeana\"", page); // no mark button for a student
        var token = await student.TokenAsync("/katalog");
        Assert.Equal(HttpStatusCode.Forbidden, (await student.PostAsync("/katalog/kayit/SRR-0200/europeana", token, ("surum", await site.VersionOf("SRR-0200")), ("hazir", "1"))).StatusCode);

        await KatalogFlow.StepAsync(student, "SRR-0200", "gonder");
        await KatalogFlow.StepAsync(cataloguer, "SRR-0200", "yayinla");
        Assert.False(await InEuropeanaSet(site, "SRR-0200", expected: false));
        Assert.Contains("Europeana için hazır işaretle", await cataloguer.HtmlAsync("/katalog/kayit/SRR-0200"));
        Assert.Equal(HttpStatusCode.Redirect, (await KatalogFlow.StepAsync(cataloguer, "SRR-0200", "europeana", ("hazir", "1"))).StatusCode);
        Assert.True((await KatalogFlow.RecordAsync(site, "SRR-0200")).ForEuropeana);
        Assert.True(await InEuropeanaSet(site, "SRR-0200", expected: true));
        Assert.Equal(HttpStatusCode.Redirect, (await KatalogFlow.StepAsync(cataloguer, "SRR-0200", "europeana", ("hazir", "0"))).StatusCode);
        Assert.False(await InEuropeanaSet(site, "SRR-0200", expected: false));
    }

    /// <summary>Whether the record's header is in the set (and not deleted), polling until it is as expected or 5 s pass.</summary>
    private static async Task<bool> InEuropeanaSet(SiteHost site, string identifier, bool expected)
    {
        var until = DateTime.UtcNow.AddSeconds(5);
        while (true)
        {
            var xml = await site.Client.GetStringAsync("/oai?verb=ListIdentifiers&metadataPrefix=oai_dc&set=europeana", Ct);
            var doc = System.Xml.Linq.XDocument.Parse(xml);
            System.Xml.Linq.XNamespace oai = "http://www.openarchives.org/OAI/2.0/";
            var present = doc.Descendants(oai + "header").Any(h => h.Attribute("status") is null && h.Element(oai + "identifier")!.Value.EndsWith(":" + identifier, StringComparison.Ordinal));
            if (present == expected || DateTime.UtcNow > until) return present;
            await Task.Delay(100, Ct);
        }
    }

    private static async Task Rewrite(HafizaIzmir.Archive.Storage.IBlobStore store, string key, Func<string, string> change)
    {
        var blob = (await store.GetAsync(key, Ct))!;
        var json = change(System.Text.Encoding.UTF8.GetString(blob.Bytes));
        using (JsonDocument.Parse(json)) { }
        await store.PutAsync(key, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), HafizaIzmir.Archive.Storage.BlobCondition.IfMatch(blob.ETag), Ct);
    }
}
