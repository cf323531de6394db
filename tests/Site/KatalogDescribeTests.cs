using System.Net;
using System.Text.Json;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Site.Accounts;
using Record = HafizaIzmir.Archive.Domain.Record;

namespace HafizaIzmir.Tests.Site;

public class KatalogDescribeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Invalid_fields_get_messages_beside_them_and_nothing_is_saved()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SiteHost.SeedSamplesAsync);
        using var cataloguer = await KatalogBrowser.SignedInAsync(site, "katalogcu", Role.Cataloguer);
        var response = await KatalogFlow.SaveAsync(cataloguer, "SRR-0002", ("baslik", " "), ("tarih", "1923-13-45"), ("ust", "SRR-0001"),
            ("dil", "türkçe"), ("haklar", "diger"), ("haklar-diger", "herkes kullanabilir"),
            ("yetke-0-ad", "Hiç Olmayan Kişi"), ("yetke-0-tur", "person"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        foreach (var field in new[] { "baslik", "tarih", "ust", "dil", "yetke-0-ad" })
        {
            Assert.Matches($"id=\"{field}\"[^>]*aria-invalid=\"true\" aria-describedby=\"{field}-error\"", html);
            Assert.Contains($"<span id=\"{field}-error\" class=\"error\">", html);
        }
        Assert.Contains("<fieldset id=\"haklar\" aria-describedby=\"haklar-error\">", html);
        Assert.Contains("bir birim (item)", html);
        Assert.Contains("Hiç Olmayan Kişi", html); // what was typed comes back
        Assert.Equal(1, (await site.Archive.Repository.GetObjectAsync("record:SRR-0002", Ct))!.Head);
    }

    [Fact]
    public async Task Every_field_is_saved_with_authority_links_by_chosen_id_by_historical_name_and_created_inline()
    {
        await using var site = await SiteHost.StartAsync("filesystem", async archive =>
        {
            await SiteHost.SeedSamplesAsync(archive);
            await archive.SaveAuthorityAsync(new Place { Id = "l-alsancak", Name = "Alsancak", Variants = [new AuthorityName("Punta", EdtfDate.Parse("../1930"))] }, null, new("test", "seed"));
        });
        using var student = await KatalogBrowser.SignedInAsync(site, "ayse", Role.Student);
        await KatalogFlow.CreateAsync(student, "SRR-0100", "Kartpostal", ("ust", "SRR"));
        var saved = await KatalogFlow.SaveAsync(student, "SRR-0100",
            ("baslik", "Punta'da iskele"), ("baslik-en", "The pier at Punta"), ("tarih", "192X"), ("ust", "SRR"), ("tur", "image"), ("cins", "kartpostal"),
            ("aciklama", "Renkli baskı."), ("aciklama-en", "Colour print."), ("dil", "tr fr"), ("eksen", "liman"), ("eksen", "ticaret"), ("konu", "iskele; vapur"),
            ("yetke-0-ad", "Şerif Remzi Reyent"), ("yetke-0-kimlik", "kisi-serif-remzi-reyent"), ("yetke-0-tur", "person"), ("yetke-0-rol", "photographer"),
            ("yetke-1-ad", "punta"), ("yetke-1-tur", "place"),
            ("yetke-2-ad", "Sporting Kulübü"), ("yetke-2-tur", "institution"), ("yetke-2-yeni", "1"),
            ("haklar", "http://creativecommons.org/licenses/by/4.0/"), ("neden", "Tanım tamamlandı"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var record = await KatalogFlow.RecordAsync(site, "SRR-0100");
        Assert.Equal(("Punta'da iskele", "The pier at Punta"), (record.Title.Tr, record.Title.En));
        Assert.Equal("192X", record.Date!.ToString());
        Assert.Equal((EuropeanaType.Image, "kartpostal", "SRR"), (record.Type, record.Genre, record.Parent));
        Assert.Equal(("Renkli baskı.", "Colour print."), (record.Description!.Tr, record.Description.En));
        Assert.Equal(["tr", "fr"], record.Languages);
        Assert.Equal([Axis.Liman, Axis.Ticaret], record.Axes);
        Assert.Equal(["iskele", "vapur"], record.Subjects);
        Assert.Equal("http://creativecommons.org/licenses/by/4.0/", record.Rights);
        var created = Assert.IsType<Institution>((await site.Archive.GetAuthorityAsync(record.Authorities[2].AuthorityId, Ct))!.Value);
        Assert.Equal(("Sporting Kulübü", "ayse"), (created.Name, created.CreatedBy));
        Assert.Equal(
            [new AuthorityLink("kisi-serif-remzi-reyent", AuthorityKind.Person, "photographer"), new AuthorityLink("l-alsancak", AuthorityKind.Place), new AuthorityLink(created.Id, AuthorityKind.Institution)],
            record.Authorities);
        Assert.Equal("ayse: Tanım tamamlandı", (await site.Archive.Repository.GetObjectAsync("record:SRR-0100", Ct))!.Versions[^1] is var v ? $"{v.User}: {v.Message}" : "");

        // The page shows the saved values and the date's reading, server-side.
        var page = await student.HtmlAsync("/katalog/kayit/SRR-0100");
        Assert.Contains("<output id=\"tarih-okuma\" for=\"tarih\" aria-live=\"polite\">1920&#x27;ler</output>", page);
        Assert.Contains("value=\"Alsancak\"", page);
        Assert.Contains("value=\"http://creativecommons.org/licenses/by/4.0/\" aria-describedby=\"haklar-2-aciklama\" checked", page);
    }

    [Fact]
    public async Task The_form_is_keyboard_first_and_the_script_is_external()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SiteHost.SeedSamplesAsync);
        using var cataloguer = await KatalogBrowser.SignedInAsync(site, "katalogcu", Role.Cataloguer);
        var html = await cataloguer.HtmlAsync("/katalog/kayit/SRR-0002");
        Assert.DoesNotContain("tabindex=\"", html); // document order is the tab order
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("<script src=\"/assets/katalog.js\" defer></script>", html);
        Assert.Contains("accesskey=\"s\"", html);
        Assert.Contains("name=\"sonraki\" value=\"1\" accesskey=\"n\"", html);
        var order = new[] { "id=\"baslik\"", "id=\"baslik-en\"", "id=\"tarih\"", "id=\"duzey\"", "id=\"ust\"", "id=\"tur\"", "id=\"cins\"", "id=\"aciklama\"", "id=\"dil\"", "id=\"eksen-0\"", "id=\"konu\"", "id=\"yetke-0-tur\"", "id=\"yetke-0-ad\"", "id=\"yetke-0-rol\"", "id=\"haklar-yok\"", "id=\"neden\"", "accesskey=\"s\"" };
        var positions = order.Select(o => html.IndexOf(o, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        var script = await cataloguer.Client.GetAsync("/assets/katalog.js", Ct);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        var js = await script.Content.ReadAsStringAsync(Ct);
        Assert.Contains("/api/authorities", js);
        Assert.Contains("/katalog/api/tarih", js);
    }

    [Fact]
    public async Task Save_and_next_opens_the_next_item_of_the_same_file()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SiteHost.SeedSamplesAsync);
        using var cataloguer = await KatalogBrowser.SignedInAsync(site, "katalogcu", Role.Cataloguer);
        var next = await KatalogFlow.SaveAsync(cataloguer, "SRR-0002", ("baslik", "Konşimento"), ("ust", "SRR"), ("sonraki", "1"));
        Assert.Equal("/katalog/kayit/SRR-0003", next.Headers.Location!.ToString());
        var last = await KatalogFlow.SaveAsync(cataloguer, "SRR-0004", ("baslik", "Kartpostal"), ("ust", "SRR"), ("sonraki", "1"));
        Assert.Equal("/katalog/kayit/SRR-0004?durum=son", last.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Date_readings_and_parent_search_answer_signed_in_accounts_as_json()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SiteHost.SeedSamplesAsync);
        using var student = await KatalogBrowser.SignedInAsync(site, "ayse", Role.Student);
        using (var reading = JsonDocument.Parse(await student.HtmlAsync("/katalog/api/tarih?q=1923~")))
        {
            Assert.True(reading.RootElement.GetProperty("valid").GetBoolean());
            Assert.Equal("yaklaşık 1923", reading.RootElement.GetProperty("reading").GetString());
        }
        using (var decade = JsonDocument.Parse(await student.HtmlAsync("/katalog/api/tarih?q=192X")))
            Assert.Equal("1920'ler", decade.RootElement.GetProperty("reading").GetString());
        using (var bad = JsonDocument.Parse(await student.HtmlAsync("/katalog/api/tarih?q=1923-13")))
            Assert.False(bad.RootElement.GetProperty("valid").GetBoolean());
        using var parents = JsonDocument.Parse(await student.HtmlAsync("/katalog/api/ust?q=reyent"));
        Assert.Equal(["SRR"], parents.RootElement.EnumerateArray().Select(p => p.GetProperty("identifier").GetString()));
        using var anonymous = new KatalogBrowser(site);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.Client.GetAsync("/katalog/api/tarih?q=1923", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_preview_renders_an_unpublished_draft_for_signed_in_accounts_only()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SiteHost.SeedSamplesAsync);
        using var student = await KatalogBrowser.SignedInAsync(site, "ayse", Role.Student);
        var html = await student.HtmlAsync("/katalog/kayit/SRR-0002/onizleme");
        Assert.Contains("<h1>Taslak konşimento</h1>", html);
        Assert.Contains("Önizleme", html);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client.GetAsync("/kayit/SRR-0002", Ct)).StatusCode);
        using var anonymous = new KatalogBrowser(site);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.Client.GetAsync("/katalog/kayit/SRR-0002/onizleme", Ct)).StatusCode);
    }
}
