using System.Net;
using System.Text.Json;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Site.Accounts;
using HafizaIzmir.Tests.Site;
using NetVips;

namespace HafizaIzmir.Tests.Ocr;

public sealed class OcrSiteTests(OcrSiteFixture fixture) : IClassFixture<OcrSiteFixture>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Words_of_a_scan_are_searchable_with_a_snippet_that_links_to_their_page()
    {
        fixture.RequireRunning();
        var result = await fixture.SearchAsync("zeytinyağı");
        var hit = Assert.Single(result.GetProperty("hits").EnumerateArray(), h => h.GetProperty("identifier").GetString() == OcrSiteFixture.Letter);
        Assert.Contains("<mark>zeytinyağı</mark>", hit.GetProperty("snippet").GetString());
        Assert.Equal(2, hit.GetProperty("page").GetInt32());
        Assert.Equal($"/kayit/{OcrSiteFixture.Letter}?sayfa=2", hit.GetProperty("url").GetString());
        // Folded like every other field: typed without Turkish letters, the word is still found; drafts never are.
        var folded = await fixture.SearchAsync("KONSIMENTO");
        var konsimento = Assert.Single(folded.GetProperty("hits").EnumerateArray(), h => h.GetProperty("identifier").GetString() == OcrSiteFixture.Letter);
        Assert.Equal(1, konsimento.GetProperty("page").GetInt32());
        Assert.DoesNotContain(OcrSiteFixture.Draft, RunningSite.Identifiers(folded));
    }

    [Fact]
    public async Task Scan_text_ranks_below_the_same_word_in_a_title()
    {
        fixture.RequireRunning();
        await fixture.Site.Archive.SaveRecordAsync(OcrCorpus.Item("OCR-9", "Zeytinyağı faturası"), [], null, new CommitInfo("test", "seed"), Ct);
        await OcrCorpus.WaitUntilAsync(async () => (await fixture.SearchAsync("zeytinyağı")).GetProperty("total").GetInt32() == 2, "indexing the titled record");
        Assert.Equal(["OCR-9", OcrSiteFixture.Letter], RunningSite.Identifiers(await fixture.SearchAsync("zeytinyağı")));
    }

    [Fact]
    public async Task Content_search_answers_an_annotation_page_with_word_boxes_on_the_canvas()
    {
        fixture.RequireRunning();
        var manifest = await JsonAsync($"/iiif/manifest/{OcrSiteFixture.Letter}");
        var service = manifest.GetProperty("service")[0];
        Assert.Equal("SearchService2", service.GetProperty("type").GetString());
        var searchUrl = new Uri(service.GetProperty("id").GetString()!).PathAndQuery;
        Assert.Equal($"/iiif/search/{OcrSiteFixture.Letter}", searchUrl);

        var page = await JsonAsync(searchUrl + "?q=incir");
        Assert.Equal("http://iiif.io/api/search/2/context.json", page.GetProperty("@context").GetString());
        Assert.Equal("AnnotationPage", page.GetProperty("type").GetString());
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count); // "incir" once on each page
        var canvases = items.Select(i => i.GetProperty("target").GetString()!.Split('#')[0]).ToList();
        Assert.EndsWith("/canvas/1", canvases[0]);
        Assert.EndsWith("/canvas/2", canvases[1]);
        foreach (var item in items)
        {
            Assert.Equal("Annotation", item.GetProperty("type").GetString());
            Assert.Equal("incir", item.GetProperty("body").GetProperty("value").GetString()!.TrimEnd(',', '.'));
            var (x, y, w, h) = Box(item.GetProperty("target").GetString()!);
            Assert.InRange(x, 0, OcrCorpus.Width - w);
            Assert.InRange(y, 0, OcrCorpus.Height - h);
            Assert.InRange(w, 20, 200);
            Assert.InRange(h, 10, 60);
            // The box lies on ink of the scan as the canvas shows it, and just around it there is paper.
            var pageBytes = item.GetProperty("target").GetString()!.Contains("/canvas/1#") ? fixture.Page1 : fixture.Page2;
            using var scan = Image.NewFromBuffer(pageBytes);
            using var word = scan.Crop(x, y, w, h);
            Assert.True(word.Min() < 80, "the box holds dark type");
            using var above = scan.Crop(x, Math.Max(0, y - 2 * h), w, h / 2);
            Assert.True(above.Avg() > 200, "the line above the word is mostly paper");
        }
        var highlight = page.GetProperty("annotations")[0].GetProperty("items")[0];
        Assert.Equal("highlighting", highlight.GetProperty("motivation").GetString());
        Assert.Equal("TextQuoteSelector", highlight.GetProperty("target").GetProperty("selector")[0].GetProperty("type").GetString());

        var phrase = await JsonAsync(searchUrl + "?q=" + Uri.EscapeDataString("KIZLARAGASI HANI"));
        var hit = Assert.Single(phrase.GetProperty("items").EnumerateArray());
        Assert.Equal("Kızlarağası Hanı,", hit.GetProperty("body").GetProperty("value").GetString());
        Assert.Empty((await JsonAsync(searchUrl + "?q=vapur")).GetProperty("items").EnumerateArray()); // whole words: "vapura" is not "vapur"
    }

    [Fact]
    public async Task Content_search_of_a_draft_or_unknown_record_is_404()
    {
        fixture.RequireRunning();
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Site.Client.GetAsync($"/iiif/search/{OcrSiteFixture.Draft}?q=incir", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Site.Client.GetAsync("/iiif/search/YOK-1?q=incir", Ct)).StatusCode);
    }

    [Fact]
    public async Task Suggestions_find_folded_variant_and_historical_names_and_flag_linked_ones()
    {
        fixture.RequireRunning();
        using var anonymous = new KatalogBrowser(fixture.Site);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.Client.GetAsync($"/katalog/api/records/{OcrSiteFixture.Draft}/suggestions", Ct)).StatusCode);

        using var student = await KatalogBrowser.SignedInAsync(fixture.Site, OcrSiteFixture.Student + "-api", Role.Student);
        var body = await student.Client.GetStringAsync($"/katalog/api/records/{OcrSiteFixture.Draft}/suggestions", Ct);
        var suggestions = JsonDocument.Parse(body).RootElement.GetProperty("suggestions").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);

        // "ŞERİF REMZİ Bey'in": a variant, in capitals, with a suffix after the apostrophe.
        Assert.Equal("Şerif Remzi", suggestions[OcrCorpus.Reyent.Id].GetProperty("matched").GetString());
        Assert.Equal("person", suggestions[OcrCorpus.Reyent.Id].GetProperty("kind").GetString());
        Assert.Equal(1, suggestions[OcrCorpus.Reyent.Id].GetProperty("page").GetInt32());
        // "Punta'daki": the place's name until 1930.
        Assert.Equal("Punta", suggestions[OcrCorpus.Alsancak.Id].GetProperty("matched").GetString());
        Assert.Equal("Alsancak", suggestions[OcrCorpus.Alsancak.Id].GetProperty("name").GetString());
        // "Reyent ve Şürekası" without the circumflex, three words at once.
        Assert.Equal("institution", suggestions[OcrCorpus.Firm.Id].GetProperty("kind").GetString());
        Assert.Equal(2, suggestions[OcrCorpus.Firm.Id].GetProperty("page").GetInt32());
        Assert.Equal(1, suggestions[OcrCorpus.Firm.Id].GetProperty("count").GetInt32());
        Assert.True(suggestions[OcrCorpus.Han.Id].GetProperty("linked").GetBoolean());
        Assert.False(suggestions[OcrCorpus.Firm.Id].GetProperty("linked").GetBoolean());
        Assert.False(suggestions.ContainsKey(OcrCorpus.Karsiyaka.Id));
        Assert.False(suggestions.ContainsKey(OcrCorpus.Ince.Id)); // only inside "incir": not a whole word
    }

    [Fact]
    public async Task The_describe_form_offers_found_names_and_links_one_only_when_confirmed()
    {
        fixture.RequireRunning();
        const string identifier = "OCR-3";
        await OcrCorpus.SaveAsync(fixture.Site.Archive, OcrCorpus.Item(identifier, "Öğrenci taslağı", WorkflowState.Draft), "ogrenci-form", fixture.Page2);
        using var student = await KatalogBrowser.SignedInAsync(fixture.Site, "ogrenci-form", Role.Student);
        string html = "";
        await OcrCorpus.WaitUntilAsync(async () => (html = await student.Client.GetStringAsync($"/katalog/kayit/{identifier}", Ct)).Contains("Reyent ve Şürekâsı"), "the panel listing the firm");
        Assert.Contains("accesskey=\"1\"", html);
        Assert.Empty((await fixture.Site.Archive.GetRecordAsync(identifier, Ct))!.Value.Authorities);

        var token = await student.TokenAsync($"/katalog/kayit/{identifier}");
        var response = await student.PostAsync($"/katalog/kayit/{identifier}/oneri", token, ("surum", await fixture.Site.VersionOf(identifier)), ("otorite", OcrCorpus.Firm.Id));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = (await fixture.Site.Archive.GetRecordAsync(identifier, Ct))!;
        Assert.Equal([new AuthorityLink(OcrCorpus.Firm.Id, AuthorityKind.Institution)], saved.Value.Authorities);
        Assert.Equal("ogrenci-form", saved.Value.ChangedBy);
        // Without the antiforgery token nothing is linked.
        var forged = await student.PostAsync($"/katalog/kayit/{identifier}/oneri", null, ("surum", await fixture.Site.VersionOf(identifier)), ("otorite", OcrCorpus.Han.Id));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Single((await fixture.Site.Archive.GetRecordAsync(identifier, Ct))!.Value.Authorities);
    }

    [Fact]
    public async Task A_corrected_transcription_wins_over_OCR_in_search_content_search_and_display()
    {
        fixture.RequireRunning();
        const string identifier = "OCR-4";
        await OcrCorpus.SaveAsync(fixture.Site.Archive, OcrCorpus.Item(identifier, "Düzeltilecek mektup"), fixture.Page1);
        await OcrCorpus.WaitUntilAsync(async () => RunningSite.Identifiers(await fixture.SearchAsync("sandıkları")).Contains(identifier), "indexing the OCR text");

        using var student = await KatalogBrowser.SignedInAsync(fixture.Site, "ogrenci-metin", Role.Student);
        var refused = await student.PostAsync($"/katalog/kayit/{identifier}/metin/1", await student.TokenAsync($"/katalog/kayit/{identifier}/metin"),
            ("surum", await fixture.Site.VersionOf(identifier)), ("metin", "başka metin"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var cataloguer = await KatalogBrowser.SignedInAsync(fixture.Site, "katalogcu-metin", Role.Cataloguer);
        var corrected = "Sayın Efendim,\nKarşıyaka iskelesinden gönderilen incir sandıkları vapura yüklenmiştir.";
        var response = await cataloguer.PostAsync($"/katalog/kayit/{identifier}/metin/1", await cataloguer.TokenAsync($"/katalog/kayit/{identifier}/metin"),
            ("surum", await fixture.Site.VersionOf(identifier)), ("metin", corrected), ("neden", "OCR hatası: yer adı"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var head = (await fixture.Site.Archive.Repository.GetObjectAsync("record:" + identifier, Ct))!;
        Assert.Equal("katalogcu-metin", head.Versions[^1].User);
        Assert.Equal("OCR hatası: yer adı", head.Versions[^1].Message);
        Assert.Contains("transcriptions/0001.txt", head.State.Keys);

        await OcrCorpus.WaitUntilAsync(async () => RunningSite.Identifiers(await fixture.SearchAsync("Karşıyaka")).Contains(identifier), "indexing the transcription");
        Assert.DoesNotContain(identifier, RunningSite.Identifiers(await fixture.SearchAsync("Punta"))); // the OCR text is no longer searched
        var content = await JsonAsync($"/iiif/search/{identifier}?q=sandıkları");
        var target = Assert.Single(content.GetProperty("items").EnumerateArray()).GetProperty("target").GetString()!;
        Assert.Contains("#xywh=", target); // the corrected word keeps the box OCR found for it
        Assert.EndsWith("/canvas/1", (await JsonAsync($"/iiif/search/{identifier}?q=Karşıyaka")).GetProperty("items")[0].GetProperty("target").GetString());
        var page = await cataloguer.Client.GetStringAsync($"/katalog/kayit/{identifier}/metin", Ct);
        Assert.Contains("Karşıyaka iskelesinden", page);
        Assert.Contains("düzeltilmiş metin", page);
        // The page's text is copied for display in the same catch-up that indexes it, just after the index.
        var scanText = "";
        await OcrCorpus.WaitUntilAsync(async () =>
            (scanText = await fixture.Site.Client.GetStringAsync($"/kayit/{identifier}/metin", Ct)).Contains("Karşıyaka iskelesinden"), "showing the transcription");
        Assert.Contains("Bir kişinin düzelttiği metin", scanText);
        Assert.DoesNotContain("Punta", scanText);

        // An edit of the description afterwards keeps the transcription.
        var edit = await cataloguer.PostAsync($"/katalog/kayit/{identifier}", await cataloguer.TokenAsync($"/katalog/kayit/{identifier}"),
            ("surum", await fixture.Site.VersionOf(identifier)), ("baslik", "Düzeltilmiş mektup"), ("haklar", "http://rightsstatements.org/vocab/InC/1.0/"));
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Contains("transcriptions/0001.txt", (await fixture.Site.Archive.Repository.GetObjectAsync("record:" + identifier, Ct))!.State.Keys);
    }

    [Fact]
    public async Task The_record_page_searches_inside_its_scans_and_the_search_page_links_hits_there()
    {
        fixture.RequireRunning();
        var page = await fixture.Site.Client.GetStringAsync($"/kayit/{OcrSiteFixture.Letter}?ara=incir", Ct);
        // "incir" is on both pages: listed in page order, each linking to its page with the search kept.
        Assert.Contains("<label for=\"within-query\">", page);
        Assert.Contains("value=\"incir\"", page);
        Assert.Contains("<a href=\"?ara=incir&amp;sayfa=1#scans-heading\">Sayfa 1</a>", page);
        Assert.Contains("<a href=\"?ara=incir&amp;sayfa=2#scans-heading\">Sayfa 2</a>", page);
        Assert.Contains("<mark>incir", page);
        Assert.Contains("data-within=\"incir\"", page); // the viewer marks the words from the content search
        Assert.Null((await fixture.Site.Client.GetAsync($"/kayit/{OcrSiteFixture.Letter}?ara=incir", Ct)).Headers.ETag);

        // Folded phrase; an English page; nothing found; markup in the query is text.
        var phrase = await fixture.Site.Client.GetStringAsync($"/en/record/{OcrSiteFixture.Letter}?ara=KURU%20UZUM", Ct);
        Assert.Contains("<mark>kuru üzüm", phrase); // as read, with its punctuation
        Assert.Contains("results for “KURU UZUM” in the text of the scans", phrase);
        var none = await fixture.Site.Client.GetStringAsync($"/kayit/{OcrSiteFixture.Letter}?ara=%3Cb%3Elokomotif", Ct);
        Assert.Contains("“&lt;b&gt;lokomotif” bulunamadı", none);
        Assert.DoesNotContain("<b>lokomotif", none);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Site.Client.GetAsync($"/kayit/{OcrSiteFixture.Draft}?ara=incir", Ct)).StatusCode);

        Assert.Contains($"href=\"/kayit/{OcrSiteFixture.Letter}/metin\"", page);
        var search = await fixture.Site.Client.GetStringAsync("/ara?q=zeytinya%C4%9F%C4%B1", Ct);
        Assert.Contains($"href=\"/kayit/{OcrSiteFixture.Letter}?sayfa=2&amp;ara=zeytinya%C4%9F%C4%B1\"", search);
    }

    [Fact]
    public async Task The_text_of_the_scans_is_readable_page_by_page_and_says_it_is_a_machine_reading()
    {
        fixture.RequireRunning();
        var text = await fixture.Site.Client.GetStringAsync($"/kayit/{OcrSiteFixture.Letter}/metin", Ct);
        Assert.Contains("<h1>Taramaların metni: Vapura yükleme mektubu</h1>", text);
        Assert.Contains("id=\"sayfa-1\"", text);
        Assert.Contains("id=\"sayfa-2\"", text);
        Assert.Contains("Makine okuması (OCR)", text);
        Assert.Contains("zeytinyağı", text);
        Assert.Contains($"href=\"/kayit/{OcrSiteFixture.Letter}?sayfa=2#scans-heading\"", text);
        Assert.Contains("lang=\"tr\"", text);
        var english = await fixture.Site.Client.GetStringAsync($"/en/record/{OcrSiteFixture.Letter}/metin", Ct);
        Assert.Contains("Machine reading (OCR)", english);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Site.Client.GetAsync($"/kayit/{OcrSiteFixture.Draft}/metin", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Site.Client.GetAsync("/kayit/YOK-1/metin", Ct)).StatusCode);
    }

    private async Task<JsonElement> JsonAsync(string url)
    {
        using var response = await fixture.Site.Client.GetAsync(url, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode}\n{body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static (int X, int Y, int W, int H) Box(string target)
    {
        var parts = target.Split("#xywh=")[1].Split(',').Select(int.Parse).ToArray();
        return (parts[0], parts[1], parts[2], parts[3]);
    }
}
