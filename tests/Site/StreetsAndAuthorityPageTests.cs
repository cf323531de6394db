using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HafizaIzmir.Tests.Site;

/// <summary>The street inventory, slug addresses and the authority pages' timeline, map and schema.org data.</summary>
public sealed partial class StreetsAndAuthorityPageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_street_list_shows_every_street_with_its_former_names_and_periods_but_no_other_places()
    {
        await using var site = await BrowseSite.StartAsync();
        var tr = await site.Client.GetStringAsync("/sokaklar", Ct);
        Assert.Contains("<h1>Zaman içinde sokaklar</h1>", tr);
        Assert.Contains("<a href=\"/mekan/gazi-bulvari\">Gazi Bulvarı</a>", tr);
        Assert.Contains("<a href=\"/mekan/gul-sokak\">Gül Sokak</a>", tr);
        Assert.Contains("Kızlarağası Caddesi", tr);
        Assert.Contains("Rue des Roses", tr);
        Assert.Contains("href=\"/mekan/gazi-bulvari#harita\"", tr);           // the street has coordinates
        Assert.DoesNotContain("href=\"/mekan/gul-sokak#harita\"", tr);        // this one has none
        Assert.Contains("<a href=\"/mekan/alsancak\">Alsancak</a>", tr);      // the district
        Assert.DoesNotContain("Kızlarağası Hanı", tr);                        // a han, not a street
        Assert.Contains("href=\"/ara?place=mekan-gazi-bulvari\"", tr);        // its one published record
        Assert.Contains("2 sokak ve cadde", tr);

        var en = await site.Client.GetStringAsync("/en/streets", Ct);
        Assert.Contains("<html lang=\"en\">", en);
        Assert.Contains("<h1>Streets through time</h1>", en);
        Assert.Contains("<a href=\"/en/place/gazi-bulvari\">Gazi Bulvarı</a>", en);
        Assert.Contains("href=\"/sokaklar\" hreflang=\"tr\"", en);
    }

    [Theory]
    [InlineData("/sokaklar?q=kizlaragasi", "Eşleşen ad")]
    [InlineData("/sokaklar?q=KIZLARAĞASI", "Eşleşen ad")]
    [InlineData("/en/streets?q=kızlar%20cad", "Matching name")]
    public async Task A_street_is_found_by_a_historical_name_typed_without_turkish_letters(string url, string matchedLabel)
    {
        await using var site = await BrowseSite.StartAsync();
        var html = await site.Client.GetStringAsync(url, Ct);
        Assert.Contains("Gazi Bulvarı</a>", html);
        Assert.Contains($"{matchedLabel}: <mark>Kızlarağası Caddesi</mark>", html);
        Assert.DoesNotContain("Gül Sokak", html);
        Assert.DoesNotContain("Kızlarağası Hanı", html);
    }

    [Fact]
    public async Task A_search_for_a_name_no_street_had_lists_nothing()
    {
        await using var site = await BrowseSite.StartAsync();
        var html = await site.Client.GetStringAsync("/sokaklar?q=punta", Ct);   // Punta is the district's old name, not a street's
        Assert.Contains("“punta” için 0 sokak", html);
        Assert.DoesNotContain("class=\"street\"", html);
    }

    [Theory]
    [InlineData("/kisi/kisi-serif-remzi-reyent", "/kisi/serif-remzi-reyent")]     // the identifier
    [InlineData("/kisi/remzi-reyent", "/kisi/serif-remzi-reyent")]                // the name before the rename
    [InlineData("/en/person/kisi-serif-remzi-reyent", "/en/person/serif-remzi-reyent")]
    [InlineData("/mekan/punta", "/mekan/alsancak")]                               // a historical name of the place
    [InlineData("/en/place/mekan-gazi-bulvari", "/en/place/gazi-bulvari")]
    public async Task Other_addresses_of_an_authority_redirect_permanently_to_the_slug_of_its_current_name(string from, string to)
    {
        await using var site = await BrowseSite.StartAsync();
        using var response = await site.Client.GetAsync(from, Ct);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(to, response.Headers.Location?.OriginalString);
        using var target = await site.Client.GetAsync(to, Ct);
        Assert.Equal(HttpStatusCode.OK, target.StatusCode);
    }

    [Theory]
    [InlineData("/kurum/serif-remzi-reyent")]
    [InlineData("/mekan/serif-remzi-reyent")]
    [InlineData("/kisi/yok")]
    [InlineData("/kisi/gazi-bulvari")]
    public async Task An_address_of_the_wrong_kind_or_unknown_is_a_404(string url)
    {
        await using var site = await BrowseSite.StartAsync();
        using var response = await site.Client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_person_page_puts_published_records_on_a_timeline_by_decade_without_drafts()
    {
        await using var site = await BrowseSite.StartAsync();
        var html = await site.Client.GetStringAsync("/kisi/serif-remzi-reyent", Ct);
        Assert.Contains("<h1>Şerif Remzi Reyent</h1>", html);
        Assert.Contains("Kayıtlar zaman çizelgesinde", html);
        Assert.Contains("<h3 id=\"d1920\">1920&#x27;ler", html);
        Assert.Contains("href=\"/kayit/SRR-0001\"", html);
        Assert.Contains("href=\"/kayit/SRR-0005\"", html);
        Assert.Contains("2 kayıt", html);
        Assert.DoesNotContain("SRR-0007", html);
        Assert.DoesNotContain("Gizli taslak", html);
        Assert.DoesNotContain("d1940", html);
        Assert.Contains("href=\"https://www.wikidata.org/wiki/Q2000\"", html);
        Assert.Contains("href=\"https://viaf.org/viaf/123\"", html);
        // The scanned photograph's thumbnail, through IIIF, with alternative text.
        Assert.Matches("<img class=\"thumb\" src=\"/iiif/3/SRR-0005~1/full/400,/0/default.jpg\" alt=\"[^\"]*Gazi Bulvarı", html);

        var english = await site.Client.GetStringAsync("/en/person/serif-remzi-reyent", Ct);
        Assert.Contains("Records on a timeline", english);
        Assert.Contains("href=\"/en/record/SRR-0005\"", english);
        Assert.Contains("1920s", english);
    }

    [Fact]
    public async Task Authority_pages_describe_themselves_in_json_ld_and_open_graph()
    {
        await using var site = await BrowseSite.StartAsync();
        var person = await site.Client.GetStringAsync("/kisi/serif-remzi-reyent", Ct);
        using (var doc = JsonDocument.Parse(JsonLd(person)))
        {
            var root = doc.RootElement;
            Assert.Equal("Person", root.GetProperty("@type").GetString());
            Assert.Equal("http://localhost/kisi/serif-remzi-reyent", root.GetProperty("url").GetString());
            Assert.Equal("1890", root.GetProperty("birthDate").GetString());
            Assert.Equal("1957", root.GetProperty("deathDate").GetString());
            Assert.Contains("http://www.wikidata.org/entity/Q2000", root.GetProperty("sameAs").EnumerateArray().Select(e => e.GetString()));
        }
        Assert.Contains("<meta property=\"og:type\" content=\"profile\">", person);
        Assert.Contains("<meta property=\"og:locale\" content=\"tr_TR\">", person);
        Assert.Contains("<meta property=\"og:url\" content=\"http://localhost/kisi/serif-remzi-reyent\">", person);
        Assert.Contains("<meta property=\"og:image\" content=\"http://localhost/iiif/3/SRR-0005~1/full/400,/0/default.jpg\">", person);

        var place = await site.Client.GetStringAsync("/en/place/gazi-bulvari", Ct);
        using (var doc = JsonDocument.Parse(JsonLd(place)))
        {
            var root = doc.RootElement;
            Assert.Equal("Place", root.GetProperty("@type").GetString());
            Assert.Equal(38.426, root.GetProperty("geo").GetProperty("latitude").GetDouble(), 3);
            Assert.Equal("http://localhost/mekan/alsancak", root.GetProperty("containedInPlace").GetProperty("@id").GetString());
            Assert.Contains("Kızlarağası Caddesi", root.GetProperty("alternateName").EnumerateArray().Select(e => e.GetString()));
        }
        Assert.Contains("<meta property=\"og:locale\" content=\"en_GB\">", place);
    }

    [Fact]
    public async Task A_place_page_shows_its_coordinates_as_text_and_a_leaflet_map_whose_tiles_the_policy_admits()
    {
        await using var site = await BrowseSite.StartAsync();
        using var response = await site.Client.GetAsync("/mekan/gazi-bulvari", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("38.4260° K, 27.1390° D", html);
        Assert.Contains("data-place-map data-lat=\"38.426\" data-lon=\"27.139\"", html);
        Assert.Contains($"data-tiles=\"{BrowseSite.TileUrl}\"", html);
        Assert.Contains("<script src=\"/assets/leaflet/leaflet.js\" defer></script>", html);
        Assert.Contains("<script src=\"/assets/map.js\" defer></script>", html);
        Assert.Contains("img-src 'self' data: https://tiles.example.org;", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("Bulunduğu yer: <a href=\"/mekan/alsancak\">Alsancak</a>", html);

        var district = await site.Client.GetStringAsync("/mekan/alsancak", Ct);
        Assert.Contains("<a href=\"/mekan/gazi-bulvari\">Gazi Bulvarı</a>", district);   // the places within it
        Assert.Contains("href=\"https://www.geonames.org/315000\"", district);

        var street = await site.Client.GetStringAsync("/mekan/gul-sokak", Ct);
        Assert.Contains("Bu yerin koordinatları henüz girilmedi.", street);
        Assert.DoesNotContain("leaflet.js", street);
    }

    [Fact]
    public async Task Without_a_tile_server_configured_the_place_page_keeps_its_coordinates_and_loads_no_map()
    {
        await using var site = await BrowseSite.StartAsync(withTiles: false);
        using var response = await site.Client.GetAsync("/mekan/gazi-bulvari", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("38.4260° K, 27.1390° D", html);
        Assert.DoesNotContain("data-place-map", html);
        Assert.DoesNotContain("leaflet", html);
        Assert.Contains("img-src 'self' data:;", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Leaflet_is_served_with_its_licence()
    {
        await using var site = await BrowseSite.StartAsync();
        var assets = Path.Combine(AppContext.BaseDirectory, "assets", "leaflet");
        if (!File.Exists(Path.Combine(assets, "leaflet.js"))) Assert.Skip("Leaflet is not installed (scripts/viewer-assets.sh installs it)");
        using var script = await site.Client.GetAsync("/assets/leaflet/leaflet.js", Ct);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        var licence = await site.Client.GetStringAsync("/assets/leaflet/LICENSE.txt", Ct);
        Assert.Contains("Agafonkin", licence);
    }

    private static string JsonLd(string html)
    {
        var match = JsonLdPattern().Match(html);
        Assert.True(match.Success, "the page has a JSON-LD block");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLdPattern();
}
