using System.Net;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Site.Accounts;
using static HafizaIzmir.Tests.Site.KatalogAdministrationSeed;

namespace HafizaIzmir.Tests.Site;

public class KatalogAuthorityTests
{
    [Fact]
    public async Task A_cataloguer_creates_a_place_with_names_through_time_coordinates_and_a_relation()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SeedAsync);
        using var cataloguer = await KatalogBrowser.SignedInAsync(site, "katalogcu", Role.Cataloguer);

        var created = await cataloguer.SubmitAsync("/katalog/otoriteler/yeni", ("tur", "place"), ("ad", "Alsancak"),
            ("adlar", "Punta | ../1930\nAlsancak Mahallesi"), ("tarihler", "18XX/.."), ("altur", "semt"),
            ("aciklama", "Kordon boyunca uzanan semt."), ("aciklama-en", "The quarter along the Kordon."),
            ("iliskiler", "located_at | Kordon"), ("wikidata", "https://www.wikidata.org/wiki/Q1025573"), ("geonames", "322164"),
            ("enlem", "38,4375"), ("boylam", "27.1433"), ("neden", "Semt eklendi"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.ToString();
        Assert.StartsWith("/katalog/otoriteler/l-", url);
        var id = url["/katalog/otoriteler/".Length..url.IndexOf('?')];

        var place = Assert.IsType<Place>((await site.Archive.GetAuthorityAsync(id, Ct))!.Value);
        Assert.Equal("Alsancak", place.Name);
        Assert.Equal([new AuthorityName("Punta", EdtfDate.Parse("../1930")), new AuthorityName("Alsancak Mahallesi")], place.Variants);
        Assert.Equal(38.4375, place.Latitude);
        Assert.Equal(27.1433, place.Longitude);
        Assert.Equal("Q1025573", place.External.Wikidata);
        Assert.Equal([new Relation(RelationType.LocatedAt, Kordon)], place.Relations);
        Assert.Equal("The quarter along the Kordon.", place.Description!.En);
        var version = Assert.Single((await site.Archive.Repository.GetObjectAsync("authority:" + id, Ct))!.Versions);
        Assert.Equal(("katalogcu", "Semt eklendi"), (version.User, version.Message));

        var page = await cataloguer.Client.GetStringAsync(url, Ct);
        Assert.Contains("Kaydedildi.", page);
        Assert.Contains("Punta | ../1930", page);
        Assert.Contains($"href=\"/katalog/otoriteler/{Kordon}\">Kordon</a>", page);
    }

    [Theory]
    [InlineData("wikidata", "Q0123", "Wikidata kimliği 'Q' ve sıfırla başlamayan bir sayıdan oluşur")]
    [InlineData("wikidata", "q42", "Wikidata kimliği 'Q' ve sıfırla başlamayan bir sayıdan oluşur")]
    [InlineData("wikidata", "Q42x", "Wikidata kimliği 'Q' ve sıfırla başlamayan bir sayıdan oluşur")]
    [InlineData("enlem", "91", "Enlem -90 ile 90 arasında ondalık derece olmalı")]
    [InlineData("boylam", "-180.5", "Boylam -180 ile 180 arasında ondalık derece olmalı")]
    [InlineData("enlem", "kuzey", "Enlem -90 ile 90 arasında ondalık derece olmalı")]
    [InlineData("geonames", "32a", "GeoNames kimliği yalnızca rakamlardan oluşur")]
    [InlineData("tarihler", "1923-13", "Tarihler: '1923-13' bir EDTF tarihi değil")]
    [InlineData("adlar", "Punta | 1930 gibi", "Diğer adlar, satır 1: dönem: '1930 gibi' bir EDTF tarihi değil")]
    [InlineData("iliskiler", "dost_of | Kordon", "İlişkiler, satır 1: 'tür | hedef | EDTF dönemi' yazın")]
    [InlineData("iliskiler", "part_of | Bornova", "İlişkiler, satır 1: 'Bornova' adlı ya da kimlikli bir otorite yok.")]
    [InlineData("ad", "kordon", "'Kordon' adlı bir mekân zaten var (mekan-kordon)")]
    public async Task Bad_fields_are_named_beside_the_field_and_nothing_is_saved(string field, string value, string message)
    {
        await using var site = await SiteHost.StartAsync("filesystem", SeedAsync);
        using var cataloguer = await KatalogBrowser.SignedInAsync(site, "katalogcu", Role.Cataloguer);
        var fields = new Dictionary<string, string> { ["tur"] = "place", ["ad"] = "Pasaport", ["enlem"] = "38.43", ["boylam"] = "27.13" };
        fields[field] = value;
        if (field is "enlem" or "boylam") fields[field == "enlem" ? "boylam" : "enlem"] = "27";
        var response = await cataloguer.SubmitAsync("/katalog/otoriteler/yeni", [.. fields.Select(f => (f.Key, f.Value))]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.BodyAsync();
        Assert.Contains($"<span id=\"{field}-error\" class=\"error\">", html);
        Assert.Contains(HafizaIzmir.Site.Katalog.KatalogPage.H(message), html);
        Assert.Contains($"href=\"#{field}\"", html);
        Assert.Contains("aria-invalid=\"true\"", html);
        var names = new List<string>();
        await foreach (var a in site.Archive.ListAuthoritiesAsync(Ct)) names.Add(a.Value.Name);
        Assert.DoesNotContain("Pasaport", names);
    }

    [Fact]
    public async Task Latitude_without_longitude_is_refused()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SeedAsync);
        using var cataloguer = await KatalogBrowser.SignedInAsync(site, "katalogcu", Role.Cataloguer);
        var response = await cataloguer.SubmitAsync($"/katalog/otoriteler/{Kordon}", ("surum", "1"), ("ad", "Kordon"), ("enlem", "38.42"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Enlem ve boylam birlikte girilmeli.", await response.BodyAsync());
        Assert.Equal(1, await site.VersionOfAuthority(Kordon));
    }

    [Fact]
    public async Task Edits_make_versions_with_who_and_why_a_stale_form_gets_the_conflict_page_and_history_reverts_as_a_new_version()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SeedAsync);
        using var first = await KatalogBrowser.SignedInAsync(site, "katalogcu", Role.Cataloguer);
        using var second = await KatalogBrowser.SignedInAsync(site, "zeynep", Role.Cataloguer);
        var path = $"/katalog/otoriteler/{Survivor}";
        Assert.Equal("1", await second.VersionAsync(path));

        AssertRedirectTo(await first.SubmitAsync(path, ("surum", "1"), ("ad", "Şerif Remzi Reyent"), ("tarihler", "1890/1957"), ("wikidata", "Q6083960"), ("neden", "Wikidata eklendi")),
            path + "?durum=kaydedildi");
        var late = await second.SubmitAsync(path, ("surum", "1"), ("ad", "Şerif Remzi"), ("neden", "Kısaltma"));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var conflict = await late.BodyAsync();
        Assert.Contains("Çakışma", conflict);
        Assert.Contains("<strong>katalogcu</strong>", conflict);
        Assert.Contains("Wikidata eklendi", conflict);
        Assert.Equal("Şerif Remzi Reyent", (await site.Archive.GetAuthorityAsync(Survivor, Ct))!.Value.Name);

        var history = await second.Client.GetStringAsync(path + "/gecmis", Ct);
        Assert.Contains("<td>katalogcu</td><td>Wikidata eklendi</td>", history);
        Assert.Contains("<td>test</td><td>seed</td>", history);
        var old = await second.Client.GetStringAsync(path + "/gecmis/1", Ct);
        Assert.DoesNotContain("Q6083960", old);

        AssertRedirectTo(await second.SubmitAsync(path + "/geri-al", ("surum", "2"), ("hedef", "1"), ("neden", "Yanlış kimlik")), path + "?durum=geri-alindi");
        var reverted = (await site.Archive.GetAuthorityAsync(Survivor, Ct))!;
        Assert.Equal(3, reverted.Version);
        Assert.Null(reverted.Value.External.Wikidata);
        var last = (await site.Archive.Repository.GetObjectAsync("authority:" + Survivor, Ct))!.Versions[^1];
        Assert.Equal(("zeynep", "v1 sürümüne dönüldü: Yanlış kimlik"), (last.User, last.Message));
        // A revert against a version read before it is a conflict too.
        Assert.Equal(HttpStatusCode.Conflict, (await first.SubmitAsync(path + "/geri-al", ("surum", "2"), ("hedef", "2"))).StatusCode);
    }

    [Fact]
    public async Task Students_read_authorities_and_their_history_but_get_no_form()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SeedAsync);
        using var student = await KatalogBrowser.SignedInAsync(site, "ayse", Role.Student);
        var list = await student.Client.GetStringAsync("/katalog/otoriteler?q=remzi", Ct);
        Assert.Contains($"href=\"/katalog/otoriteler/{Survivor}\">Şerif Remzi Reyent</a>", list);
        Assert.Contains($"href=\"/katalog/otoriteler/{Duplicate}\">Ş. Remzi Bey</a>", list);
        Assert.DoesNotContain("Kordon", list);
        Assert.DoesNotContain("Yeni kişi", list);
        // A variant name finds its authority too, folded the Turkish way.
        Assert.Contains("Ş. Remzi Bey", await student.Client.GetStringAsync("/katalog/otoriteler?q=REMZİ+EFENDI", Ct));

        var page = await student.Client.GetStringAsync($"/katalog/otoriteler/{Kordon}", Ct);
        Assert.Contains("<dt>Enlem</dt><dd>38.4237</dd>", page);
        Assert.DoesNotContain("<form method=\"post\" action=\"/katalog/otoriteler/", page);
        Assert.DoesNotContain("sürümüne dön", await student.Client.GetStringAsync($"/katalog/otoriteler/{Kordon}/gecmis", Ct));
    }
}
