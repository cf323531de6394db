using System.Net;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Site.Accounts;
using HafizaIzmir.Tests.Images;

namespace HafizaIzmir.Tests.Site;

public class KatalogReviewTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_reviewer_sees_a_field_diff_and_returns_with_field_notes_that_the_student_sees_beside_the_fields()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SiteHost.SeedSamplesAsync);
        using var student = await KatalogBrowser.SignedInAsync(site, "ayse", Role.Student);
        using var cataloguer = await KatalogBrowser.SignedInAsync(site, "katalogcu", Role.Cataloguer);

        // A published letter withdrawn, edited and sent to review again: the diff is against the last published version.
        await KatalogFlow.StepAsync(cataloguer, "SRR-0001", "geri-cek", ("yorum", "Düzeltme"));
        await KatalogFlow.SaveAsync(cataloguer, "SRR-0001", ("baslik", "İncir ihracatı üzerine mektup"), ("tarih", "1923-05"), ("ust", "SRR"),
            ("aciklama", "Kordon'daki yazıhaneden <gönderilmiş> bir mektup."), ("haklar", "http://rightsstatements.org/vocab/InC/1.0/"),
            ("yetke-0-kimlik", "kisi-serif-remzi-reyent"), ("yetke-0-ad", "Şerif Remzi Reyent"), ("yetke-0-tur", "person"), ("yetke-0-rol", "creator"),
            ("tur", "text"), ("cins", "mektup"));
        var letter = await KatalogFlow.RecordAsync(site, "SRR-0001");
        await site.Archive.SaveRecordAsync(letter with { State = WorkflowState.InReview }, [], await Head(site, "SRR-0001"), new("test", "incelemeye"), Ct);
        var review = await cataloguer.HtmlAsync("/katalog/kayit/SRR-0001");
        Assert.Contains("son yayımlanan sürümden (v1)", review);
        Assert.Contains("<tr data-field=\"baslik\"><th scope=\"row\">Başlık</th><td><del>İncir ihracatına dair mektup</del></td><td><ins>İncir ihracatı üzerine mektup</ins></td>", review);
        Assert.Contains("<td><del>1923-05-12 (12 Mayıs 1923)</del></td><td><ins>1923-05 (Mayıs 1923)</ins></td>", review);
        Assert.DoesNotContain("data-field=\"aciklama\"", review); // unchanged fields are not listed

        // A student's new record: everything is new, the cataloguer comments on two fields.
        await KatalogFlow.CreateAsync(student, "OGR-1", "Kartpostal", ("tarih", "1925"));
        await KatalogFlow.StepAsync(student, "OGR-1", "gonder");
        var html = await cataloguer.HtmlAsync("/katalog/kayit/OGR-1");
        Assert.Contains("ilk kez yayımlanacak", html);
        Assert.Contains("<ins>1925 (1925)</ins>", html);
        Assert.Contains("OGR-1", await cataloguer.HtmlAsync("/katalog"));
        var returned = await KatalogFlow.StepAsync(cataloguer, "OGR-1", "iade", ("yorum", "İki alanı düzeltin"), ("not-tarih", "Damgaya göre 1925~ olmalı"), ("not-baslik", "Yeri ekleyin"));
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);

        var dashboard = await student.HtmlAsync("/katalog");
        Assert.Contains("Bana iade edilenler (1)", dashboard);
        Assert.Contains("katalogcu: İki alanı düzeltin (+2 alan notu)", dashboard);
        var form = await student.HtmlAsync("/katalog/kayit/OGR-1");
        Assert.Contains("aria-describedby=\"tarih-okuma tarih-not\"", form);
        Assert.Contains("<span id=\"tarih-not\" class=\"review-note\">İnceleme notu: Damgaya göre 1925~ olmalı</span>", form);
        Assert.Contains("<span id=\"baslik-not\" class=\"review-note\">İnceleme notu: Yeri ekleyin</span>", form);

        await KatalogFlow.SaveAsync(student, "OGR-1", ("baslik", "Kordon'da kartpostal"), ("tarih", "1925~"));
        await KatalogFlow.StepAsync(student, "OGR-1", "gonder");
        Assert.Contains("Bana iade edilenler (0)", await student.HtmlAsync("/katalog"));
        Assert.Contains("İncelemeye gönderdiklerim (1)", await student.HtmlAsync("/katalog"));

        // The round's notes left the head with the new submission, and stay in the version that returned the
        // record: a second return does not overwrite the first one's notes.
        Assert.Null(await HafizaIzmir.Site.Katalog.ReviewNotes.GetAsync(site.Archive, "OGR-1", Ct));
        await KatalogFlow.StepAsync(cataloguer, "OGR-1", "iade", ("yorum", "Bir kez daha"), ("not-tarih", "Yine tarih"));
        Assert.Equal("Yine tarih", (await HafizaIzmir.Site.Katalog.ReviewNotes.GetAsync(site.Archive, "OGR-1", Ct))!.Fields["tarih"]);
        var returns = (await site.Archive.Repository.GetObjectAsync("record:OGR-1", Ct))!.Versions.Where(v => v.Message.StartsWith("İade:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, returns.Count);
        await using var first = await site.Archive.Repository.OpenFileAsync("record:OGR-1", HafizaIzmir.Site.Katalog.ReviewNotes.FilePath, returns[0].Number, Ct);
        var notes = await System.Text.Json.JsonSerializer.DeserializeAsync<HafizaIzmir.Site.Katalog.ReviewNotes>(first!, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web), Ct);
        Assert.Equal(("İki alanı düzeltin", "Damgaya göre 1925~ olmalı", "Yeri ekleyin"), (notes!.General, notes.Fields["tarih"], notes.Fields["baslik"]));
        // A later save of the draft keeps them; the public never sees them (they are not among the record's files).
        await KatalogFlow.SaveAsync(student, "OGR-1", ("baslik", "Kordon'da kartpostal, 1925"), ("tarih", "1925~"));
        Assert.NotNull(await HafizaIzmir.Site.Katalog.ReviewNotes.GetAsync(site.Archive, "OGR-1", Ct));
        Assert.DoesNotContain((await KatalogFlow.RecordAsync(site, "OGR-1")).Files, f => f.Path.StartsWith("review/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task History_lists_every_version_shows_any_of_them_and_a_revert_is_a_new_version_with_its_pages()
    {
        await using var site = await SiteHost.StartAsync("filesystem");
        using var student = await KatalogBrowser.SignedInAsync(site, "ayse", Role.Student);
        await KatalogFlow.CreateAsync(student, "OGR-1", "İlk başlık");
        var scan = TestImages.Encode(120, 90, ".jpg");
        await KatalogFlow.UploadAsync(student, "OGR-1", ("sayfa.jpg", scan));
        await KatalogFlow.SaveAsync(student, "OGR-1", ("baslik", "İkinci başlık"), ("neden", "Başlık düzeltildi"));
        await KatalogFlow.PageStepAsync(student, "OGR-1", 1, "sil");

        var history = await student.HtmlAsync("/katalog/kayit/OGR-1/gecmis");
        foreach (var line in new[] { "v4</a></td><td>ayse</td>", "1. sayfa kaldırıldı", "Başlık düzeltildi", "1 sayfa eklendi", "Yeni taslak" })
            Assert.Contains(line, history);
        var v3 = await student.HtmlAsync("/katalog/kayit/OGR-1/surum/3");
        Assert.Contains("<td><del>İlk başlık</del></td><td><ins>İkinci başlık</ins></td>", v3);
        Assert.Equal(HttpStatusCode.NotFound, (await student.Client.GetAsync("/katalog/kayit/OGR-1/surum/9", Ct)).StatusCode);

        var token = await student.TokenAsync("/katalog/kayit/OGR-1/surum/2");
        var revert = await student.PostAsync("/katalog/kayit/OGR-1/surum/2/geri-al", token, ("surum", "4"));
        Assert.Equal(HttpStatusCode.Redirect, revert.StatusCode);
        var record = await KatalogFlow.RecordAsync(site, "OGR-1");
        Assert.Equal("İlk başlık", record.Title.Tr);
        Assert.Equal(["sayfa.jpg"], record.Files.Select(f => f.OriginalName));
        await using (var restored = (await site.Archive.OpenRecordFileAsync("OGR-1", record.Files[0].Path, Ct))!)
        {
            using var copy = new MemoryStream();
            await restored.CopyToAsync(copy, Ct);
            Assert.Equal(scan, copy.ToArray());
        }
        var versions = (await site.Archive.Repository.GetObjectAsync("record:OGR-1", Ct))!.Versions;
        Assert.Equal(5, versions.Count);
        Assert.Equal("v2 sürümüne dönüldü", versions[^1].Message);
        // A revert against an old version is a conflict like any other save.
        Assert.Equal(HttpStatusCode.Conflict, (await student.PostAsync("/katalog/kayit/OGR-1/surum/3/geri-al", token, ("surum", "4"))).StatusCode);
    }

    [Fact]
    public async Task The_later_of_two_saves_sees_the_other_change_as_a_diff_and_can_re_apply_its_own()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SiteHost.SeedSamplesAsync);
        using var first = await KatalogBrowser.SignedInAsync(site, "katalogcu", Role.Cataloguer);
        using var second = await KatalogBrowser.SignedInAsync(site, "zeynep", Role.Cataloguer);
        var token = await second.TokenAsync("/katalog/kayit/SRR-0002");
        var read = await second.VersionAsync("/katalog/kayit/SRR-0002");

        await KatalogFlow.SaveAsync(first, "SRR-0002", ("baslik", "Taslak konşimento"), ("tarih", "1924"), ("ust", "SRR"), ("neden", "Tarih eklendi"));
        var late = await second.PostAsync("/katalog/kayit/SRR-0002", token, ("surum", read), ("duzey", "item"), ("baslik", "Vapur konşimentosu"), ("ust", "SRR"));

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var html = await late.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<strong>katalogcu</strong>", html);
        Assert.Contains("Tarih eklendi", html);
        Assert.Contains("<caption>Öteki kişinin değişikliği</caption>", html);
        Assert.Contains("<td><del></del></td><td><ins>1924 (1924)</ins></td>", html);
        Assert.Contains("<td><del>Taslak konşimento</del></td><td><ins>Vapur konşimentosu</ins></td>", html);
        Assert.Contains("value=\"Vapur konşimentosu\"", html);
        Assert.Equal("Taslak konşimento", (await KatalogFlow.RecordAsync(site, "SRR-0002")).Title.Tr);

        // Re-applying from the conflict page posts against the current version.
        var again = await second.PostAsync("/katalog/kayit/SRR-0002", token, ("surum", KatalogBrowserVersion(html)), ("duzey", "item"), ("baslik", "Vapur konşimentosu"), ("tarih", "1924"), ("ust", "SRR"));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var record = await KatalogFlow.RecordAsync(site, "SRR-0002");
        Assert.Equal(("Vapur konşimentosu", "1924"), (record.Title.Tr, record.Date!.ToString()));
    }

    private static string KatalogBrowserVersion(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"surum\" value=\"(\\d+)\"").Groups[1].Value;

    private static async Task<int> Head(SiteHost site, string identifier) => (await site.Archive.GetRecordAsync(identifier, Ct))!.Version;
}
