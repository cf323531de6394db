using static HafizaIzmir.Tests.Oai.OaiClient;

namespace HafizaIzmir.Tests.Oai;

public sealed class ErrorTests
{
    private readonly OaiClient _client = new(OaiTestData.Archive());

    [Theory]
    [InlineData("", "badVerb")]
    [InlineData("verb=Frobnicate", "badVerb")]
    [InlineData("verb=Identify&verb=Identify", "badVerb")]
    [InlineData("verb=Identify&extra=1", "badArgument")]
    [InlineData("verb=ListRecords", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=edm", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&from=", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&from=2024-13-01", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&from=2024-03-01T10:00:00", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&from=2024-03-01&until=2024-03-02T00:00:00Z", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&from=2024-03-02&until=2024-03-01", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&set=bad%20set", "badArgument")]
    [InlineData("verb=ListIdentifiers&metadataPrefix=oai_dc&resumptionToken=abc", "badArgument")]
    [InlineData("verb=GetRecord&identifier=oai:hafiza.izmir:SRR-0001", "badArgument")]
    [InlineData("verb=GetRecord&metadataPrefix=oai_dc", "badArgument")]
    [InlineData("verb=ListSets&set=fonds:SRR", "badArgument")]
    [InlineData("verb=ListIdentifiers&resumptionToken=not-a-token", "badResumptionToken")]
    [InlineData("verb=ListSets&resumptionToken=anything", "badResumptionToken")]
    [InlineData("verb=ListRecords&metadataPrefix=marc21", "cannotDisseminateFormat")]
    [InlineData("verb=GetRecord&identifier=oai:hafiza.izmir:SRR-0001&metadataPrefix=mods", "cannotDisseminateFormat")]
    [InlineData("verb=GetRecord&identifier=oai:hafiza.izmir:NOPE&metadataPrefix=oai_dc", "idDoesNotExist")]
    [InlineData("verb=GetRecord&identifier=oai:other.repo:SRR-0001&metadataPrefix=oai_dc", "idDoesNotExist")]
    [InlineData("verb=ListMetadataFormats&identifier=oai:hafiza.izmir:NOPE", "idDoesNotExist")]
    [InlineData("verb=ListMetadataFormats&identifier=oai:hafiza.izmir:SRR-0050", "noMetadataFormats")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&from=2030-01-01", "noRecordsMatch")]
    [InlineData("verb=ListIdentifiers&metadataPrefix=edm&set=eksen:yaraticilik", "noRecordsMatch")]
    [InlineData("verb=ListIdentifiers&metadataPrefix=edm&until=2020-01-01T00:00:00Z", "noRecordsMatch")]
    public async Task Each_error_condition_gets_its_code(string query, string code)
    {
        var d = await _client.Get(query);
        Assert.Equal(code, ErrorCode(d));
        Assert.DoesNotContain(d.Root!.Elements(), e => e.Name.LocalName is "ListRecords" or "ListIdentifiers" or "GetRecord");
    }

    [Theory]
    [InlineData("verb=Frobnicate&x=1")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&bogus=1")]
    public async Task Bad_verb_and_bad_argument_do_not_echo_the_arguments(string query)
    {
        var request = (await _client.Get(query)).Root!.Element(OaiNs + "request")!;
        Assert.Empty(request.Attributes());
        Assert.Equal(OaiTestData.BaseUrl, request.Value);
    }

    [Fact]
    public async Task Other_errors_echo_the_request()
    {
        var request = (await _client.Get("verb=GetRecord&identifier=oai:hafiza.izmir:NOPE&metadataPrefix=oai_dc")).Root!.Element(OaiNs + "request")!;
        Assert.Equal("GetRecord", request.Attribute("verb")!.Value);
        Assert.Equal("oai:hafiza.izmir:NOPE", request.Attribute("identifier")!.Value);
    }

    [Fact]
    public async Task Every_error_response_is_valid_OAI_PMH()
    {
        OaiSchemas.SchemasOrSkip();
        foreach (var query in new[]
        {
            "", "verb=Identify&extra=1", "verb=ListIdentifiers&resumptionToken=x", "verb=ListRecords&metadataPrefix=marc21",
            "verb=GetRecord&identifier=oai:hafiza.izmir:NOPE&metadataPrefix=oai_dc", "verb=ListMetadataFormats&identifier=oai:hafiza.izmir:SRR-0050",
            "verb=ListRecords&metadataPrefix=oai_dc&from=2030-01-01",
        })
            OaiSchemas.AssertValid(await _client.Get(query));
    }
}
