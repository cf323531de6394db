using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using HafizaIzmir.Site.Accounts;
using HafizaIzmir.Site.Katalog;
using HafizaIzmir.Tests.Reliability;
using static HafizaIzmir.Tests.Site.KatalogLanguageTests;

namespace HafizaIzmir.Tests.Site;

/// <summary>
/// An administrator switches the katalog to English and opens every page the routing table has (with the
/// authorization matrix's sample values) plus pages that need more data: no Turkish interface string may be
/// left on them, and switching back brings the Turkish ones back.
/// </summary>
public sealed partial class KatalogEnglishPagesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Accession = "2024-001";

    [Fact]
    public async Task Every_katalog_page_is_wholly_English_once_chosen_and_Turkish_again_after()
    {
        await using var site = await SiteHost.StartAsync("filesystem", GuardedArchive.SeedAsync);
        using var admin = await KatalogBrowser.SignedInAsync(site, "yonetici", Role.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await Switch(admin, "/katalog", "en")).StatusCode);

        // Data the sample routes alone do not reach: an accession and a story, made through the English forms.
        var accession = await admin.PostAsync("/katalog/bagislar/yeni", await admin.TokenAsync("/katalog/bagislar/yeni"),
            ("kimlik", Accession), ("yontem", "donation"), ("bagiscilar", GuardedArchive.Authority), ("kayitlar", GuardedArchive.PublicRecord), ("neden", "test data"));
        Assert.Equal(HttpStatusCode.Redirect, accession.StatusCode);
        var story = await admin.PostAsync("/katalog/hikaye/yeni", await admin.TokenAsync("/katalog/hikaye/yeni"),
            ("kisa-ad", GuardedArchive.StorySlug), ("baslik", "Kordon"), ("metin", "Kordon boyunca [[kayit:SRR-0001]]."), ("islem", "kaydet"));
        Assert.Equal(HttpStatusCode.Redirect, story.StatusCode);

        var sampled = RouteEntry.Of(site.Services)
            .Where(r => r.Method == "GET" && r.Template.StartsWith("/katalog", StringComparison.Ordinal) && !r.Template.StartsWith("/katalog/api", StringComparison.Ordinal))
            .Select(r => r.Fill(p => RouteSamples.For(r, p, GuardedArchive.PublicRecord) ?? "x"))
            .ToList();
        Assert.Contains("/katalog/kayit/SRR-0001/metin", sampled);
        string[] more =
        [
            "/katalog/kayit/SRR-0102", "/katalog/kayit/SRR-0103", "/katalog/kayit/SRR-0104", "/katalog/kayit/SRR-0001/surum/2",
            "/katalog/otoriteler/yeni?tur=place", "/katalog/otoriteler/yeni?tur=institution", "/katalog/otoriteler?q=remzi&tur=person",
            $"/katalog/bagislar/{Accession}", $"/katalog/bagislar/{Accession}/gecmis", "/katalog/kayit/YOK-1", "/katalog/otoriteler/yok",
        ];
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        var statuses = new Dictionary<string, HttpStatusCode>(StringComparer.Ordinal);
        foreach (var path in sampled.Concat(more).Distinct())
        {
            var response = await admin.Client.GetAsync(path, Ct);
            statuses[path] = response.StatusCode;
            Assert.True((int)response.StatusCode < 500, $"{path}: {response.StatusCode}");
            if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            pages[path] = await response.Content.ReadAsStringAsync(Ct);
        }
        // The pages that matter most must really have been shown, not answered with a refusal.
        string[] shown =
        [
            "/katalog", "/katalog/giris", "/katalog/kayit/yeni", "/katalog/kayit/SRR-0001", "/katalog/kayit/SRR-0103", "/katalog/kayit/SRR-0001/gecmis",
            "/katalog/kayit/SRR-0001/surum/1", "/katalog/kayit/SRR-0001/onizleme", "/katalog/kayit/SRR-0001/metin",
            "/katalog/otoriteler", $"/katalog/otoriteler/{GuardedArchive.Authority}", $"/katalog/otoriteler/{GuardedArchive.Authority}/gecmis",
            $"/katalog/otoriteler/{GuardedArchive.Authority}/gecmis/1", $"/katalog/otoriteler/{GuardedArchive.Authority}/birlestir", "/katalog/otoriteler/yeni?tur=place",
            "/katalog/bagislar", $"/katalog/bagislar/{Accession}", $"/katalog/bagislar/{Accession}/gecmis", "/katalog/ice-aktar", "/katalog/kullanicilar",
            "/katalog/hikaye", $"/katalog/hikaye/{GuardedArchive.StorySlug}",
        ];
        Assert.Empty(shown.Where(p => statuses.GetValueOrDefault(p) != HttpStatusCode.OK).Select(p => $"{p}: {statuses.GetValueOrDefault(p)}"));
        Assert.Contains(">Readiness for Europeana</h2>", pages["/katalog/kayit/SRR-0001"]);
        Assert.Contains(">Approve and publish</button>", pages["/katalog/kayit/SRR-0103"]);

        // Refused forms show their messages in the chosen language too.
        pages["POST /katalog/kayit/yeni"] = await (await admin.PostAsync("/katalog/kayit/yeni", await admin.TokenAsync("/katalog/kayit/yeni"),
            ("kimlik", "bad id!"), ("baslik", ""), ("tarih", "1923-13"), ("dil", "Türkçe"), ("haklar", "https://example.org/"),
            ("yetke-0-tur", "person"), ("yetke-0-ad", "Kimse Bilinmez"))).Content.ReadAsStringAsync(Ct);
        pages["POST /katalog/otoriteler/yeni"] = await (await admin.PostAsync("/katalog/otoriteler/yeni", await admin.TokenAsync("/katalog/otoriteler/yeni?tur=place"),
            ("tur", "place"), ("ad", ""), ("enlem", "91"), ("iliskiler", "bozuk"), ("wikidata", "X1"))).Content.ReadAsStringAsync(Ct);

        var userData = await UserDataAsync(site);
        var turkishOnly = TurkishOnlyStrings();
        var failures = new List<string>();
        foreach (var (path, html) in pages)
        {
            if (!html.Contains("<html lang=\"en\">", StringComparison.Ordinal)) failures.Add($"{path}: not <html lang=\"en\">");
            var text = VisibleText(html, userData);
            foreach (var (key, fragment) in turkishOnly)
                if (text.Contains(fragment, StringComparison.Ordinal)) failures.Add($"{path}: Turkish '{fragment}' ({key})");
            // Text written straight into the code rather than taken from the resources shows itself by its letters.
            foreach (Match word in TurkishWord().Matches(text.Replace("Hafıza İzmir", "", StringComparison.Ordinal)))
                failures.Add($"{path}: Turkish word '{word.Value}' outside the resources");
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures.Distinct()));
        Assert.True(pages.Count >= 35, $"only {pages.Count} pages were checked");

        Assert.Equal(HttpStatusCode.Redirect, (await Switch(admin, "/katalog", "tr")).StatusCode);
        var turkish = await admin.HtmlAsync($"/katalog/kayit/{GuardedArchive.PublicRecord}");
        Assert.Contains("<html lang=\"tr\">", turkish);
        Assert.Contains("<label for=\"baslik\">Başlık</label>", turkish);
        Assert.Contains(">Europeana'ya hazırlık</h2>", turkish);
    }

    /// <summary>Each Turkish string (or, for a sentence with values, each literal part of it) that English says differently, from six characters.</summary>
    private static List<(string Key, string Fragment)> TurkishOnlyStrings()
    {
        var tr = ResourceStrings.Turkish;
        var en = ResourceStrings.English;
        return [.. tr.Where(p => p.Value != en[p.Key])
            .SelectMany(p => Placeholder().Split(p.Value).Select(f => (p.Key, Fragment: f.Trim())))
            .Where(p => p.Fragment.Length >= 6 && !en[p.Key].Contains(p.Fragment, StringComparison.Ordinal))];
    }

    /// <summary>What a reader sees or hears: text and the labelling attributes, without form values and without the archive's own words.</summary>
    private static string VisibleText(string html, IEnumerable<string> userData)
    {
        var withoutValues = Textarea().Replace(html, "");
        var text = new StringBuilder();
        foreach (Match attribute in LabellingAttribute().Matches(withoutValues)) text.Append(WebUtility.HtmlDecode(attribute.Groups[1].Value)).Append('\n');
        text.Append(WebUtility.HtmlDecode(Tag().Replace(withoutValues, "\n")));
        var result = text.ToString();
        foreach (var data in userData.Where(d => d.Length > 0).OrderByDescending(d => d.Length)) result = result.Replace(data, "\n", StringComparison.Ordinal);
        return result;
    }

    /// <summary>Words the archive holds (titles, names, version messages, stored texts): Turkish by right, whatever the interface language.</summary>
    private static async Task<List<string>> UserDataAsync(SiteHost site)
    {
        var archive = site.Archive;
        var data = new List<string>();
        var ids = new List<string>();
        await foreach (var r in archive.ListRecordsAsync(Ct))
        {
            data.Add(r.Value.Title.Tr);
            if (r.Value.Description is { } d) data.Add(d.Tr);
            ids.Add(HafizaIzmir.Archive.Storage.Archive.RecordPrefix + r.Value.Identifier);
        }
        await foreach (var a in archive.ListAuthoritiesAsync(Ct))
        {
            data.AddRange(a.Value.AllNames);
            ids.Add(HafizaIzmir.Archive.Storage.Archive.AuthorityPrefix + a.Value.Id);
        }
        await foreach (var a in archive.ListAccessionsAsync(Ct)) ids.Add(HafizaIzmir.Archive.Storage.Archive.AccessionPrefix + a.Value.Id);
        await foreach (var s in archive.ListStoriesAsync(Ct)) ids.Add(HafizaIzmir.Archive.Storage.Archive.StoryPrefix + s.Value.Slug);
        foreach (var id in ids)
            if (await archive.Repository.GetObjectAsync(id, Ct) is { } ocfl) data.AddRange(ocfl.Versions.Select(v => v.Message));
        return data;
    }

    [GeneratedRegex(@"\{\d+(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"<textarea[^>]*>.*?</textarea>|<script[^>]*>.*?</script>|<style[^>]*>.*?</style>", RegexOptions.Singleline)]
    private static partial Regex Textarea();

    [GeneratedRegex(@"\w*[ğĞşŞıİ]\w*")]
    private static partial Regex TurkishWord();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s(?:aria-label|title|placeholder|alt|data-chosen)=""([^""]*)""")]
    private static partial Regex LabellingAttribute();
}
