using static HafizaIzmir.Tests.Oai.OaiClient;

namespace HafizaIzmir.Tests.Oai;

/// <summary>from/until are inclusive to the second; a day covers its whole 24 hours; sets include their subsets.</summary>
public sealed class SelectiveHarvestTests
{
    private readonly OaiClient _client = new(OaiTestData.Archive());

    private async Task<List<string>> Ids(string query) => Identifiers(await _client.Get("verb=ListIdentifiers&metadataPrefix=oai_dc&" + query)).ToList();

    [Fact]
    public async Task From_and_until_are_inclusive_at_the_exact_second()
    {
        // SRR-0003 has datestamp 10:04:00, SRR-0004 10:05:00.
        Assert.Equal(["SRR-0003", "SRR-0004"], await Ids("from=2024-03-01T10:04:00Z&until=2024-03-01T10:05:00Z"));
        Assert.Equal(["SRR-0004"], await Ids("from=2024-03-01T10:04:01Z&until=2024-03-01T10:05:00Z"));
        Assert.Equal(["SRR-0003"], await Ids("from=2024-03-01T10:04:00Z&until=2024-03-01T10:04:59Z"));
        Assert.Equal(["SRR-0003"], await Ids("from=2024-03-01T10:04:00Z&until=2024-03-01T10:04:00Z"));
    }

    [Fact]
    public async Task Records_in_the_same_second_are_ordered_by_identifier_and_both_match()
    {
        Assert.Equal(["SRR-0011", "SRR-0012"], await Ids("from=2024-03-01T10:12:00Z&until=2024-03-01T10:12:00Z"));
    }

    [Fact]
    public async Task A_day_covers_the_whole_day()
    {
        var all = await Ids("from=2024-03-01&until=2024-03-01");
        Assert.Equal(15, all.Count); // fonds, series, 12 letters, the withdrawn one
        Assert.Equal(all, await Ids("until=2024-03-01"));
        Assert.Equal(all, await Ids("from=2024-03-01"));
        Assert.Equal("noRecordsMatch", ErrorCode(await _client.Get("verb=ListIdentifiers&metadataPrefix=oai_dc&from=2024-03-02")));
        Assert.Equal("noRecordsMatch", ErrorCode(await _client.Get("verb=ListIdentifiers&metadataPrefix=oai_dc&until=2024-02-29")));
    }

    [Fact]
    public async Task Sets_select_their_members_and_a_fonds_includes_its_series()
    {
        var fonds = await Ids("set=fonds:SRR");
        Assert.Contains("SRR", fonds);
        Assert.Contains("SRR-S01", fonds);
        Assert.Contains("SRR-0001", fonds);
        var series = await Ids("set=fonds:SRR:series:SRR-S01");
        Assert.DoesNotContain("SRR", series);
        Assert.Contains("SRR-S01", series);
        Assert.Contains("SRR-0012", series);
        var liman = await Ids("set=eksen:liman");
        Assert.DoesNotContain("SRR", liman);
        Assert.Contains("SRR-0005", liman);
        Assert.Equal("noRecordsMatch", ErrorCode(await _client.Get("verb=ListIdentifiers&metadataPrefix=oai_dc&set=fonds:SR")));
    }

    [Fact]
    public async Task The_europeana_set_holds_only_chosen_records_that_pass_the_readiness_check()
    {
        var europeana = await Ids("set=europeana");
        Assert.Contains("SRR-0001", europeana);
        Assert.DoesNotContain("SRR", europeana); // not chosen for Europeana
    }
}
