using System.Text.Json;
using HafizaIzmir.Archive.Images;
using HafizaIzmir.Archive.Ingest;
using HafizaIzmir.Site.Demo;
using HafizaIzmir.Site.Hosting;

namespace HafizaIzmir.Tests.Site;

/// <summary>
/// The bundled demo collection imported with its scans (published), plus one draft imported unpublished,
/// served by the real host: one site for all the queries of <see cref="SearchDemoTests"/>.
/// </summary>
public sealed class DemoSite : IAsyncLifetime
{
    public const string DraftIdentifier = "SRR-S01-9999";
    private readonly TempDirectory _dir = new();
    public RunningSite Site { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var records = DemoScans.BundledRecords;
        var scans = _dir.Sub("scans");
        DemoScans.Create(records, scans);
        var draft = _dir.Sub("draft.csv");
        // A draft that would match several of the queries below, of a type and decade no published record has.
        await File.WriteAllTextAsync(draft,
            "identifier,parent,level,title,date,type,description,persons,places,axes\n" +
            $"{DraftIdentifier},SRR-S01,item,Kordon'daki gizli taslak film,1895,video,İzmir limanında taslak,Şerif Remzi Reyent,Kızlarağası Hanı,liman\n");
        Site = await RunningSite.StartAsync(new ArchiveOptions(_dir.Sub("data")), async archive =>
        {
            var importer = new Importer(archive, ImageFileProbe.Create());
            var demo = await importer.ImportAsync(new ImportRequest
            {
                AuthoritiesPath = Path.Combine(Path.GetDirectoryName(records)!, "authorities.csv"),
                RecordsPath = records,
                FilesDir = scans,
                Publish = true,
                User = "test",
            });
            Assert.True(demo.Succeeded, demo.Describe());
            var unpublished = await importer.ImportAsync(new ImportRequest { RecordsPath = draft, User = "test" });
            Assert.True(unpublished.Succeeded, unpublished.Describe());
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Site is not null) await Site.DisposeAsync();
        _dir.Dispose();
    }
}

public sealed class SearchDemoTests(DemoSite demo) : IClassFixture<DemoSite>
{
    private Task<JsonElement> Search(string query) => demo.Site.JsonAsync("/api/search?" + query);

    private static string Q(string text) => "q=" + Uri.EscapeDataString(text);

    private static IEnumerable<string> Texts(JsonElement result) =>
        result.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("title").GetString() + " " + h.GetProperty("snippet").GetString());

    private static IEnumerable<string> FacetIds(JsonElement result, string facet) =>
        result.GetProperty("facets").GetProperty(facet).EnumerateArray().Select(f => f.GetProperty("id").GetString()!);

    private async Task<string> AuthorityId(string name, string kind)
    {
        var results = (await demo.Site.JsonAsync($"/api/authorities?kind={kind}&q=" + Uri.EscapeDataString(name))).GetProperty("results");
        return results[0].GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Capitals_typed_without_Turkish_letters_find_Izmir()
    {
        var result = await Search(Q("IZMIR"));
        Assert.True(result.GetProperty("total").GetInt32() >= 5);
        Assert.Contains(Texts(result), t => t.Contains("<mark>İzmir", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_apostrophe_suffix_finds_the_place_and_its_records()
    {
        var result = await Search(Q("Kordon'daki"));
        Assert.True(result.GetProperty("total").GetInt32() >= 3);
        Assert.Contains(await AuthorityId("Kordon", "place"), FacetIds(result, "place"));
    }

    [Fact]
    public async Task Ascii_names_find_the_person_and_the_han()
    {
        var serif = await Search(Q("serif remzi"));
        Assert.Equal(await AuthorityId("Şerif Remzi Reyent", "person"), FacetIds(serif, "person").First());

        var han = await Search(Q("kizlaragasi hani"));
        var hanId = await AuthorityId("Kızlarağası Hanı", "place");
        var linked = await Search("place=" + hanId);
        var count = linked.GetProperty("total").GetInt32();
        Assert.True(count >= 2);
        // The records linked to the han come first.
        Assert.Equal(RunningSite.Identifiers(linked).Order(), RunningSite.Identifiers(han).Take(count).Order());
    }

    [Fact]
    public async Task A_decade_in_words_meets_the_dates()
    {
        var result = await Search(Q("1920'ler") + "&size=100");
        Assert.True(result.GetProperty("total").GetInt32() >= 5);
        foreach (var hit in result.GetProperty("hits").EnumerateArray().Take(5))
            Assert.StartsWith("192", hit.GetProperty("date").GetString());
    }

    [Fact]
    public async Task Filters_by_axis_and_years_and_pages_through_the_results()
    {
        var liman = await Search("axis=liman&size=100");
        Assert.InRange(liman.GetProperty("total").GetInt32(), 10, 100);
        Assert.All(liman.GetProperty("facets").GetProperty("axis").EnumerateArray().Where(a => a.GetProperty("id").GetString() == "liman"),
            a => Assert.Equal(liman.GetProperty("total").GetInt32(), a.GetProperty("count").GetInt32()));

        var years = await Search("from=1930&to=1935&size=100");
        Assert.InRange(years.GetProperty("total").GetInt32(), 1, 99);
        Assert.Contains("1930", FacetIds(years, "decade"));
        // Single dates lie inside the range; wider ones (the fonds, series) overlap it.
        foreach (var date in years.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("date").GetString()).OfType<string>().Where(d => !d.Contains('/')))
            Assert.InRange(int.Parse(date[..4], System.Globalization.CultureInfo.InvariantCulture), 1930, 1935);

        var all = RunningSite.Identifiers(await Search("size=100"));
        var paged = new List<string>();
        for (var page = 1; page <= 4; page++) paged.AddRange(RunningSite.Identifiers(await Search($"size=30&page={page}")));
        Assert.Equal(100, all.Count);
        Assert.Equal(all, paged.Take(100));
    }

    [Fact]
    public async Task The_draft_is_in_no_result_and_no_facet()
    {
        foreach (var query in new[] { "", Q("gizli taslak"), Q("Kordon'daki"), Q("kizlaragasi hani"), "axis=liman", "from=1890&to=1899", "type=video" })
        {
            var result = await Search(query + "&size=100");
            Assert.DoesNotContain(DemoSite.DraftIdentifier, RunningSite.Identifiers(result));
            Assert.DoesNotContain("video", FacetIds(result, "type"));
            Assert.DoesNotContain("1890", FacetIds(result, "decade"));
        }
        Assert.Equal(0, (await Search(Q("gizli taslak"))).GetProperty("total").GetInt32());
    }
}
