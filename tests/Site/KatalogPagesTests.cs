using System.Net;
using System.Security.Cryptography;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Site.Accounts;
using HafizaIzmir.Tests.Images;
using Record = HafizaIzmir.Archive.Domain.Record;

namespace HafizaIzmir.Tests.Site;

public class KatalogPagesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Several_scans_upload_at_once_byte_identical_and_each_change_is_a_new_version()
    {
        await using var site = await SiteHost.StartAsync("filesystem");
        using var student = await KatalogBrowser.SignedInAsync(site, "ayse", Role.Student);
        await KatalogFlow.CreateAsync(student, "OGR-1", "Kordon'da kartpostal");
        byte[][] scans = [TestImages.Encode(320, 240, ".jpg"), TestImages.Encode(200, 300, ".png"), TestImages.Encode(260, 180, ".tif")];

        var upload = await KatalogFlow.UploadAsync(student, "OGR-1", ("bir.jpg", scans[0]), ("iki.png", scans[1]), ("uc.tif", scans[2]));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);

        var record = await KatalogFlow.RecordAsync(site, "OGR-1");
        Assert.Equal(["bir.jpg", "iki.png", "uc.tif"], record.Files.Select(f => f.OriginalName));
        Assert.Equal(["image/jpeg", "image/png", "image/tiff"], record.Files.Select(f => f.MediaType));
        Assert.Equal((200, 300), (record.Files[1].Width, record.Files[1].Height));
        for (var i = 0; i < scans.Length; i++)
        {
            await using var stored = (await site.Archive.OpenRecordFileAsync("OGR-1", record.Files[i].Path, Ct))!;
            using var copy = new MemoryStream();
            await stored.CopyToAsync(copy, Ct);
            Assert.Equal(scans[i], copy.ToArray());
            Assert.Equal(Convert.ToHexStringLower(SHA512.HashData(scans[i])), record.Files[i].Sha512);
        }
        var versions = (await site.Archive.Repository.GetObjectAsync("record:OGR-1", Ct))!.Versions;
        Assert.Equal(["Yeni taslak", "3 sayfa eklendi"], versions.Select(v => v.Message));
        var page = await student.HtmlAsync("/katalog/kayit/OGR-1");
        Assert.Contains("<input id=\"tarama\" type=\"file\" name=\"tarama\" multiple", page);
        Assert.Contains("Sayfalar (3)", page);
    }

    [Fact]
    public async Task Pages_move_rotate_get_replaced_and_removed_without_touching_the_masters()
    {
        await using var site = await SiteHost.StartAsync("filesystem");
        using var student = await KatalogBrowser.SignedInAsync(site, "ayse", Role.Student);
        await KatalogFlow.CreateAsync(student, "OGR-1", "Mektup");
        var first = TestImages.Encode(320, 240, ".jpg");
        await KatalogFlow.UploadAsync(student, "OGR-1", ("a.jpg", first), ("b.jpg", TestImages.Encode(300, 200, ".jpg")), ("c.jpg", TestImages.Encode(280, 200, ".jpg")));

        Assert.Equal(HttpStatusCode.Redirect, (await KatalogFlow.PageStepAsync(student, "OGR-1", 3, "yukari")).StatusCode);
        Assert.Equal(["a.jpg", "c.jpg", "b.jpg"], (await KatalogFlow.RecordAsync(site, "OGR-1")).Files.Select(f => f.OriginalName));
        await KatalogFlow.PageStepAsync(student, "OGR-1", 1, "asagi");
        Assert.Equal(["c.jpg", "a.jpg", "b.jpg"], (await KatalogFlow.RecordAsync(site, "OGR-1")).Files.Select(f => f.OriginalName));

        await KatalogFlow.PageStepAsync(student, "OGR-1", 2, "dondur");
        await KatalogFlow.PageStepAsync(student, "OGR-1", 2, "dondur");
        var rotated = (await KatalogFlow.RecordAsync(site, "OGR-1")).Files[1];
        Assert.Equal(("a.jpg", 180), (rotated.OriginalName, rotated.Rotation));
        await using (var master = (await site.Archive.OpenRecordFileAsync("OGR-1", rotated.Path, Ct))!)
        {
            using var copy = new MemoryStream();
            await master.CopyToAsync(copy, Ct);
            Assert.Equal(first, copy.ToArray());
        }

        // Drag-and-drop sends the whole order at once.
        var paths = (await KatalogFlow.RecordAsync(site, "OGR-1")).Files.Select(f => f.Path).Reverse().ToArray();
        var token = await student.TokenAsync("/katalog/kayit/OGR-1");
        Assert.Equal(HttpStatusCode.Redirect, (await student.PostAsync("/katalog/kayit/OGR-1/sayfalar/sira", token,
            ("surum", await site.VersionOf("OGR-1")), ("sira", string.Join(',', paths)))).StatusCode);
        Assert.Equal(["b.jpg", "a.jpg", "c.jpg"], (await KatalogFlow.RecordAsync(site, "OGR-1")).Files.Select(f => f.OriginalName));
        Assert.Equal(HttpStatusCode.BadRequest, (await student.PostAsync("/katalog/kayit/OGR-1/sayfalar/sira", token,
            ("surum", await site.VersionOf("OGR-1")), ("sira", paths[0]))).StatusCode);

        var replacement = TestImages.Encode(400, 300, ".png");
        var replaced = await student.PostFilesAsync("/katalog/kayit/OGR-1/sayfalar/1/degistir", token, [("surum", await site.VersionOf("OGR-1"))], ("tarama", "yeni.png", replacement));
        Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);
        await KatalogFlow.PageStepAsync(student, "OGR-1", 3, "sil");
        var record = await KatalogFlow.RecordAsync(site, "OGR-1");
        Assert.Equal(["yeni.png", "a.jpg"], record.Files.Select(f => f.OriginalName));
        Assert.Equal(180, record.Files[1].Rotation);
        // The removed and replaced masters stay in the versions that had them.
        var versions = (await site.Archive.Repository.GetObjectAsync("record:OGR-1", Ct))!;
        Assert.Equal(9, versions.Head);
        Assert.NotNull(await site.Archive.Repository.OpenFileAsync("record:OGR-1", "files/0003.jpg", 8, Ct));
        Assert.Null(await site.Archive.Repository.OpenFileAsync("record:OGR-1", "files/0003.jpg", 9, Ct));
    }

    [Fact]
    public async Task Jpeg_2000_pdf_oversized_and_bomb_files_are_refused_with_the_reason_and_nothing_is_saved()
    {
        await using var site = await SiteHost.StartAsync("filesystem", settings: new Dictionary<string, string?> { ["Images:MaxBytes"] = "60000" });
        using var student = await KatalogBrowser.SignedInAsync(site, "ayse", Role.Student);
        await KatalogFlow.CreateAsync(student, "OGR-1", "Mektup");
        byte[] jp2 = [0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A, 0x87, 0x0A, 0, 0, 0, 0x14, 0x66, 0x74, 0x79, 0x70];
        var pdf = "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n"u8.ToArray();
        var cases = new (string Name, byte[] Bytes, string Message)[]
        {
            ("tarama.jp2", jp2, "JPEG 2000 kabul edilmiyor"),
            ("belge.pdf", pdf, "PDF kabul edilmiyor"),
            ("bomba.png", TestImages.PngHeader(30_000, 30_000), "sınırları aşıyor"),
            ("buyuk.bmp", new byte[70_000], "sınırları aşıyor"),
        };
        foreach (var (name, bytes, message) in cases)
        {
            var response = await KatalogFlow.UploadAsync(student, "OGR-1", ("iyi.jpg", TestImages.Encode(100, 100, ".jpg")), (name, bytes));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync(Ct);
            Assert.Contains($"&#x27;{name}&#x27; alınmadı", html.Replace("'", "&#x27;"));
            Assert.Contains(message, html);
            Assert.Contains("Hiçbir dosya kaydedilmedi", html);
        }
        Assert.Empty((await KatalogFlow.RecordAsync(site, "OGR-1")).Files);
        Assert.Equal(1, (await site.Archive.Repository.GetObjectAsync("record:OGR-1", Ct))!.Head);
    }

    [Fact]
    public async Task A_student_cannot_change_the_pages_of_someone_elses_record()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SiteHost.SeedSamplesAsync);
        using var student = await KatalogBrowser.SignedInAsync(site, "ayse", Role.Student);
        var response = await KatalogFlow.UploadAsync(student, "SRR-0002", ("a.jpg", TestImages.Encode(100, 100, ".jpg")));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty((await KatalogFlow.RecordAsync(site, "SRR-0002")).Files);
    }
}

