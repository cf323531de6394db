using System.Net;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Site.Accounts;
using HafizaIzmir.Site.Derived;
using HafizaIzmir.Tests.Site;
using Microsoft.Extensions.DependencyInjection;

namespace HafizaIzmir.Tests.Stories;

/// <summary>Writing stories in the catalogue through its forms, with the roles, antiforgery and concurrency checks.</summary>
public sealed class StoryKatalogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Slug = "kordon-kartpostallari";

    private static (string, string)[] Fields(string title = "Kordon kartpostalları", string body = "Kartpostal:\n\n[[kayit:SRR-0001]]") =>
    [
        ("kisa-ad", Slug), ("baslik", title), ("baslik-en", "Postcards of the Kordon"), ("ozet", "Rıhtımın yüzü"),
        ("metin", body), ("metin-en", "Postcard: [[kayit:SRR-0001]]"), ("eksen", "liman"), ("eksen", "yaratıcılık"),
        ("kapak", "SRR-0001"), ("yazar", "Ayşe"), ("one-cikan", "evet"), ("islem", "kaydet"),
    ];

    [Fact]
    public async Task A_student_proposes_a_story_a_cataloguer_returns_and_publishes_it_and_each_step_is_a_version()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SiteHost.SeedSamplesAsync);
        using var student = await KatalogBrowser.SignedInAsync(site, "ayse", Role.Student);
        using var cataloguer = await KatalogBrowser.SignedInAsync(site, "katalogcu", Role.Cataloguer);

        var created = await student.PostAsync("/katalog/hikaye/yeni", await student.TokenAsync("/katalog/hikaye/yeni"), Fields());
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal($"/katalog/hikaye/{Slug}?durum=kaydedildi", created.Headers.Location!.ToString());
        var story = await StoryAsync(site);
        Assert.Equal(WorkflowState.Draft, story.State);
        Assert.Equal([Axis.Liman, Axis.Yaraticilik], story.Axes);
        Assert.Equal("Postcard: [[kayit:SRR-0001]]", story.Body.En);
        // Only editors choose what the home page features.
        Assert.False(story.Featured);

        Assert.Equal(HttpStatusCode.Redirect, (await Step(student, "gonder")).StatusCode);
        Assert.Equal(WorkflowState.InReview, (await StoryAsync(site)).State);
        // A student can neither publish (refused before the workflow runs) nor change what is in review.
        Assert.Equal(HttpStatusCode.Forbidden, (await Step(student, "yayinla")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Step(student, "iade", ("yorum", "kendi kendime"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Save(student, "Başka başlık")).StatusCode);
        Assert.Equal(WorkflowState.InReview, (await StoryAsync(site)).State);
        Assert.DoesNotContain("yayinla", await student.Client.GetStringAsync($"/katalog/hikaye/{Slug}", Ct));

        Assert.Equal(HttpStatusCode.BadRequest, (await Step(cataloguer, "iade", ("yorum", " "))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Step(cataloguer, "iade", ("yorum", "Özeti İngilizce de yazın"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Save(student, "Kordon kartpostalları", ("ozet-en", "The face of the quay"), ("neden", "İngilizce özet"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Step(student, "gonder")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client.GetAsync($"/hikaye/{Slug}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Step(cataloguer, "yayinla")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.Client.GetAsync($"/hikaye/{Slug}", Ct)).StatusCode);
        Assert.Equal("1", await DashboardStoryCountAsync(site, cataloguer, "1"));

        Assert.Equal(HttpStatusCode.Redirect, (await Step(cataloguer, "geri-cek", ("yorum", "Hak sahibi itiraz etti"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client.GetAsync($"/hikaye/{Slug}", Ct)).StatusCode);
        Assert.Equal("0", await DashboardStoryCountAsync(site, cataloguer, "0"));

        var versions = (await site.Archive.Repository.GetObjectAsync($"story:{Slug}", Ct))!.Versions;
        Assert.Equal(
            ["ayse: Yeni hikâye taslağı", "ayse: İncelemeye gönderildi", "katalogcu: İade: Özeti İngilizce de yazın", "ayse: İngilizce özet",
             "ayse: İncelemeye gönderildi", "katalogcu: Yayımlandı", "katalogcu: Geri çekildi: Hak sahibi itiraz etti"],
            versions.Select(v => $"{v.User}: {v.Message}"));
        var page = await cataloguer.Client.GetStringAsync($"/katalog/hikaye/{Slug}", Ct);
        Assert.Contains("Hak sahibi itiraz etti", page);
        Assert.Contains("Yeniden yayımla", page);
    }

    [Fact]
    public async Task Problems_are_written_beside_their_fields_and_nothing_is_saved()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SiteHost.SeedSamplesAsync);
        using var student = await KatalogBrowser.SignedInAsync(site, "ayse", Role.Student);
        var response = await student.PostAsync("/katalog/hikaye/yeni", await student.TokenAsync("/katalog/hikaye/yeni"),
            ("kisa-ad", "Büyük Harf"), ("baslik", " "), ("metin", "Bakınız [[kayit:YOK-9]] ve [[kisi:Kimse Değil]]"), ("kapak", "YOK-1"), ("eksen", "deniz"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"kisa-ad-error\"", html);
        Assert.Contains("<span id=\"kisa-ad-error\" class=\"error\">Kısa ad yalnızca küçük harf", html);
        Assert.Contains("<span id=\"baslik-error\" class=\"error\">Başlık (Türkçe) boş olamaz.</span>", html);
        Assert.Contains("<span id=\"kapak-error\" class=\"error\">&#x27;YOK-1&#x27; kimlikli bir kayıt yok.</span>", html);
        Assert.Contains("[[kayit:YOK-9]], [[kisi:Kimse Değil]]", html);
        Assert.Contains("&#x27;deniz&#x27; bir eksen değil.", html);
        // What was typed is kept in the form.
        Assert.Contains("value=\"Büyük Harf\"", html);
        Assert.Empty(await site.Archive.ListStoriesAsync(Ct).ToListAsync(Ct));
    }

    [Fact]
    public async Task The_preview_renders_the_text_as_the_site_will_and_saves_nothing()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SiteHost.SeedSamplesAsync);
        using var student = await KatalogBrowser.SignedInAsync(site, "ayse", Role.Student);
        var response = await student.PostAsync("/katalog/hikaye/yeni", await student.TokenAsync("/katalog/hikaye/yeni"),
            [.. Fields(body: "## Başlık\n\n<script>alert(1)</script>\n\n[[kayit:SRR-0001]]\n\n[[kayit:SRR-0002]]").Where(f => f.Item1 != "islem"), ("islem", "onizle")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Önizleme (kaydedilmedi)", html);
        Assert.Contains("<h2>Başlık</h2>", html);
        Assert.Contains("href=\"/kayit/SRR-0001\"", html);
        Assert.Contains("[[kayit:SRR-0002]] — Taslak konşimento: yayımlanmamış", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.Null(await site.Archive.GetStoryAsync(Slug, Ct));
    }

    [Fact]
    public async Task Forms_without_the_antiforgery_token_and_anonymous_visitors_are_refused()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SiteHost.SeedSamplesAsync);
        using var anonymous = new KatalogBrowser(site);
        var redirect = await anonymous.Client.GetAsync("/katalog/hikaye", Ct);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith("/katalog/giris", redirect.Headers.Location!.AbsolutePath);

        using var cataloguer = await KatalogBrowser.SignedInAsync(site, "katalogcu", Role.Cataloguer);
        var forged = await cataloguer.PostAsync("/katalog/hikaye/yeni", null, Fields());
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null(await site.Archive.GetStoryAsync(Slug, Ct));
    }

    [Fact]
    public async Task Students_cannot_touch_each_others_drafts_and_a_stale_save_gets_the_conflict_page()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SiteHost.SeedSamplesAsync);
        using var ayse = await KatalogBrowser.SignedInAsync(site, "ayse", Role.Student);
        using var mehmet = await KatalogBrowser.SignedInAsync(site, "mehmet", Role.Student);
        using var first = await KatalogBrowser.SignedInAsync(site, "katalogcu", Role.Cataloguer);
        using var second = await KatalogBrowser.SignedInAsync(site, "zeynep", Role.Cataloguer);
        Assert.Equal(HttpStatusCode.Redirect, (await ayse.PostAsync("/katalog/hikaye/yeni", await ayse.TokenAsync("/katalog/hikaye/yeni"), Fields())).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await Save(mehmet, "Mehmet'in başlığı")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Step(mehmet, "gonder")).StatusCode);
        Assert.DoesNotContain(Slug, await mehmet.Client.GetStringAsync("/katalog/hikaye", Ct));

        var token = await second.TokenAsync($"/katalog/hikaye/{Slug}");
        var read = await second.VersionAsync($"/katalog/hikaye/{Slug}");
        Assert.Equal(HttpStatusCode.Redirect, (await Save(first, "Kordon kartpostalları (düzeltildi)", ("neden", "Yazım"))).StatusCode);
        var late = await second.PostAsync($"/katalog/hikaye/{Slug}", token, [("surum", read), .. Fields("Zeynep'in başlığı")]);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var html = await late.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Çakışma", html);
        Assert.Contains("katalogcu", html);
        Assert.Contains("Kordon kartpostalları (düzeltildi)", html);
        Assert.Equal("Kordon kartpostalları (düzeltildi)", (await StoryAsync(site)).Title.Tr);
    }

    private static async Task<Story> StoryAsync(SiteHost site) => (await site.Archive.GetStoryAsync(Slug, Ct))!.Value;

    private static async Task<string> Version(SiteHost site) =>
        (await site.Archive.GetStoryAsync(Slug, Ct))!.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<HttpResponseMessage> Step(KatalogBrowser browser, string step, params (string, string)[] fields) =>
        await browser.PostAsync($"/katalog/hikaye/{Slug}/{step}", await browser.TokenAsync("/katalog"), [("surum", await Version(browser.Site)), .. fields]);

    private static async Task<HttpResponseMessage> Save(KatalogBrowser browser, string title, params (string, string)[] fields) =>
        await browser.PostAsync($"/katalog/hikaye/{Slug}", await browser.TokenAsync("/katalog"),
            [("surum", await Version(browser.Site)), .. Fields(title).Where(f => f.Item1 != "kisa-ad"), .. fields]);

    /// <summary>The dashboard's count of published stories, once the journal follower has caught up to <paramref name="expected"/>.</summary>
    private static async Task<string> DashboardStoryCountAsync(SiteHost site, KatalogBrowser browser, string expected)
    {
        var catalogue = site.Services.GetRequiredService<StoryCatalogue>();
        for (var i = 0; i < 100 && catalogue.Published().Count.ToString(System.Globalization.CultureInfo.InvariantCulture) != expected; i++) await Task.Delay(100, Ct);
        var html = await browser.Client.GetStringAsync("/katalog", Ct);
        Assert.Contains("max=\"50\"", html);
        Assert.Contains("max=\"10\"", html);
        var at = html.IndexOf("id=\"story-count\">", StringComparison.Ordinal) + "id=\"story-count\">".Length;
        return html[at..html.IndexOf('<', at)];
    }
}
