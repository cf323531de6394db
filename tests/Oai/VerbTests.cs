using System.Xml.Linq;
using static HafizaIzmir.Tests.Oai.OaiClient;

namespace HafizaIzmir.Tests.Oai;

public sealed class VerbTests
{
    private readonly OaiClient _client = new(OaiTestData.Archive());

    [Fact]
    public async Task Identify_describes_the_repository()
    {
        var d = await _client.Get("verb=Identify");
        var identify = d.Root!.Element(OaiNs + "Identify")!;
        Assert.Equal("persistent", identify.Element(OaiNs + "deletedRecord")!.Value);
        Assert.Equal("YYYY-MM-DDThh:mm:ssZ", identify.Element(OaiNs + "granularity")!.Value);
        Assert.Equal("2024-03-01T10:00:00Z", identify.Element(OaiNs + "earliestDatestamp")!.Value);
        Assert.Equal(OaiTestData.BaseUrl, identify.Element(OaiNs + "baseURL")!.Value);
        Assert.Equal("arsiv@hafiza.example.org", identify.Element(OaiNs + "adminEmail")!.Value);
        XNamespace id = "http://www.openarchives.org/OAI/2.0/oai-identifier";
        Assert.Equal("hafiza.izmir", identify.Descendants(id + "repositoryIdentifier").Single().Value);
        Assert.Equal("Identify", d.Root.Element(OaiNs + "request")!.Attribute("verb")!.Value);
    }

    [Fact]
    public async Task ListMetadataFormats_offers_oai_dc_and_edm()
    {
        var d = await _client.Get("verb=ListMetadataFormats");
        var prefixes = d.Descendants(OaiNs + "metadataPrefix").Select(e => e.Value).ToList();
        Assert.Equal(["oai_dc", "edm"], prefixes);
        var forItem = await _client.Get("verb=ListMetadataFormats&identifier=oai:hafiza.izmir:SRR-0001");
        Assert.Equal(2, forItem.Descendants(OaiNs + "metadataFormat").Count());
    }

    [Fact]
    public async Task ListSets_gives_the_fonds_series_hierarchy_axes_and_europeana()
    {
        var d = await _client.Get("verb=ListSets");
        var specs = d.Descendants(OaiNs + "setSpec").Select(e => e.Value).ToList();
        Assert.Contains("fonds:SRR", specs);
        Assert.Contains("fonds:SRR:series:SRR-S01", specs);
        Assert.Contains("eksen:liman", specs);
        Assert.Contains("eksen:ticaret", specs);
        Assert.Contains("europeana", specs);
        var seriesName = d.Descendants(OaiNs + "set").Single(s => s.Element(OaiNs + "setSpec")!.Value == "fonds:SRR:series:SRR-S01");
        Assert.Contains("Mektuplar", seriesName.Element(OaiNs + "setName")!.Value);
    }

    [Fact]
    public async Task GetRecord_returns_header_and_metadata_in_both_formats()
    {
        var dc = await _client.Get("verb=GetRecord&identifier=oai:hafiza.izmir:SRR-0003&metadataPrefix=oai_dc");
        var header = dc.Descendants(OaiNs + "header").Single();
        Assert.Equal("oai:hafiza.izmir:SRR-0003", header.Element(OaiNs + "identifier")!.Value);
        Assert.Equal("2024-03-01T10:04:00Z", header.Element(OaiNs + "datestamp")!.Value);
        Assert.Contains("fonds:SRR:series:SRR-S01", header.Elements(OaiNs + "setSpec").Select(e => e.Value));
        XNamespace dcNs = "http://purl.org/dc/elements/1.1/";
        Assert.Contains("Reyent'ten mektup SRR-0003", dc.Descendants(dcNs + "title").Select(e => e.Value));

        var edm = await _client.Get("verb=GetRecord&identifier=oai:hafiza.izmir:SRR-0003&metadataPrefix=edm");
        XNamespace edmNs = "http://www.europeana.eu/schemas/edm/";
        Assert.Single(edm.Descendants(edmNs + "ProvidedCHO"));
    }

    [Fact]
    public async Task Drafts_and_records_in_review_are_invisible()
    {
        foreach (var id in new[] { "SRR-0098", "SRR-0097" })
        {
            var d = await _client.Get($"verb=GetRecord&identifier=oai:hafiza.izmir:{id}&metadataPrefix=oai_dc");
            Assert.Equal("idDoesNotExist", ErrorCode(d));
        }
        var all = await _client.Get("verb=ListIdentifiers&metadataPrefix=oai_dc");
        Assert.DoesNotContain("SRR-0098", Identifiers(all));
        Assert.DoesNotContain("SRR-0097", Identifiers(all));
    }

    [Fact]
    public async Task A_withdrawn_record_is_a_deleted_header_without_metadata()
    {
        var d = await _client.Get("verb=GetRecord&identifier=oai:hafiza.izmir:SRR-0050&metadataPrefix=edm");
        var record = d.Descendants(OaiNs + "record").Single();
        Assert.Equal("deleted", record.Element(OaiNs + "header")!.Attribute("status")!.Value);
        Assert.Null(record.Element(OaiNs + "metadata"));

        var list = await _client.Get("verb=ListRecords&metadataPrefix=oai_dc&from=2024-03-01T10:40:00Z");
        var only = list.Descendants(OaiNs + "record").Single();
        Assert.Equal("deleted", only.Element(OaiNs + "header")!.Attribute("status")!.Value);
        Assert.Null(only.Element(OaiNs + "metadata"));
    }

    [Fact]
    public async Task Post_form_body_gets_the_same_answer_as_the_query_string()
    {
        var source = OaiTestData.Archive();
        var client = new OaiClient(source);
        var get = await client.Raw(HafizaIzmir.Oai.Protocol.OaiArguments.Parse("?verb=ListRecords&metadataPrefix=oai_dc&set=fonds%3ASRR&from=2024-03-01"));
        var post = await client.Raw(HafizaIzmir.Oai.Protocol.OaiArguments.Parse("verb=ListRecords&metadataPrefix=oai_dc&set=fonds:SRR&from=2024-03-01"));
        Assert.Equal(get, post);
        Assert.Contains("<ListRecords>", get);
    }
}
