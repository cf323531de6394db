using System.Net;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Ocr;
using HafizaIzmir.Site.Accounts;
using HafizaIzmir.Site.Hosting;
using HafizaIzmir.Tests.Site;
using Microsoft.Extensions.DependencyInjection;

namespace HafizaIzmir.Tests.Ocr;

/// <summary>The background OCR queue: durable over restarts, a failing page marked and retried without holding up the rest.</summary>
public sealed class OcrQueueTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pages_queued_before_a_stop_are_read_after_the_restart()
    {
        TextPages.RequireTesseract();
        using var dir = new TempDirectory();
        var options = new ArchiveOptions(dir.Sub("data"));
        var page1 = OcrCorpus.Page("Birinci sayfa: kuru üzüm ihracatı.");
        var page2 = OcrCorpus.Page("İkinci sayfa: fındık ve palamut.");

        // No recogniser: the journal fills the queue and nothing takes from it.
        await using (var stopped = await RunningSite.StartAsync(options,
            archive => OcrCorpus.SaveAsync(archive, OcrCorpus.Item("OCR-R", "Yeniden başlatma"), page1, page2),
            b => b.Configuration["Ocr:Workers"] = "0"))
        {
            await OcrCorpus.WaitUntilAsync(() => Task.FromResult(stopped.Service<OcrQueue>().All().Count == 2), "queueing both pages", 30);
            Assert.False(await stopped.Service<OcrStore>().ExistsAsync(OcrCorpus.Sha(page1), "tur", Ct));
        }

        await using var restarted = await RunningSite.StartAsync(options);
        await OcrCorpus.WaitUntilAsync(async () => RunningSite.Identifiers(await restarted.JsonAsync("/api/search?q=palamut")).Contains("OCR-R"), "reading the queued pages");
        Assert.True(await restarted.Service<OcrStore>().ExistsAsync(OcrCorpus.Sha(page1), "tur", Ct));
        Assert.Empty(restarted.Service<OcrQueue>().All());
    }

    [Fact]
    public async Task A_failing_page_is_marked_and_retried_while_the_others_are_read()
    {
        TextPages.RequireTesseract();
        var good1 = OcrCorpus.Page("Sağlam birinci sayfa, tütün balyaları.");
        var good3 = OcrCorpus.Page("Sağlam üçüncü sayfa, pamuk çuvalları.");
        var whole = OcrCorpus.Page("Onarılmış ikinci sayfa, halı siparişi.");
        var broken = whole[..(whole.Length / 3)]; // a valid header whose pixel data stops short
        await using var site = await SiteHost.StartAsync("filesystem",
            archive => OcrCorpus.SaveAsync(archive, OcrCorpus.Item("OCR-F", "Bozuk sayfalı kayıt"), good1, broken, good3),
            b => b.Configuration["Ocr:RetrySeconds"] = "1");
        var queue = site.Services.GetRequiredService<OcrQueue>();
        var store = site.Services.GetRequiredService<OcrStore>();

        await OcrCorpus.WaitUntilAsync(() => Task.FromResult(queue.Of("OCR-F") is [{ Attempts: >= 2 }]), "retrying the broken page", 60);
        Assert.True(await store.ExistsAsync(OcrCorpus.Sha(good1), "tur", Ct));
        Assert.True(await store.ExistsAsync(OcrCorpus.Sha(good3), "tur", Ct));
        var failed = Assert.Single(queue.Of("OCR-F"));
        Assert.Equal(2, failed.Page);
        Assert.False(string.IsNullOrWhiteSpace(failed.LastError));

        using var cataloguer = await KatalogBrowser.SignedInAsync(site, "katalogcu-hata", Role.Cataloguer);
        var html = await cataloguer.Client.GetStringAsync("/katalog/kayit/OCR-F/metin", Ct);
        Assert.Contains("OCR başarısız", html);
        Assert.Contains("tütün balyaları", html);

        // A new scan of the page replaces the broken one: its job goes, the new page is read.
        var record = (await site.Archive.GetRecordAsync("OCR-F", Ct))!;
        var files = record.Value.Files.ToList();
        files[1] = files[1] with { Sha512 = OcrCorpus.Sha(whole), Bytes = whole.Length };
        await site.Archive.SaveRecordAsync(record.Value with { Files = files },
            [new HafizaIzmir.Archive.Storage.NewFile(files[1].Path, HafizaIzmir.Archive.Storage.OcflContent.FromBytes(whole))], record.Version,
            new CommitInfo("test", "new scan"), Ct);
        await OcrCorpus.WaitUntilAsync(async () => await store.ExistsAsync(OcrCorpus.Sha(whole), "tur", Ct) && queue.Of("OCR-F").Count == 0, "reading the new scan", 60);
    }

    [Fact]
    public async Task A_fonds_with_OCR_off_keeps_its_parts_unread_until_a_cataloguer_switches_it_on()
    {
        TextPages.RequireTesseract();
        var page = OcrCorpus.Page("Kartpostal arkası: Kordon boyunda tramvay.");
        await using var site = await SiteHost.StartAsync("filesystem", async archive =>
        {
            await archive.SaveRecordAsync(SampleRecords.Make("FOTO", Level.Fonds, "Fotoğraf fonu") with { Ocr = false }, [], null, new("test", "seed"));
            await OcrCorpus.SaveAsync(archive, OcrCorpus.Item("FOTO-1", "Tramvay") with { Parent = "FOTO" }, page);
        });
        var store = site.Services.GetRequiredService<OcrStore>();
        using var cataloguer = await KatalogBrowser.SignedInAsync(site, "katalogcu-ocr", Role.Cataloguer);
        Assert.Contains("OCR: <strong id=\"ocr-durum\">kapalı</strong>", await cataloguer.Client.GetStringAsync("/katalog/kayit/FOTO-1/metin", Ct));
        await Task.Delay(1500, Ct); // a few journal polls
        Assert.Empty(site.Services.GetRequiredService<OcrQueue>().All());
        Assert.False(await store.ExistsAsync(OcrCorpus.Sha(page), "tur", Ct));

        var response = await cataloguer.PostAsync("/katalog/kayit/FOTO/ocr", await cataloguer.TokenAsync("/katalog/kayit/FOTO/metin"),
            ("surum", await site.VersionOf("FOTO")), ("ocr", "acik"), ("neden", "Arkalarında daktilo yazısı var"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True((await site.Archive.GetRecordAsync("FOTO", Ct))!.Value.Ocr);
        await OcrCorpus.WaitUntilAsync(async () => RunningSite.Identifiers(System.Text.Json.JsonDocument.Parse(
            await site.Client.GetStringAsync("/api/search?q=tramvay", Ct)).RootElement).Contains("FOTO-1") && await store.ExistsAsync(OcrCorpus.Sha(page), "tur", Ct),
            "reading the part once the fonds says so", 60);
    }
}
