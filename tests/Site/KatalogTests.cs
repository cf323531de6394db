using System.Net;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Site.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace HafizaIzmir.Tests.Site;

public class KatalogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_sign_in_page_with_their_return_url()
    {
        await using var site = await SiteHost.StartAsync("filesystem");
        using var browser = new KatalogBrowser(site);
        var response = await browser.Client.GetAsync("/katalog/kayit/yeni", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("http://localhost/katalog/giris?ReturnUrl=", location);
        Assert.Contains(Uri.EscapeDataString("/katalog/kayit/yeni"), location);
    }

    [Fact]
    public async Task The_sign_in_form_has_labelled_fields_that_submit_with_enter()
    {
        await using var site = await SiteHost.StartAsync("filesystem");
        var html = await site.Client.GetStringAsync("/katalog/giris", Ct);
        Assert.Contains("<label for=\"kullanici\">Kullanıcı adı</label>", html);
        Assert.Contains("<input id=\"kullanici\" name=\"kullanici\"", html);
        Assert.Contains("<label for=\"parola\">Parola</label>", html);
        Assert.Contains("<input id=\"parola\" name=\"parola\" type=\"password\"", html);
        Assert.Contains("<button type=\"submit\">", html);
        var english = await site.Client.GetStringAsync("/katalog/giris?lang=en", Ct);
        Assert.Contains("<label for=\"kullanici\">Username</label>", english);
        Assert.Contains("<label for=\"parola\">Password</label>", english);
    }

    [Fact]
    public async Task Sign_in_with_the_right_password_opens_the_dashboard_and_a_wrong_one_does_not()
    {
        await using var site = await SiteHost.StartAsync("filesystem");
        await site.Services.GetRequiredService<AccountStore>().CreateAsync("Ayşe", Role.Student, KatalogBrowser.Password, Ct);
        using var browser = new KatalogBrowser(site);

        var wrong = await browser.SignInAsync("ayse", "yanlış-parola-123");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("Kullanıcı adı veya parola hatalı", await wrong.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.GetAsync("/katalog", Ct)).StatusCode);

        var right = await browser.SignInAsync("ayse", KatalogBrowser.Password, "/katalog?x=1");
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/katalog?x=1", right.Headers.Location!.ToString());
        var dashboard = await browser.Client.GetAsync("/katalog", Ct);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Program hedefleri", await dashboard.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("https://example.org/katalog")]
    [InlineData("//example.org/katalog")]
    [InlineData("/\\example.org")]
    [InlineData("/kayit/SRR-0001")]
    public async Task Sign_in_never_redirects_outside_the_catalogue(string returnUrl)
    {
        await using var site = await SiteHost.StartAsync("filesystem");
        await site.Services.GetRequiredService<AccountStore>().CreateAsync("ayse", Role.Student, KatalogBrowser.Password, Ct);
        using var browser = new KatalogBrowser(site);
        var response = await browser.SignInAsync("ayse", KatalogBrowser.Password, returnUrl);
        Assert.Equal("/katalog", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_against_the_right_password()
    {
        await using var site = await SiteHost.StartAsync("filesystem");
        await site.Services.GetRequiredService<AccountStore>().CreateAsync("ayse", Role.Student, KatalogBrowser.Password, Ct);
        using var browser = new KatalogBrowser(site);
        for (var i = 0; i < 4; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SignInAsync("ayse", "yanlış-parola-123")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await browser.SignInAsync("ayse", "yanlış-parola-123")).StatusCode);

        var locked = await browser.SignInAsync("ayse", KatalogBrowser.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Contains("15 dakika", await locked.Content.ReadAsStringAsync(Ct));
        var stored = await site.Services.GetRequiredService<AccountStore>().FindAsync("ayse", Ct);
        Assert.True(stored!.LockedUntil > DateTimeOffset.UtcNow.AddMinutes(14));
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_rejected()
    {
        await using var site = await SiteHost.StartAsync("filesystem");
        await site.Services.GetRequiredService<AccountStore>().CreateAsync("ayse", Role.Student, KatalogBrowser.Password, Ct);
        using var browser = new KatalogBrowser(site);
        var response = await browser.PostAsync("/katalog/giris", null, ("kullanici", "ayse"), ("parola", KatalogBrowser.Password));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("hafiza-katalog=")));

        using var student = await KatalogBrowser.SignedInAsync(site, "mehmet", Role.Student);
        var create = await student.PostAsync("/katalog/kayit/yeni", null, ("kimlik", "OGR-1"), ("baslik", "Kartpostal"));
        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.Null(await site.Archive.GetRecordAsync("OGR-1", Ct));
    }

    [Fact]
    public async Task A_student_cannot_publish_return_or_withdraw()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SiteHost.SeedSamplesAsync);
        using var student = await KatalogBrowser.SignedInAsync(site, "ayse", Role.Student);
        var token = await student.TokenAsync("/katalog");
        foreach (var step in new[] { "yayinla", "iade", "geri-cek" })
        {
            var response = await student.PostAsync($"/katalog/kayit/SRR-0003/{step}", token, ("surum", "1"), ("yorum", "neden"));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        Assert.Equal(WorkflowState.InReview, (await site.Archive.GetRecordAsync("SRR-0003", Ct))!.Value.State);
        // Nor edit someone else's draft.
        var edit = await student.PostAsync("/katalog/kayit/SRR-0002", token, ("surum", "1"), ("baslik", "Başkasının taslağı"));
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal("Taslak konşimento", (await site.Archive.GetRecordAsync("SRR-0002", Ct))!.Value.Title.Tr);
    }

    [Fact]
    public async Task Signing_in_stores_the_data_protection_keys_in_the_blob_store()
    {
        await using var site = await SiteHost.StartAsync("filesystem");
        using var student = await KatalogBrowser.SignedInAsync(site, "ayse", Role.Student);
        var keys = new List<string>();
        await foreach (var blob in site.Services.GetRequiredService<HafizaIzmir.Archive.Storage.IBlobStore>().ListAsync(HafizaIzmir.Site.Katalog.BlobXmlRepository.Prefix, Ct))
            keys.Add(blob.Key);
        Assert.Single(keys);
        Assert.EndsWith(".xml", keys[0]);
    }
}
