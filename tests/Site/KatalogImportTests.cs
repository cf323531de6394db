using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Site.Accounts;
using HafizaIzmir.Site.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static HafizaIzmir.Tests.Site.KatalogAdministrationSeed;

namespace HafizaIzmir.Tests.Site;

public partial class KatalogImportTests
{
    private const string Authorities = """
        kind,name,variants,dates,subtype,lat,long,wikidata
        place,Pasaport,Pasaport İskelesi|../1950,,rıhtım,38.4295,27.1335,
        person,Ahmet Fikri,,1870/1940,tüccar,,,Q1234
        """;

    [Fact]
    public async Task A_bad_file_gets_a_report_by_line_and_column_and_nothing_is_written()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SeedAsync);
        using var cataloguer = await KatalogBrowser.SignedInAsync(site, "katalogcu", Role.Cataloguer);
        var csv = "kind,name,lat,long,wikidata\nplace,Pasaport,91,27.1,\nbina,Kızlarağası Hanı,,,\nperson,Ahmet Fikri,,,Q01\n";
        var response = await UploadAsync(cataloguer, "authorities", "hatali.csv", csv);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.BodyAsync();
        Assert.Contains("<p role=\"alert\" id=\"hata-sayisi\">", html);
        var rows = ReportRow().Matches(html).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        Assert.Contains(("2", "lat"), rows);
        Assert.Contains(("3", "kind"), rows);
        Assert.Contains(("4", "wikidata"), rows);
        Assert.DoesNotContain("Onayla ve içe aktar", html);
        Assert.Equal(4, await CountAuthoritiesAsync(site));
    }

    [Fact]
    public async Task A_clean_file_is_only_validated_until_confirmed_and_then_exactly_that_file_is_imported()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SeedAsync);
        using var cataloguer = await KatalogBrowser.SignedInAsync(site, "katalogcu", Role.Cataloguer);
        var bytes = Encoding.UTF8.GetBytes(Authorities.ReplaceLineEndings("\n") + "\n");
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));

        var dryRun = await UploadAsync(cataloguer, "authorities", "liman.csv", bytes);
        Assert.Equal(HttpStatusCode.OK, dryRun.StatusCode);
        var html = await dryRun.BodyAsync();
        Assert.Contains("<strong id=\"satir-sayisi\">2</strong>", html);
        Assert.Contains("Yeni otorite: 2", html);
        Assert.Contains($"name=\"dosya\" value=\"{hash}\"", html);
        Assert.Equal(4, await CountAuthoritiesAsync(site));
        var kept = Path.Combine(site.Services.GetRequiredService<ArchiveOptions>().FullDataDirectory, "uploads", "import", hash, "liman.csv");
        Assert.Equal(bytes, await File.ReadAllBytesAsync(kept, Ct));

        var confirmed = await cataloguer.SubmitAsync("/katalog/ice-aktar/onayla", ("dosya", hash), ("tur", "authorities"));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Otoriteler: 2 yeni", await confirmed.BodyAsync());
        Assert.Equal(6, await CountAuthoritiesAsync(site));
        Assert.False(File.Exists(kept));
        Authority? pasaport = null;
        await foreach (var a in site.Archive.ListAuthoritiesAsync(Ct)) if (a.Value.Name == "Pasaport") pasaport = a.Value;
        var place = Assert.IsType<Place>(pasaport);
        Assert.Equal(38.4295, place.Latitude);
        var version = (await site.Archive.Repository.GetObjectAsync("authority:" + place.Id, Ct))!.Versions.Single();
        Assert.Equal(("katalogcu", "Import from liman.csv, line 2"), (version.User, version.Message));

        // The confirmation names the validated bytes: once imported (or never uploaded) there is nothing to confirm.
        Assert.Equal(HttpStatusCode.NotFound, (await cataloguer.SubmitAsync("/katalog/ice-aktar/onayla", ("dosya", hash), ("tur", "authorities"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cataloguer.SubmitAsync("/katalog/ice-aktar/onayla", ("dosya", "../../store"), ("tur", "authorities"))).StatusCode);
    }

    [Fact]
    public async Task A_records_file_links_names_to_authorities_and_imports_drafts()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SeedAsync);
        using var cataloguer = await KatalogBrowser.SignedInAsync(site, "katalogcu", Role.Cataloguer);
        var csv = "identifier,parent,level,title,date,persons,places\nSRR-0100,SRR,item,Kordon'dan mektup,1925,Remzi Efendi|creator,Kordon\n";
        var dryRun = await UploadAsync(cataloguer, "records", "kayitlar.csv", csv);
        Assert.Equal(HttpStatusCode.OK, dryRun.StatusCode);
        Assert.Contains("Yeni kayıt: 1", await dryRun.BodyAsync());
        Assert.Null(await site.Archive.GetRecordAsync("SRR-0100", Ct));

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(csv)));
        Assert.Equal(HttpStatusCode.OK, (await cataloguer.SubmitAsync("/katalog/ice-aktar/onayla", ("dosya", hash), ("tur", "records"))).StatusCode);
        var record = (await site.Archive.GetRecordAsync("SRR-0100", Ct))!.Value;
        Assert.Equal(WorkflowState.Draft, record.State);
        Assert.Equal([Duplicate, Kordon], record.Authorities.Select(l => l.AuthorityId));
    }

    [Fact]
    public async Task An_upload_without_the_antiforgery_token_or_a_file_is_refused()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SeedAsync);
        using var cataloguer = await KatalogBrowser.SignedInAsync(site, "katalogcu", Role.Cataloguer);
        var forged = await UploadAsync(cataloguer, "authorities", "liman.csv", Authorities, token: null);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var uploads = Path.Combine(site.Services.GetRequiredService<ArchiveOptions>().FullDataDirectory, "uploads", "import");
        Assert.False(Directory.Exists(uploads) && Directory.EnumerateDirectories(uploads).Any());

        var empty = await UploadAsync(cataloguer, "authorities", "bos.csv", "");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Bir CSV dosyası seçin.", await empty.BodyAsync());
    }

    private static Task<HttpResponseMessage> UploadAsync(KatalogBrowser browser, string kind, string name, string csv, string? token = "") =>
        UploadAsync(browser, kind, name, Encoding.UTF8.GetBytes(csv), token);

    private static async Task<HttpResponseMessage> UploadAsync(KatalogBrowser browser, string kind, string name, byte[] csv, string? token = "")
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent(kind), "tur" },
            { new ByteArrayContent(csv), "dosya", name },
        };
        if (token is not null) content.Add(new StringContent(await browser.TokenAsync("/katalog/ice-aktar")), "__af");
        return await browser.Client.PostAsync("/katalog/ice-aktar", content, Ct);
    }

    private static async Task<int> CountAuthoritiesAsync(SiteHost site)
    {
        var count = 0;
        await foreach (var _ in site.Archive.ListAuthoritiesAsync(Ct)) count++;
        return count;
    }

    [GeneratedRegex("<tr><td>(\\d+)</td><td>([^<]*)</td><td>[^<]+</td></tr>")]
    private static partial Regex ReportRow();
}
