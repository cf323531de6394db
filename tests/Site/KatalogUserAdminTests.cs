using System.Net;
using HafizaIzmir.Site.Accounts;
using Microsoft.Extensions.DependencyInjection;
using static HafizaIzmir.Tests.Site.KatalogAdministrationSeed;

namespace HafizaIzmir.Tests.Site;

public class KatalogUserAdminTests
{
    private const string NewPassword = "yepyeni-parola-2024";

    [Fact]
    public async Task An_admin_creates_an_account_under_the_password_policy_and_changes_its_role()
    {
        await using var site = await SiteHost.StartAsync("filesystem");
        using var admin = await KatalogBrowser.SignedInAsync(site, "yonetici", Role.Admin);

        var tooShort = await admin.SubmitAsync("/katalog/kullanicilar/yeni", ("ad", "Şükrü"), ("rol", "student"), ("parola", "kısa"), ("parola2", "kısa"));
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains("Parola en az 10 karakter olmalı.", await tooShort.BodyAsync());
        var mismatch = await admin.SubmitAsync("/katalog/kullanicilar/yeni", ("ad", "Şükrü"), ("rol", "student"), ("parola", NewPassword), ("parola2", NewPassword + "x"));
        Assert.Contains("İki parola aynı değil.", await mismatch.BodyAsync());
        Assert.Null(await Accounts(site).FindAsync("Şükrü", Ct));

        AssertRedirectTo(await admin.SubmitAsync("/katalog/kullanicilar/yeni", ("ad", "Şükrü"), ("rol", "student"), ("parola", NewPassword), ("parola2", NewPassword)),
            "/katalog/kullanicilar?durum=eklendi");
        var stored = await Accounts(site).FindAsync("sukru", Ct);
        Assert.Equal(Role.Student, stored!.Role);
        Assert.DoesNotContain(NewPassword, stored.PasswordHash);
        var duplicate = await admin.SubmitAsync("/katalog/kullanicilar/yeni", ("ad", "sukru"), ("rol", "admin"), ("parola", NewPassword), ("parola2", NewPassword));
        Assert.Contains("&#x27;sukru&#x27; adlı bir hesap zaten var.", await duplicate.BodyAsync());

        using var sukru = new KatalogBrowser(site);
        Assert.Equal(HttpStatusCode.Redirect, (await sukru.SignInAsync("Şükrü", NewPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sukru.Client.GetAsync("/katalog/bagislar", Ct)).StatusCode);

        AssertRedirectTo(await admin.SubmitAsync("/katalog/kullanicilar/Şükrü/rol", ("rol", "cataloguer")), "/katalog/kullanicilar?durum=rol");
        Assert.Equal(Role.Cataloguer, (await Accounts(site).FindAsync("sukru", Ct))!.Role);
        // The old cookie carried the student role: the next request is checked against the account and gets the new role.
        Assert.Equal(HttpStatusCode.OK, (await sukru.Client.GetAsync("/katalog/bagislar", Ct)).StatusCode);

        var list = await admin.Client.GetStringAsync("/katalog/kullanicilar", Ct);
        Assert.Contains("<td>Şükrü</td><td>Katalogcu</td><td>etkin</td>", list);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_and_loses_its_session_until_enabled_again()
    {
        await using var site = await SiteHost.StartAsync("filesystem");
        using var admin = await KatalogBrowser.SignedInAsync(site, "yonetici", Role.Admin);
        using var student = await KatalogBrowser.SignedInAsync(site, "ayse", Role.Student);
        Assert.Equal(HttpStatusCode.OK, (await student.Client.GetAsync("/katalog", Ct)).StatusCode);

        AssertRedirectTo(await admin.SubmitAsync("/katalog/kullanicilar/ayse/durum", ("etkin", "hayir")), "/katalog/kullanicilar?durum=devre-disi");
        Assert.True((await Accounts(site).FindAsync("ayse", Ct))!.Disabled);
        Assert.Equal(HttpStatusCode.Redirect, (await student.Client.GetAsync("/katalog", Ct)).StatusCode);
        var refused = await student.SignInAsync("ayse", KatalogBrowser.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("Kullanıcı adı veya parola hatalı", await refused.BodyAsync());
        Assert.Contains("<td>ayse</td><td>Öğrenci</td><td>devre dışı</td>", await admin.Client.GetStringAsync("/katalog/kullanicilar", Ct));

        AssertRedirectTo(await admin.SubmitAsync("/katalog/kullanicilar/ayse/durum", ("etkin", "evet")), "/katalog/kullanicilar?durum=etkin");
        Assert.Equal(HttpStatusCode.Redirect, (await student.SignInAsync("ayse", KatalogBrowser.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await student.Client.GetAsync("/katalog", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_reset_password_replaces_the_old_one_and_lifts_a_lock_out()
    {
        await using var site = await SiteHost.StartAsync("filesystem");
        using var admin = await KatalogBrowser.SignedInAsync(site, "yonetici", Role.Admin);
        await Accounts(site).CreateAsync("ayse", Role.Student, KatalogBrowser.Password, Ct);
        using var student = new KatalogBrowser(site);
        for (var i = 0; i < AccountStore.MaxFailedSignIns; i++) await student.SignInAsync("ayse", "yanlış-parola-123");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await student.SignInAsync("ayse", KatalogBrowser.Password)).StatusCode);

        var weak = await admin.SubmitAsync("/katalog/kullanicilar/ayse/parola", ("parola", "123"), ("parola2", "123"));
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("Parola en az 10 karakter olmalı.", await weak.BodyAsync());
        AssertRedirectTo(await admin.SubmitAsync("/katalog/kullanicilar/ayse/parola", ("parola", NewPassword), ("parola2", NewPassword)), "/katalog/kullanicilar?durum=parola");

        Assert.Equal(HttpStatusCode.Unauthorized, (await student.SignInAsync("ayse", KatalogBrowser.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await student.SignInAsync("ayse", NewPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.SubmitAsync("/katalog/kullanicilar/kimse/parola", ("parola", NewPassword), ("parola2", NewPassword))).StatusCode);
    }

    [Fact]
    public async Task The_last_enabled_admin_can_be_neither_demoted_nor_disabled()
    {
        await using var site = await SiteHost.StartAsync("filesystem");
        using var admin = await KatalogBrowser.SignedInAsync(site, "yonetici", Role.Admin);

        foreach (var (path, field, value) in new[] { ("rol", "rol", "cataloguer"), ("durum", "etkin", "hayir") })
        {
            var refused = await admin.SubmitAsync($"/katalog/kullanicilar/yonetici/{path}", (field, value));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("Bu son etkin yönetici", await refused.BodyAsync());
            var stored = (await Accounts(site).FindAsync("yonetici", Ct))!;
            Assert.Equal((Role.Admin, false), (stored.Role, stored.Disabled));
        }

        // With a second admin, the first may step down; then the second is the last one.
        await Accounts(site).CreateAsync("ikinci", Role.Admin, KatalogBrowser.Password, Ct);
        AssertRedirectTo(await admin.SubmitAsync("/katalog/kullanicilar/yonetici/rol", ("rol", "cataloguer")), "/katalog/kullanicilar?durum=rol");
        using var second = new KatalogBrowser(site);
        await second.SignInAsync("ikinci", KatalogBrowser.Password);
        var last = await second.SubmitAsync("/katalog/kullanicilar/ikinci/durum", ("etkin", "hayir"));
        Assert.Equal(HttpStatusCode.BadRequest, last.StatusCode);
        Assert.False((await Accounts(site).FindAsync("ikinci", Ct))!.Disabled);
        // A disabled admin does not count as the remaining one.
        await Accounts(site).UpdateAsync("yonetici", a => a with { Role = Role.Admin, Disabled = true }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, (await second.SubmitAsync("/katalog/kullanicilar/ikinci/rol", ("rol", "student"))).StatusCode);
    }

    private static AccountStore Accounts(SiteHost site) => site.Services.GetRequiredService<AccountStore>();
}
