using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using HafizaIzmir.Archive.Domain;

namespace HafizaIzmir.Tests.Site;

/// <summary>Browse pages, the about page, home, search thumbnails, sitemap and robots.txt, and conditional GETs.</summary>
public sealed class BrowseAndSitemapTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly XNamespace Sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    [Fact]
    public async Task The_fonds_page_shows_the_hierarchy_with_counts_of_published_records_only()
    {
        await using var site = await BrowseSite.StartAsync();
        var tr = await site.Client.GetStringAsync("/fonlar", Ct);
        Assert.Contains("<a href=\"/kayit/SRR\">Şerif Remzi Reyent Fonu</a>", tr);
        Assert.Contains("2 kayıt", tr);                     // the letter and the photograph; not the four unpublished items
        Assert.DoesNotContain("Taslak", tr);
        var en = await site.Client.GetStringAsync("/en/fonds", Ct);
        Assert.Contains("<html lang=\"en\">", en);
        Assert.Contains("<a href=\"/en/record/SRR\">", en);
        Assert.Contains("Browse by fonds", en);
    }

    [Fact]
    public async Task The_decade_page_counts_published_records_per_decade_and_links_to_the_filtered_search()
    {
        await using var site = await BrowseSite.StartAsync();
        var tr = await site.Client.GetStringAsync("/onyillar", Ct);
        // The fonds spans 1890/1957, so it counts in each decade it covers, as the search's decade filter does.
        Assert.Contains("href=\"/ara?decade=1920&amp;sort=date\"", tr);
        Assert.Contains("href=\"/ara?decade=1890&amp;sort=date\"", tr);
        Assert.Contains("3 kayıt", tr);                     // 1920s: fonds, letter (1923), photograph (1925)
        // The 1940s hold only the fonds: the draft dated 1941 is not counted.
        Assert.Matches("decade=1940&amp;sort=date\"><span class=\"decade-label\">1940&#x27;lar</span>\\s*<span class=\"bar bar-\\d+\" aria-hidden=\"true\"></span>\\s*<span class=\"count\">1 kayıt</span>", tr);
        var search = await site.Client.GetStringAsync("/ara?decade=1920&sort=date", Ct);
        Assert.Contains("3 sonuç", search);                 // the numbers agree with the search

        var en = await site.Client.GetStringAsync("/en/decades", Ct);
        Assert.Contains("href=\"/en/search?decade=1920&amp;sort=date\"", en);
        Assert.Contains("1920s", en);
    }

    [Fact]
    public async Task The_about_page_exists_in_both_languages()
    {
        await using var site = await BrowseSite.StartAsync();
        var tr = await site.Client.GetStringAsync("/hakkinda", Ct);
        Assert.Contains("<h1>Hakkında</h1>", tr);
        Assert.Contains("href=\"/en/about\" hreflang=\"en\"", tr);
        var en = await site.Client.GetStringAsync("/en/about", Ct);
        Assert.Contains("<h1>About</h1>", en);
        Assert.Contains("aria-current=\"page\">About</a>", en);
    }

    [Fact]
    public async Task The_home_page_shows_recently_published_records_and_search_hits_show_thumbnails()
    {
        await using var site = await BrowseSite.StartAsync();
        var home = await site.Client.GetStringAsync("/", Ct);
        Assert.Contains("Son yayımlananlar", home);
        Assert.Contains("href=\"/kayit/SRR-0005\"", home);
        Assert.Contains("href=\"/kayit/SRR-0001\"", home);
        Assert.DoesNotContain("SRR-0007", home);
        Assert.DoesNotContain("SRR-0002", home);
        var english = await site.Client.GetStringAsync("/en", Ct);
        Assert.Contains("Recently published", english);
        Assert.Contains("href=\"/en/record/SRR-0005\"", english);

        var search = await site.Client.GetStringAsync("/ara?q=fotoğraf", Ct);
        Assert.Contains("<img class=\"thumb\" src=\"/iiif/3/SRR-0005~1/full/400,/0/default.jpg\" alt=\"Taramanın küçük görünümü: Gazi Bulvarı&#x27;nda bir dükkân fotoğrafı\" width=\"400\" height=\"300\"", search);
        var letter = await site.Client.GetStringAsync("/ara?q=incir", Ct);
        Assert.Contains("SRR-0001", letter);
        Assert.DoesNotContain("<img class=\"thumb\"", letter);        // no scans, no thumbnail
    }

    [Fact]
    public async Task A_record_page_offers_open_graph_data_with_its_iiif_thumbnail_in_each_language()
    {
        await using var site = await BrowseSite.StartAsync();
        var tr = await site.Client.GetStringAsync("/kayit/SRR-0005", Ct);
        Assert.Contains("<meta property=\"og:type\" content=\"article\">", tr);
        Assert.Contains("<meta property=\"og:title\" content=\"Gazi Bulvarı&#x27;nda bir dükkân fotoğrafı\">", tr);
        Assert.Contains("<meta property=\"og:image\" content=\"http://localhost/iiif/3/SRR-0005~1/full/400,/0/default.jpg\">", tr);
        Assert.Contains("<meta property=\"og:locale\" content=\"tr_TR\">", tr);
        Assert.Contains("<link rel=\"canonical\" href=\"http://localhost/kayit/SRR-0005\">", tr);
        Assert.Contains("<a href=\"/mekan/gazi-bulvari\">Gazi Bulvarı</a>", tr);          // linked authorities are links
        var en = await site.Client.GetStringAsync("/en/record/SRR-0005", Ct);
        Assert.Contains("<meta property=\"og:locale\" content=\"en_GB\">", en);
        Assert.Contains("<meta property=\"og:url\" content=\"http://localhost/en/record/SRR-0005\">", en);
        Assert.Contains("<a href=\"/en/person/serif-remzi-reyent\">Şerif Remzi Reyent</a>", en);
        // A record without scans has no preview image.
        Assert.DoesNotContain("og:image", await site.Client.GetStringAsync("/kayit/SRR-0001", Ct));
    }

    [Fact]
    public async Task Robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_catalogue()
    {
        await using var site = await BrowseSite.StartAsync();
        var robots = await site.Client.GetStringAsync("/robots.txt", Ct);
        Assert.Contains("User-agent: *", robots);
        Assert.Contains("Disallow: /katalog\n", robots);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", robots);
    }

    [Fact]
    public async Task The_sitemap_lists_published_records_authorities_and_browse_pages_in_both_languages_and_never_a_draft()
    {
        await using var site = await BrowseSite.StartAsync();
        var index = XDocument.Parse(await site.Client.GetStringAsync("/sitemap.xml", Ct));
        var parts = index.Descendants(Sm + "loc").Select(l => new Uri(l.Value).PathAndQuery).ToList();
        Assert.Equal(["/sitemap-pages.xml", "/sitemap-authorities.xml", "/sitemap-records-1.xml"], parts);

        var urls = new List<XElement>();
        foreach (var part in parts)
            urls.AddRange(XDocument.Parse(await site.Client.GetStringAsync(part, Ct)).Descendants(Sm + "url"));
        var locs = urls.Select(u => u.Element(Sm + "loc")!.Value).ToList();

        foreach (var expected in new[] { "/kayit/SRR", "/en/record/SRR", "/kayit/SRR-0001", "/en/record/SRR-0005", "/kisi/serif-remzi-reyent",
                     "/en/person/serif-remzi-reyent", "/mekan/gazi-bulvari", "/sokaklar", "/en/streets", "/fonlar", "/en/decades", "/hakkinda",
                     "/en/about", "/eksen/liman", "/en/axis/ticaret", "/", "/en" })
            Assert.Contains("http://localhost" + expected, locs);
        foreach (var unpublished in new[] { "SRR-0002", "SRR-0003", "SRR-0004", "SRR-0007" })
            Assert.DoesNotContain(locs, l => l.Contains(unpublished, StringComparison.Ordinal));
        Assert.Equal(locs.Count, locs.Distinct().Count());

        // Each address names itself and its twin as alternates.
        var letter = urls.Single(u => u.Element(Sm + "loc")!.Value == "http://localhost/en/record/SRR-0001");
        var alternates = letter.Elements(Xhtml + "link").ToDictionary(l => l.Attribute("hreflang")!.Value, l => l.Attribute("href")!.Value);
        Assert.Equal("http://localhost/kayit/SRR-0001", alternates["tr"]);
        Assert.Equal("http://localhost/en/record/SRR-0001", alternates["en"]);
        Assert.NotNull(letter.Element(Sm + "lastmod"));

        using var missing = await site.Client.GetAsync("/sitemap-records-2.xml", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Withdrawing_a_record_takes_it_out_of_the_sitemap_browse_pages_and_timelines()
    {
        await using var site = await BrowseSite.StartAsync();
        var before = site.Browse.Generation;
        var head = await site.Archive.GetRecordAsync("SRR-0005", Ct);
        await site.Archive.SaveRecordAsync(head!.Value with { State = WorkflowState.Withdrawn }, [], head.Version, new CommitInfo("test", "withdraw"), Ct);
        await site.WaitForChangeAsync(before);

        var records = await site.Client.GetStringAsync("/sitemap-records-1.xml", Ct);
        Assert.DoesNotContain("SRR-0005", records);
        Assert.DoesNotContain("SRR-0005", await site.Client.GetStringAsync("/kisi/serif-remzi-reyent", Ct));
        Assert.DoesNotContain("SRR-0005", await site.Client.GetStringAsync("/", Ct));
        Assert.Contains("1 kayıt", await site.Client.GetStringAsync("/fonlar", Ct));
        Assert.DoesNotContain("href=\"/ara?place=mekan-gazi-bulvari\"", await site.Client.GetStringAsync("/sokaklar", Ct));
    }

    [Fact]
    public async Task A_page_carries_an_etag_a_client_holding_it_gets_304_and_a_change_to_a_linked_authority_changes_it()
    {
        await using var site = await BrowseSite.StartAsync();
        using var first = await site.Client.GetAsync("/kayit/SRR-0005", Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);
        Assert.Equal("public, no-cache", first.Headers.CacheControl?.ToString());

        using (var again = await Conditional(site, "/kayit/SRR-0005", tag))
        {
            Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
            Assert.Equal(tag, again.Headers.ETag);
            Assert.Empty(await again.Content.ReadAsByteArrayAsync(Ct));
        }
        // Each language has its own tag.
        using (var english = await Conditional(site, "/en/record/SRR-0005", tag))
            Assert.Equal(HttpStatusCode.OK, english.StatusCode);

        // An authority the record does not link to leaves its tag alone ...
        var generation = site.Browse.Generation;
        await site.Archive.SaveAuthorityAsync(BrowseSite.GulSokak with { Description = new LocalizedText("Küçük bir sokak.") }, 1, new CommitInfo("test", "describe"), Ct);
        await site.WaitForChangeAsync(generation);
        using (var unrelated = await Conditional(site, "/kayit/SRR-0005", tag))
            Assert.Equal(HttpStatusCode.NotModified, unrelated.StatusCode);
        // ... but listing pages, which may show anything, have a new one.
        using var streets = await site.Client.GetAsync("/sokaklar", Ct);
        generation = site.Browse.Generation;

        // Renaming the linked street changes the record page (it shows the name) and so its tag.
        await site.Archive.SaveAuthorityAsync(BrowseSite.GaziBulvari with { Name = "Gazi Bulvarı (Kordon arkası)" }, 1, new CommitInfo("test", "rename"), Ct);
        await site.WaitForChangeAsync(generation);
        using var changed = await Conditional(site, "/kayit/SRR-0005", tag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(tag, changed.Headers.ETag);
        Assert.Contains("Gazi Bulvarı (Kordon arkası)", await changed.Content.ReadAsStringAsync(Ct));
        using (var streetsAgain = await Conditional(site, "/sokaklar", streets.Headers.ETag!))
            Assert.Equal(HttpStatusCode.OK, streetsAgain.StatusCode);

        // The street's old address now leads to the new one.
        using var renamed = await site.Client.GetAsync("/mekan/gazi-bulvari", Ct);
        Assert.Equal(HttpStatusCode.MovedPermanently, renamed.StatusCode);
        Assert.Equal("/mekan/gazi-bulvari-kordon-arkasi", renamed.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Redirects_missing_pages_and_the_catalogue_carry_no_etag_and_the_catalogue_is_never_stored()
    {
        await using var site = await BrowseSite.StartAsync();
        using var redirect = await site.Client.GetAsync("/kisi/kisi-serif-remzi-reyent", Ct);
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Null(redirect.Headers.ETag);
        using var draft = await site.Client.GetAsync("/kayit/SRR-0007", Ct);
        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
        Assert.Null(draft.Headers.ETag);
        using var katalog = await site.Client.GetAsync("/katalog/giris", Ct);
        Assert.Equal(HttpStatusCode.OK, katalog.StatusCode);
        Assert.Null(katalog.Headers.ETag);
        Assert.True(katalog.Headers.CacheControl?.NoStore, "the sign-in page is never stored");
    }

    private static Task<HttpResponseMessage> Conditional(BrowseSite site, string url, EntityTagHeaderValue tag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(tag);
        return site.Client.SendAsync(request, Ct);
    }
}
