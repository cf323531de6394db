using HafizaIzmir.Oai.Protocol;
using HafizaIzmir.Oai.Source;
using static HafizaIzmir.Tests.Oai.OaiClient;

namespace HafizaIzmir.Tests.Oai;

/// <summary>Full harvests across resumption tokens, including records that change while the harvest runs.</summary>
public sealed class HarvestTests
{
    [Fact]
    public async Task A_full_harvest_pages_through_everything_once_with_cursor_and_size()
    {
        var client = new OaiClient(OaiTestData.Archive(), OaiTestData.Options(pageSize: 4));
        var seen = new List<string>();
        var d = await client.Get("verb=ListRecords&metadataPrefix=oai_dc");
        var cursors = new List<int>();
        while (true)
        {
            seen.AddRange(Identifiers(d));
            var token = Token(d);
            if (token is null) break;
            Assert.Equal("15", token.Attribute("completeListSize")!.Value);
            cursors.Add(int.Parse(token.Attribute("cursor")!.Value));
            if (token.Value.Length == 0) break;
            if (OaiSchemas.Shared is not null) OaiSchemas.AssertValid(d);
            d = await client.Get("verb=ListRecords&resumptionToken=" + Uri.EscapeDataString(token.Value));
        }
        Assert.Equal([0, 4, 8, 12], cursors);
        Assert.Equal(15, seen.Count);
        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.Equal("SRR", seen[0]);
        Assert.Equal("SRR-0050", seen[^1]);
        Assert.Empty(Token(d)!.Value); // the last page completes the list with an empty token
    }

    [Fact]
    public async Task A_list_that_fits_one_page_has_no_token()
    {
        var client = new OaiClient(OaiTestData.Archive());
        var d = await client.Get("verb=ListIdentifiers&metadataPrefix=edm");
        Assert.Equal(15, Identifiers(d).Count());
        Assert.Null(Token(d));
    }

    [Fact]
    public async Task A_record_that_changes_mid_harvest_is_not_skipped_and_comes_again_later()
    {
        var source = OaiTestData.Archive();
        var client = new OaiClient(source, OaiTestData.Options(pageSize: 5));
        var first = await client.Get("verb=ListIdentifiers&metadataPrefix=oai_dc");
        var seen = Identifiers(first).ToList();
        Assert.Equal(["SRR", "SRR-S01", "SRR-0001", "SRR-0002", "SRR-0003"], seen);

        // While the harvester holds its token, an already delivered record and a not yet delivered one change.
        var changedAt = OaiTestData.T0.AddHours(2);
        source.Put(OaiTestData.Item(OaiTestData.Letter("SRR-0002", r => r with { Extent = "3 yaprak" }), changedAt));
        source.Put(OaiTestData.Item(OaiTestData.Letter("SRR-0007", r => r with { Extent = "4 yaprak" }), changedAt));

        var token = Token(first)!.Value;
        while (token.Length > 0)
        {
            var page = await client.Get("verb=ListIdentifiers&resumptionToken=" + Uri.EscapeDataString(token));
            seen.AddRange(Identifiers(page));
            token = Token(page)!.Value;
        }
        Assert.Equal(1, seen.Count(id => id == "SRR-0007")); // moved ahead of the position: delivered once, later
        Assert.Equal(2, seen.Count(id => id == "SRR-0002")); // changed after delivery: delivered again
        Assert.Equal(["SRR-0002", "SRR-0007"], seen.TakeLast(2));
        var expected = new[] { "SRR", "SRR-S01", "SRR-0050" }.Concat(Enumerable.Range(1, 12).Select(i => $"SRR-{i:0000}"));
        Assert.All(expected, id => Assert.Contains(id, seen));
    }

    [Fact]
    public async Task Records_saved_in_the_current_second_wait_for_the_next_second()
    {
        var source = OaiTestData.Archive();
        var client = new OaiClient(source);
        var now = client.Clock.Now;
        source.Put(OaiTestData.Item(OaiTestData.Letter("SRR-0200"), now));
        Assert.DoesNotContain("SRR-0200", Identifiers(await client.Get("verb=ListIdentifiers&metadataPrefix=oai_dc")));
        client.Clock.Now = now.AddSeconds(1);
        Assert.Contains("SRR-0200", Identifiers(await client.Get("verb=ListIdentifiers&metadataPrefix=oai_dc")));
    }

    [Fact]
    public async Task The_token_keeps_from_until_set_and_prefix()
    {
        var client = new OaiClient(OaiTestData.Archive(), OaiTestData.Options(pageSize: 2));
        var first = await client.Get("verb=ListRecords&metadataPrefix=edm&set=fonds:SRR:series:SRR-S01&from=2024-03-01T10:03:00Z&until=2024-03-01T10:08:00Z");
        var ids = Identifiers(first).ToList();
        var token = Token(first)!;
        Assert.Equal("6", token.Attribute("completeListSize")!.Value);
        var d = first;
        while (Token(d)!.Value.Length > 0)
        {
            d = await client.Get("verb=ListRecords&resumptionToken=" + Uri.EscapeDataString(Token(d)!.Value));
            ids.AddRange(Identifiers(d));
            XNamespaceAssert.HasEdm(d);
        }
        Assert.Equal(["SRR-0002", "SRR-0003", "SRR-0004", "SRR-0005", "SRR-0006", "SRR-0007"], ids);
    }

    [Fact]
    public async Task A_tampered_or_foreign_token_is_a_bad_resumption_token()
    {
        var client = new OaiClient(OaiTestData.Archive(), OaiTestData.Options(pageSize: 3));
        var token = Token(await client.Get("verb=ListRecords&metadataPrefix=oai_dc"))!.Value;
        var codec = new ResumptionTokenCodec("test-key");
        Assert.True(codec.TryDecode(token, out var decoded, out _));

        var forged = codec.Encode(decoded!); // same key: accepted
        Assert.Null(ErrorCode(await client.Get("verb=ListRecords&resumptionToken=" + Uri.EscapeDataString(forged))));

        var otherKey = new ResumptionTokenCodec("another-key").Encode(decoded! with { Cursor = 0 });
        var flipped = token[..5] + (token[5] == 'A' ? 'B' : 'A') + token[6..];
        var moved = new ResumptionTokenCodec("test-key").Encode(decoded! with { After = new OaiPosition(decoded!.After.Datestamp, "ZZZ") });
        var payload = token[..token.IndexOf('.')];
        var spliced = moved[..moved.IndexOf('.')] + token[token.IndexOf('.')..];
        foreach (var bad in new[] { otherKey, flipped, spliced, payload, token + "x", "" + token.Replace('.', '!') })
        {
            var d = await client.Get("verb=ListRecords&resumptionToken=" + Uri.EscapeDataString(bad));
            Assert.Equal("badResumptionToken", ErrorCode(d));
        }
        var wrongVerb = await client.Get("verb=ListIdentifiers&resumptionToken=" + Uri.EscapeDataString(token));
        Assert.Equal("badResumptionToken", ErrorCode(wrongVerb));
    }
}

internal static class XNamespaceAssert
{
    public static void HasEdm(System.Xml.Linq.XDocument d)
    {
        System.Xml.Linq.XNamespace edm = "http://www.europeana.eu/schemas/edm/";
        Assert.NotEmpty(d.Descendants(edm + "ProvidedCHO"));
    }
}
