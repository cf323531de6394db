using System.Net;
using HafizaIzmir.Site.Accounts;
using Microsoft.Extensions.DependencyInjection;
using static HafizaIzmir.Tests.Site.KatalogAdministrationSeed;

namespace HafizaIzmir.Tests.Site;

/// <summary>Every authority, accession, account and import endpoint against every role, and without the antiforgery token.</summary>
public class KatalogAdministrationAccessTests
{
    public enum Needs { Staff, Cataloguer, Admin }

    public static readonly TheoryData<string, Needs> Pages = new()
    {
        { "/katalog/otoriteler", Needs.Staff },
        { "/katalog/otoriteler?q=remzi&tur=person", Needs.Staff },
        { "/katalog/otoriteler/yeni?tur=place", Needs.Cataloguer },
        { $"/katalog/otoriteler/{Survivor}", Needs.Staff },
        { $"/katalog/otoriteler/{Survivor}/gecmis", Needs.Staff },
        { $"/katalog/otoriteler/{Survivor}/gecmis/1", Needs.Staff },
        { $"/katalog/otoriteler/{Duplicate}/birlestir", Needs.Cataloguer },
        { "/katalog/bagislar", Needs.Cataloguer },
        { "/katalog/bagislar/yeni", Needs.Cataloguer },
        { $"/katalog/bagislar/{Accession}", Needs.Cataloguer },
        { $"/katalog/bagislar/{Accession}/gecmis", Needs.Cataloguer },
        { "/katalog/kullanicilar", Needs.Admin },
        { "/katalog/ice-aktar", Needs.Cataloguer },
    };

    public static readonly TheoryData<string, Needs> Actions = new()
    {
        { "/katalog/otoriteler/yeni", Needs.Cataloguer },
        { $"/katalog/otoriteler/{Survivor}", Needs.Cataloguer },
        { $"/katalog/otoriteler/{Survivor}/geri-al", Needs.Cataloguer },
        { $"/katalog/otoriteler/{Duplicate}/birlestir", Needs.Cataloguer },
        { "/katalog/bagislar/yeni", Needs.Cataloguer },
        { $"/katalog/bagislar/{Accession}", Needs.Cataloguer },
        { "/katalog/kullanicilar/yeni", Needs.Admin },
        { "/katalog/kullanicilar/ogrenci/rol", Needs.Admin },
        { "/katalog/kullanicilar/ogrenci/durum", Needs.Admin },
        { "/katalog/kullanicilar/ogrenci/parola", Needs.Admin },
        { "/katalog/ice-aktar", Needs.Cataloguer },
        { "/katalog/ice-aktar/onayla", Needs.Cataloguer },
    };

    private static bool Allowed(Role role, Needs needs) => needs switch
    {
        Needs.Staff => true,
        Needs.Cataloguer => role is Role.Cataloguer or Role.Admin,
        _ => role == Role.Admin,
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Pages_answer_each_role_as_its_rights_allow(string path, Needs needs)
    {
        await using var site = await SiteHost.StartAsync("filesystem", SeedAsync);
        using var anonymous = new KatalogBrowser(site);
        var response = await anonymous.Client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/katalog/giris?ReturnUrl=", response.Headers.Location!.ToString());

        foreach (var role in new[] { Role.Student, Role.Cataloguer, Role.Admin })
        {
            using var browser = await KatalogBrowser.SignedInAsync(site, KatalogServicesName(role), role);
            var page = await browser.Client.GetAsync(path, Ct);
            Assert.True(Allowed(role, needs) ? page.StatusCode == HttpStatusCode.OK : page.StatusCode == HttpStatusCode.Forbidden,
                $"{role} GET {path}: {(int)page.StatusCode}");
            if (page.StatusCode == HttpStatusCode.OK) Assert.Contains("<html lang=\"tr\">", await page.BodyAsync());
        }
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Actions_answer_each_role_as_its_rights_allow_and_need_the_antiforgery_token(string path, Needs needs)
    {
        await using var site = await SiteHost.StartAsync("filesystem", SeedAsync);
        await site.Services.GetService<AccountStore>()!.CreateAsync("ogrenci", Role.Student, KatalogBrowser.Password, Ct);
        var before = await Snapshot(site);

        using var anonymous = new KatalogBrowser(site);
        var response = await anonymous.PostAsync(path, null, ("ad", "X"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/katalog/giris", response.Headers.Location!.ToString());

        foreach (var role in new[] { Role.Student, Role.Cataloguer, Role.Admin })
        {
            using var browser = await KatalogBrowser.SignedInAsync(site, KatalogServicesName(role), role);
            // Without the token: refused before anything runs, whatever the role.
            var forged = await browser.PostAsync(path, null, ("ad", "Sahte"), ("surum", "1"), ("hedef", Survivor), ("rol", "admin"), ("etkin", "hayir"));
            Assert.True(forged.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden, $"{role} forged POST {path}: {(int)forged.StatusCode}");
            // With the token but empty fields: the role decides between 403 and the form's own answer.
            var empty = await browser.SubmitAsync(path);
            if (Allowed(role, needs)) Assert.NotEqual(HttpStatusCode.Forbidden, empty.StatusCode);
            else Assert.Equal(HttpStatusCode.Forbidden, empty.StatusCode);
        }
        Assert.Equal(before, await Snapshot(site));
    }

    private static string KatalogServicesName(Role role) => "hesap-" + role.ToString().ToLowerInvariant();

    /// <summary>Every object's head version and every account's role and state: what a refused request must leave alone.</summary>
    private static async Task<string> Snapshot(SiteHost site)
    {
        var lines = new List<string>();
        await foreach (var id in site.Archive.Repository.ListObjectIdsAsync(Ct))
            lines.Add($"{id} v{(await site.Archive.Repository.GetObjectAsync(id, Ct))!.Head}");
        await foreach (var a in site.Services.GetService<AccountStore>()!.ListAsync(Ct))
            if (a.Name == "ogrenci") lines.Add($"{a.Name} {a.Role} {a.Disabled} {a.PasswordHash}");
        lines.Sort(StringComparer.Ordinal);
        return string.Join('\n', lines);
    }
}
