using System.Xml.Linq;
using HafizaIzmir.Archive.Domain;
using static HafizaIzmir.Tests.Oai.OaiClient;

namespace HafizaIzmir.Tests.Oai;

/// <summary>Every verb's response against OAI-PMH.xsd, with the oai_dc and EDM payloads validated strictly inside it.</summary>
public sealed class SchemaValidationTests
{
    private readonly OaiClient _client = new(OaiTestData.Archive(), OaiTestData.Options(pageSize: 5));

    [Fact]
    public void The_validator_rejects_the_invalid_samples()
    {
        var schemas = OaiSchemas.SchemasOrSkip();
        Assert.NotEmpty(OaiSchemas.Validate(XDocument.Load(Path.Combine(schemas, "samples", "oai-identify-invalid.xml"))));
        Assert.NotEmpty(OaiSchemas.Validate(XDocument.Load(Path.Combine(schemas, "samples", "oai-listrecords-oai_dc-invalid.xml"))));
        Assert.NotEmpty(OaiSchemas.Validate(XDocument.Load(Path.Combine(schemas, "samples", "oai-listrecords-edm-invalid.xml")), edm: true));
        Assert.Empty(OaiSchemas.Validate(XDocument.Load(Path.Combine(schemas, "samples", "oai-listrecords-edm-valid.xml")), edm: true));
    }

    [Theory]
    [InlineData("verb=Identify")]
    [InlineData("verb=ListMetadataFormats")]
    [InlineData("verb=ListMetadataFormats&identifier=oai:hafiza.izmir:SRR-0001")]
    [InlineData("verb=ListSets")]
    [InlineData("verb=GetRecord&identifier=oai:hafiza.izmir:SRR-0001&metadataPrefix=oai_dc")]
    [InlineData("verb=GetRecord&identifier=oai:hafiza.izmir:SRR-0050&metadataPrefix=oai_dc")]
    [InlineData("verb=ListIdentifiers&metadataPrefix=oai_dc")]
    [InlineData("verb=ListIdentifiers&metadataPrefix=edm&set=eksen:liman")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&from=2024-03-01")]
    public async Task Responses_validate_against_the_OAI_PMH_schema(string query)
    {
        OaiSchemas.SchemasOrSkip();
        var d = await _client.Get(query);
        Assert.Null(ErrorCode(d));
        OaiSchemas.AssertValid(d);
    }

    [Theory]
    [InlineData("oai_dc")]
    [InlineData("edm")]
    public async Task Every_page_of_a_full_harvest_validates_with_its_metadata(string prefix)
    {
        OaiSchemas.SchemasOrSkip();
        var source = OaiTestData.Archive();
        // Shapes the standard letters do not cover: no files, a PDF, a place without coordinates, odd rights, no language.
        source.Put(OaiTestData.Item(OaiTestData.BareLetter("SRR-0300", "not a statement", r => r with
        {
            Extent = null,
            Title = new LocalizedText("Başlıksız <&> \u0001"),
        }), OaiTestData.T0.AddMinutes(50)));
        source.Put(OaiTestData.Item(OaiTestData.Letter("SRR-0301", r => r with { Files = [OaiTestData.Pdf], Type = null }), OaiTestData.T0.AddMinutes(51)));
        var client = new OaiClient(source, OaiTestData.Options(pageSize: 5));
        var d = await client.Get($"verb=ListRecords&metadataPrefix={prefix}");
        var pages = 1;
        while (true)
        {
            OaiSchemas.AssertValid(d, edm: prefix == "edm");
            var token = Token(d);
            if (token is null || token.Value.Length == 0) break;
            d = await client.Get("verb=ListRecords&resumptionToken=" + Uri.EscapeDataString(token.Value));
            pages++;
        }
        Assert.Equal(4, pages);
    }
}
