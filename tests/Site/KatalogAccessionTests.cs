using System.Net;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Site.Accounts;
using static HafizaIzmir.Tests.Site.KatalogAdministrationSeed;

namespace HafizaIzmir.Tests.Site;

public class KatalogAccessionTests
{
    [Fact]
    public async Task An_accession_links_its_records_both_ways_and_editing_it_unlinks_the_records_it_drops()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SeedAsync);
        using var cataloguer = await KatalogBrowser.SignedInAsync(site, "katalogcu", Role.Cataloguer);

        var created = await cataloguer.SubmitAsync("/katalog/bagislar/yeni", ("kimlik", "2024-002"), ("yontem", "loan"),
            ("bagiscilar", "Reyent ve Şürekâsı\nşerif remzi reyent"), ("tarih", "2024-05-02"), ("kosullar", "Beş yıllık emanet; dijital kopyalar yayımlanabilir."),
            ("kayitlar", "SRR-0001\nSRR-0002"), ("neden", "Aile ile anlaşma"));
        AssertRedirectTo(created, "/katalog/bagislar/2024-002?durum=kaydedildi");

        var accession = (await site.Archive.GetAccessionAsync("2024-002", Ct))!;
        Assert.Equal(AcquisitionMethod.Loan, accession.Value.Method);
        Assert.Equal([Firm, Survivor], accession.Value.Donors);
        Assert.Equal(["SRR-0001", "SRR-0002"], accession.Value.Records);
        Assert.Equal("Beş yıllık emanet; dijital kopyalar yayımlanabilir.", accession.Value.Terms);
        foreach (var identifier in new[] { "SRR-0001", "SRR-0002" })
        {
            var record = (await site.Archive.GetRecordAsync(identifier, Ct))!;
            Assert.Equal("2024-002", record.Value.Accession);
            Assert.Equal(2, record.Version);
            var version = (await site.Archive.Repository.GetObjectAsync("record:" + identifier, Ct))!.Versions[^1];
            Assert.Equal(("katalogcu", "Edinim 2024-002 ile bağlandı"), (version.User, version.Message));
        }

        var page = await cataloguer.Client.GetStringAsync("/katalog/bagislar/2024-002", Ct);
        Assert.Contains($"Reyent ve Şürekâsı [{Firm}]", page);
        var list = await cataloguer.Client.GetStringAsync("/katalog/bagislar", Ct);
        Assert.Contains("<td>Emanet (ödünç)</td><td>Reyent ve Şürekâsı, Şerif Remzi Reyent</td><td>2024-05-02</td><td>2</td>", list);

        var edited = await cataloguer.SubmitAsync("/katalog/bagislar/2024-002", ("surum", "1"), ("yontem", "donation"),
            ("bagiscilar", $"Şerif Remzi Reyent [{Survivor}]"), ("tarih", "2024-05-02"), ("kayitlar", "SRR-0001"), ("neden", "Emanet bağışa dönüştü"));
        AssertRedirectTo(edited, "/katalog/bagislar/2024-002?durum=kaydedildi");
        Assert.Equal([Survivor], (await site.Archive.GetAccessionAsync("2024-002", Ct))!.Value.Donors);
        Assert.Null((await site.Archive.GetRecordAsync("SRR-0002", Ct))!.Value.Accession);
        Assert.Equal("2024-002", (await site.Archive.GetRecordAsync("SRR-0001", Ct))!.Value.Accession);
        Assert.Equal(2, (await site.Archive.GetRecordAsync("SRR-0001", Ct))!.Version);

        var history = await cataloguer.Client.GetStringAsync("/katalog/bagislar/2024-002/gecmis", Ct);
        Assert.Contains("<td>katalogcu</td><td>Aile ile anlaşma</td>", history);
        Assert.Contains("<td>katalogcu</td><td>Emanet bağışa dönüştü</td>", history);
        // A form read before that edit is refused with the conflict page.
        var stale = await cataloguer.SubmitAsync("/katalog/bagislar/2024-002", ("surum", "1"), ("yontem", "purchase"), ("bagiscilar", Survivor));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Theory]
    [InlineData("bagiscilar", "Kordon", "&#x27;Kordon&#x27; bir mekân; bağışçı bir kişi veya kurum olmalı.")]
    [InlineData("bagiscilar", "", "En az bir bağışçı (kişi veya kurum) yazın.")]
    [InlineData("kayitlar", "SRR-9999", "Kayıtlar, satır 1: &#x27;SRR-9999&#x27; kimlikli bir kayıt yok.")]
    [InlineData("kayitlar", "SRR-0005", "SRR-0005 zaten 2024-001 numaralı edinime bağlı")]
    [InlineData("tarih", "Mayıs 2024", "Tarih: &#x27;Mayıs 2024&#x27; bir EDTF tarihi değil")]
    [InlineData("kimlik", "2024-001", "&#x27;2024-001&#x27; numaralı bir edinim zaten var.")]
    [InlineData("kimlik", "../x", "Edinim numarası harf, rakam")]
    public async Task Bad_accession_fields_are_explained_and_nothing_is_saved(string field, string value, string message)
    {
        await using var site = await SiteHost.StartAsync("filesystem", SeedAsync);
        using var cataloguer = await KatalogBrowser.SignedInAsync(site, "katalogcu", Role.Cataloguer);
        var fields = new Dictionary<string, string> { ["kimlik"] = "2024-003", ["yontem"] = "purchase", ["bagiscilar"] = Firm, ["kayitlar"] = "SRR-0002" };
        fields[field] = value;
        var response = await cataloguer.SubmitAsync("/katalog/bagislar/yeni", [.. fields.Select(f => (f.Key, f.Value))]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.BodyAsync();
        Assert.Contains($"<span id=\"{field}-error\" class=\"error\">", html);
        Assert.Contains(message, html);
        Assert.Null(await site.Archive.GetAccessionAsync("2024-003", Ct));
        Assert.Null((await site.Archive.GetRecordAsync("SRR-0002", Ct))!.Value.Accession);
    }

    [Fact]
    public async Task The_dashboard_counts_donors_and_the_partner_institutions_among_them()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SeedAsync);
        using var cataloguer = await KatalogBrowser.SignedInAsync(site, "katalogcu", Role.Cataloguer);
        var before = await cataloguer.Client.GetStringAsync("/katalog", Ct);
        Assert.Contains("<strong id=\"donor-count\">1</strong>", before);
        Assert.Contains("<strong id=\"partner-count\">0</strong>", before);
        Assert.Contains("href=\"/katalog/bagislar\"", before);
        Assert.DoesNotContain("href=\"/katalog/kullanicilar\"", before);

        AssertRedirectTo(await cataloguer.SubmitAsync("/katalog/bagislar/yeni", ("kimlik", "2024-002"), ("yontem", "purchase"), ("bagiscilar", $"{Firm}\n{Survivor}")),
            "/katalog/bagislar/2024-002?durum=kaydedildi");
        var after = await cataloguer.Client.GetStringAsync("/katalog", Ct);
        Assert.Contains("<strong id=\"donor-count\">3</strong>", after);
        Assert.Contains("<strong id=\"partner-count\">1</strong>", after);
    }
}
