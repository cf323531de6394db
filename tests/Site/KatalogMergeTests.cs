using System.Net;
using System.Text.Json;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Site.Accounts;
using static HafizaIzmir.Tests.Site.KatalogAdministrationSeed;

namespace HafizaIzmir.Tests.Site;

public class KatalogMergeTests
{
    [Fact]
    public async Task Merging_a_duplicate_moves_records_relations_and_donors_to_the_survivor_and_leaves_a_redirect()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SeedAsync);
        using var cataloguer = await KatalogBrowser.SignedInAsync(site, "katalogcu", Role.Cataloguer);
        // Before: the duplicate's variant finds only its own record.
        await EventuallyAsync(async () => Hits(await Json(site, "/api/search?q=Remzi+Efendi")).SequenceEqual(["SRR-0005"]), "the seeded index");

        var form = await cataloguer.Client.GetStringAsync($"/katalog/otoriteler/{Duplicate}/birlestir", Ct);
        Assert.Contains($"value=\"{Survivor}\"", form);
        Assert.Contains("<label for=\"aday-0\">Şerif Remzi Reyent 1890/1957", form);

        var merged = await cataloguer.SubmitAsync($"/katalog/otoriteler/{Duplicate}/birlestir", ("surum", "1"), ("hedef", Survivor), ("hedef", ""), ("neden", "Aynı kişi"));
        AssertRedirectTo(merged, $"/katalog/otoriteler/{Survivor}?durum=birlestirildi");

        var survivor = (await site.Archive.GetAuthorityAsync(Survivor, Ct))!;
        Assert.Equal(["Ş. Remzi Bey", "Remzi Efendi"], survivor.Value.Variants.Select(v => v.Name));
        Assert.Equal(EdtfDate.Parse("../1934"), survivor.Value.Variants[1].Period);
        Assert.Equal("Q6083960", survivor.Value.External.Wikidata);
        var loser = (await site.Archive.GetAuthorityAsync(Duplicate, Ct))!.Value;
        Assert.Equal(Survivor, loser.MergedInto);

        var postcard = (await site.Archive.GetRecordAsync("SRR-0005", Ct))!;
        Assert.Equal([Survivor, Kordon], postcard.Value.Authorities.Select(l => l.AuthorityId));
        Assert.Equal("creator", postcard.Value.Authorities[0].Role);
        Assert.Equal(WorkflowState.Published, postcard.Value.State);
        Assert.Equal(2, postcard.Version);
        var version = (await site.Archive.Repository.GetObjectAsync("record:SRR-0005", Ct))!.Versions[^1];
        Assert.Equal("katalogcu", version.User);
        Assert.StartsWith($"Birleştirme: Ş. Remzi Bey [{Duplicate}] → Şerif Remzi Reyent [{Survivor}]: Aynı kişi", version.Message);
        // Records that never named the duplicate are left alone.
        Assert.Equal(1, (await site.Archive.GetRecordAsync("SRR-0001", Ct))!.Version);

        Assert.Equal([new Relation(RelationType.FounderOf, Survivor, EdtfDate.Parse("1924"))], (await site.Archive.GetAuthorityAsync(Firm, Ct))!.Value.Relations);
        Assert.Equal([Survivor], (await site.Archive.GetAccessionAsync(KatalogAdministrationSeed.Accession, Ct))!.Value.Donors);

        // Public addresses of the duplicate answer 301 with the survivor, in both languages.
        using var browser = new KatalogBrowser(site);
        // The public pages read the browse data, which follows the journal: wait for the merge to reach it.
        await EventuallyAsync(async () => (await browser.Client.GetAsync($"/kisi/{Duplicate}", Ct)).Headers.Location?.ToString() == "/kisi/serif-remzi-reyent", "the public pages to see the merge");
        var tr = await browser.Client.GetAsync($"/kisi/{Duplicate}", Ct);
        Assert.Equal(HttpStatusCode.MovedPermanently, tr.StatusCode);
        Assert.Equal("/kisi/serif-remzi-reyent", tr.Headers.Location!.ToString());
        var en = await browser.Client.GetAsync($"/en/person/{Duplicate}", Ct);
        Assert.Equal(HttpStatusCode.MovedPermanently, en.StatusCode);
        Assert.Equal("/en/person/serif-remzi-reyent", en.Headers.Location!.ToString());

        // Search finds the survivor's records by the duplicate's names, and the API and OAI name only the survivor.
        await EventuallyAsync(async () => Hits(await Json(site, "/api/search?q=Remzi+Efendi")).Order().SequenceEqual(["SRR-0001", "SRR-0005"]), "search by the duplicate's variant");
        await EventuallyAsync(async () => Hits(await Json(site, $"/api/search?person={Survivor}")).Order().SequenceEqual(["SRR-0001", "SRR-0005"]), "the person facet moved to the survivor");
        var filtered = await browser.Client.GetAsync($"/api/search?q=mektup&person={Duplicate}&size=5", Ct);
        Assert.Equal(HttpStatusCode.MovedPermanently, filtered.StatusCode);
        Assert.Equal($"/api/search?q=mektup&person={Survivor}&size=5", filtered.Headers.Location!.ToString());
        var page = await browser.Client.GetAsync($"/ara?person={Duplicate}", Ct);
        Assert.Equal($"/ara?person={Survivor}", page.Headers.Location!.ToString());
        await EventuallyAsync(async () =>
        {
            var suggestions = (await Json(site, "/api/authorities?q=Remzi+Bey")).GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
            return suggestions.SequenceEqual([Survivor]);
        }, "autocomplete by the duplicate's name");
        var api = await site.Client.GetStringAsync("/api/records/SRR-0005", Ct);
        Assert.Contains(Survivor, api);
        Assert.DoesNotContain(Duplicate, api);
        await EventuallyAsync(async () =>
        {
            var edm = await site.Client.GetStringAsync("/oai?verb=GetRecord&identifier=oai:hafiza.izmir:SRR-0005&metadataPrefix=edm", Ct);
            return edm.Contains(Survivor, StringComparison.Ordinal) && !edm.Contains(Duplicate, StringComparison.Ordinal);
        }, "OAI naming the survivor");

        // The duplicate's catalogue page says where it went and offers no form; merging it again is refused.
        var katalogPage = await cataloguer.Client.GetStringAsync($"/katalog/otoriteler/{Duplicate}", Ct);
        Assert.Contains($"<a href=\"/katalog/otoriteler/{Survivor}\">Şerif Remzi Reyent</a> ile birleştirildi", katalogPage);
        Assert.DoesNotContain("name=\"ad\"", katalogPage);
        Assert.DoesNotContain(Duplicate, await cataloguer.Client.GetStringAsync("/katalog/otoriteler?q=remzi", Ct));
        var again = await cataloguer.SubmitAsync($"/katalog/otoriteler/{Duplicate}/birlestir", ("surum", "2"), ("hedef", Survivor));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task Merging_across_kinds_or_from_a_stale_page_changes_nothing()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SeedAsync);
        using var cataloguer = await KatalogBrowser.SignedInAsync(site, "katalogcu", Role.Cataloguer);
        var kinds = await cataloguer.SubmitAsync($"/katalog/otoriteler/{Duplicate}/birlestir", ("surum", "1"), ("hedef", Firm));
        Assert.Equal(HttpStatusCode.BadRequest, kinds.StatusCode);
        Assert.Contains("Yalnızca aynı türden otoriteler birleştirilir", await kinds.BodyAsync());

        var unknown = await cataloguer.SubmitAsync($"/katalog/otoriteler/{Duplicate}/birlestir", ("surum", "1"), ("hedef", "Hiç Kimse"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("&#x27;Hiç Kimse&#x27; adlı ya da kimlikli bir otorite yok.", await unknown.BodyAsync());

        var stale = await cataloguer.SubmitAsync($"/katalog/otoriteler/{Duplicate}/birlestir", ("surum", "7"), ("hedef", Survivor));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        Assert.Null((await site.Archive.GetAuthorityAsync(Duplicate, Ct))!.Value.MergedInto);
        Assert.Equal(1, await site.VersionOfAuthority(Survivor));
        Assert.Equal(1, (await site.Archive.GetRecordAsync("SRR-0005", Ct))!.Version);
    }

    private static async Task<JsonElement> Json(SiteHost site, string url)
    {
        using var doc = JsonDocument.Parse(await site.Client.GetStringAsync(url, Ct));
        return doc.RootElement.Clone();
    }

    private static IEnumerable<string> Hits(JsonElement result) =>
        result.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("identifier").GetString()!).ToList();
}