/// <summary>The steps the catalogue tests repeat, through the real forms.</summary>
public static class KatalogFlow
{
    public static async Task<HttpResponseMessage> CreateAsync(KatalogBrowser browser, string identifier, string title, params (string, string)[] fields)
    {
        var token = await browser.TokenAsync("/katalog/kayit/yeni");
        var response = await browser.PostAsync("/katalog/kayit/yeni", token, [("kimlik", identifier), ("baslik", title), ("duzey", "item"), .. fields]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    public static async Task<HttpResponseMessage> UploadAsync(KatalogBrowser browser, string identifier, params (string Name, byte[] Bytes)[] files)
    {
        var token = await browser.TokenAsync("/katalog");
        return await browser.PostFilesAsync($"/katalog/kayit/{identifier}/sayfalar", token, [("surum", await browser.Site.VersionOf(identifier))],
            files.Select(f => ("tarama", f.Name, f.Bytes)).ToArray());
    }

    public static async Task<HttpResponseMessage> PageStepAsync(KatalogBrowser browser, string identifier, int page, string action)
    {
        var token = await browser.TokenAsync("/katalog");
        return await browser.PostAsync($"/katalog/kayit/{identifier}/sayfalar/{page}/{action}", token, ("surum", await browser.Site.VersionOf(identifier)));
    }

    public static async Task<HttpResponseMessage> StepAsync(KatalogBrowser browser, string identifier, string step, params (string, string)[] fields)
    {
        var token = await browser.TokenAsync("/katalog");
        return await browser.PostAsync($"/katalog/kayit/{identifier}/{step}", token, [("surum", await browser.Site.VersionOf(identifier)), .. fields]);
    }

    /// <summary>Saves the describe form with these fields (and the level, as the form always sends it).</summary>
    public static async Task<HttpResponseMessage> SaveAsync(KatalogBrowser browser, string identifier, params (string, string)[] fields)
    {
        var token = await browser.TokenAsync("/katalog");
        return await browser.PostAsync($"/katalog/kayit/{identifier}", token, [("surum", await browser.Site.VersionOf(identifier)), ("duzey", "item"), .. fields]);
    }

    public static async Task<Record> RecordAsync(SiteHost site, string identifier) =>
        (await site.Archive.GetRecordAsync(identifier, TestContext.Current.CancellationToken))!.Value;
}
