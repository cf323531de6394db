using System.Diagnostics;
using System.Net;
using System.Text.Json;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Site.Hosting;
using Record = HafizaIzmir.Archive.Domain.Record;

namespace HafizaIzmir.Tests.Site;

/// <summary><c>/api/search</c> and <c>/api/authorities</c> on the real host, as the contract describes them.</summary>
public sealed class SearchApiTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<RunningSite> StartAsync() => RunningSite.StartAsync(new ArchiveOptions(_dir.Sub("data")), SiteHost.SeedSamplesAsync);

    [Fact]
    public async Task A_search_answers_in_the_contract_shape_with_escaped_snippets_and_only_published_records()
    {
        await using var site = await StartAsync();
        var result = await site.JsonAsync("/api/search?q=Kordon%27daki");

        Assert.Equal(["total", "page", "size", "hits", "facets"], result.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, result.GetProperty("total").GetInt32());
        Assert.Equal(1, result.GetProperty("page").GetInt32());
        Assert.Equal(20, result.GetProperty("size").GetInt32());
        var hit = result.GetProperty("hits")[0];
        Assert.Equal(["identifier", "title", "date", "snippet", "url"], hit.EnumerateObject().Select(p => p.Name));
        Assert.Equal("SRR-0001", hit.GetProperty("identifier").GetString());
        Assert.Equal("İncir ihracatına dair mektup", hit.GetProperty("title").GetString());
        Assert.Equal("1923-05-12", hit.GetProperty("date").GetString());
        Assert.Equal("/kayit/SRR-0001", hit.GetProperty("url").GetString());
        var snippet = hit.GetProperty("snippet").GetString()!;
        Assert.Contains("<mark>Kordon&#39;daki</mark>", snippet.Replace("&#x27;", "&#39;", StringComparison.Ordinal));
        Assert.Contains("&lt;gönderilmiş&gt;", snippet);
        Assert.Equal(snippet.Replace("<mark>", "").Replace("</mark>", ""), snippet.Replace("<mark>", "").Replace("</mark>", "").Replace("<", "").Replace(">", ""));

        var facets = result.GetProperty("facets");
        foreach (var key in new[] { "person", "institution", "place", "axis", "type", "decade" })
            Assert.Equal(JsonValueKind.Array, facets.GetProperty(key).ValueKind);
        var person = facets.GetProperty("person")[0];
        Assert.Equal("kisi-serif-remzi-reyent", person.GetProperty("id").GetString());
        Assert.Equal("Şerif Remzi Reyent", person.GetProperty("label").GetString());
        Assert.Equal(1, person.GetProperty("count").GetInt32());

        // Without words: every published record of every level, and none of the others.
        var all = await site.JsonAsync("/api/search");
        Assert.Equal(["SRR", "SRR-0001"], RunningSite.Identifiers(all));
        foreach (var hidden in new[] { "taslak", "incelemedeki", "çekilmiş" })
            Assert.Equal(0, (await site.JsonAsync("/api/search?q=" + Uri.EscapeDataString(hidden))).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("size=-5", "size")]
    [InlineData("size=1e3", "size")]
    [InlineData("from=19x0", "from")]
    [InlineData("from=1930&to=1920", "to")]
    [InlineData("to=99999", "to")]
    [InlineData("axis=deniz", "axis")]
    [InlineData("type=painting", "type")]
    [InlineData("sort=random", "sort")]
    [InlineData("person=%3Cscript%3E", "person")]
    [InlineData("place=a&place=b", "place")]
    [InlineData("decade=onlar", "decade")]
    public async Task A_bad_parameter_is_a_400_problem_naming_it(string query, string parameter)
    {
        await using var site = await StartAsync();
        using var response = await site.Client.GetAsync("/api/search?" + query, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(parameter, problem.RootElement.GetProperty("parameter").GetString());
        Assert.Contains($"'{parameter}'", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Filters_years_paging_and_size_cap()
    {
        await using var site = await StartAsync();
        Assert.Equal(["SRR-0001"], RunningSite.Identifiers(await site.JsonAsync("/api/search?person=kisi-serif-remzi-reyent")));
        Assert.Equal(["SRR-0001"], RunningSite.Identifiers(await site.JsonAsync("/api/search?type=text&from=1923&to=1923")));
        Assert.Equal(0, (await site.JsonAsync("/api/search?from=1960")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await site.JsonAsync("/api/search?axis=liman")).GetProperty("total").GetInt32());

        var second = await site.JsonAsync("/api/search?size=1&page=2");
        Assert.Equal(2, second.GetProperty("total").GetInt32());
        Assert.Equal(["SRR-0001"], RunningSite.Identifiers(second));
        Assert.Equal(100, (await site.JsonAsync("/api/search?size=5000")).GetProperty("size").GetInt32());
    }

    [Fact]
    public async Task A_record_published_through_the_archive_is_searchable_within_two_seconds()
    {
        await using var site = await StartAsync();
        var record = SampleRecords.Make("SRR-0042", Level.Item, "Zeytinyağı fıçılarının konşimentosu", "SRR", date: "1927");
        var clock = Stopwatch.StartNew();
        await site.Archive.SaveRecordAsync(record, [], null, new CommitInfo("test", "publish"), Ct);
        var found = false;
        while (!found && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            found = RunningSite.Identifiers(await site.JsonAsync("/api/search?q=zeytinyagi")).Contains("SRR-0042");
            if (!found) await Task.Delay(50, Ct);
        }
        clock.Stop();
        Assert.True(found, "the published record never became searchable");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"searchable only after {clock.Elapsed.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task Authorities_autocomplete_by_prefix_and_folded_variant_names()
    {
        var alsancak = new Place { Id = "yer-alsancak", Name = "Alsancak", Dates = EdtfDate.Parse("1850/.."), Variants = [new AuthorityName("Punta", EdtfDate.Parse("../1930"))] };
        await using var site = await RunningSite.StartAsync(new ArchiveOptions(_dir.Sub("data")), async archive =>
        {
            await SiteHost.SeedSamplesAsync(archive);
            await archive.SaveAuthorityAsync(alsancak, null, new CommitInfo("test", "seed"));
        });

        var reyent = (await site.JsonAsync("/api/authorities?q=SERIF%20rem")).GetProperty("results");
        Assert.Equal("kisi-serif-remzi-reyent", reyent[0].GetProperty("id").GetString());
        Assert.Equal("person", reyent[0].GetProperty("kind").GetString());
        Assert.Equal("1890/1957", reyent[0].GetProperty("dates").GetString());
        Assert.Equal(JsonValueKind.Null, reyent[0].GetProperty("matched").ValueKind);
        Assert.Equal(1, (await site.JsonAsync("/api/authorities?q=remz")).GetProperty("results").GetArrayLength()); // a later word

        var punta = (await site.JsonAsync("/api/authorities?q=pun&kind=place")).GetProperty("results");
        Assert.Equal("Alsancak", punta[0].GetProperty("name").GetString());
        Assert.Equal("Punta", punta[0].GetProperty("matched").GetString());
        Assert.Equal(0, (await site.JsonAsync("/api/authorities?q=pun&kind=person")).GetProperty("results").GetArrayLength());

        using var missing = await site.Client.GetAsync("/api/authorities?kind=place", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        using var badKind = await site.Client.GetAsync("/api/authorities?q=a&kind=ship", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
    }
}
