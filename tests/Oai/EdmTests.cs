using System.Xml.Linq;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Oai.Formats;
using static HafizaIzmir.Tests.Oai.OaiClient;

namespace HafizaIzmir.Tests.Oai;

public sealed class EdmTests
{
    private static readonly XNamespace Edm = "http://www.europeana.eu/schemas/edm/", Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        Dc = "http://purl.org/dc/elements/1.1/", Ore = "http://www.openarchives.org/ore/terms/", Skos = "http://www.w3.org/2004/02/skos/core#",
        Owl = "http://www.w3.org/2002/07/owl#", Wgs = "http://www.w3.org/2003/01/geo/wgs84_pos#", Svcs = "http://rdfs.org/sioc/services#",
        DcTerms = "http://purl.org/dc/terms/";

    private static async Task<XElement> Edm_(OaiClient client, string id) =>
        (await client.Get($"verb=GetRecord&identifier=oai:hafiza.izmir:{id}&metadataPrefix=edm")).Descendants(Rdf + "RDF").Single();

    [Fact]
    public async Task The_letter_maps_to_a_provided_cho_with_context_and_aggregation()
    {
        var rdf = await Edm_(new OaiClient(OaiTestData.Archive()), "SRR-0001");
        var cho = rdf.Element(Edm + "ProvidedCHO")!;
        Assert.Equal("https://hafiza.example.org/kayit/SRR-0001#cho", cho.Attribute(Rdf + "about")!.Value);
        Assert.Equal(["tr", "en"], cho.Elements(Dc + "title").Select(t => t.Attribute(XNamespace.Xml + "lang")!.Value));
        Assert.Equal("https://hafiza.example.org/kisi/P0001", cho.Element(Dc + "creator")!.Attribute(Rdf + "resource")!.Value);
        Assert.Equal("https://hafiza.example.org/kisi/P0002", cho.Element(Dc + "contributor")!.Attribute(Rdf + "resource")!.Value);
        Assert.Equal("https://hafiza.example.org/kayit/SRR-S01#cho", cho.Element(DcTerms + "isPartOf")!.Attribute(Rdf + "resource")!.Value);
        Assert.Equal("https://hafiza.example.org/mekan/M0001", cho.Element(DcTerms + "spatial")!.Attribute(Rdf + "resource")!.Value);
        Assert.Equal("SRR-0001", cho.Element(Dc + "identifier")!.Value);
        Assert.Equal("TEXT", cho.Elements().Last().Value);

        var agent = rdf.Elements(Edm + "Agent").Single(a => a.Attribute(Rdf + "about")!.Value.EndsWith("P0001"));
        Assert.Equal("http://www.wikidata.org/entity/Q123456", agent.Elements(Owl + "sameAs").First().Attribute(Rdf + "resource")!.Value);
        Assert.Equal("1890", agent.Element(Edm + "begin")!.Value);
        var place = rdf.Elements(Edm + "Place").Single();
        Assert.Equal("38.4312", place.Element(Wgs + "lat")!.Value);
        Assert.Contains("Birinci Kordon", place.Elements(Skos + "altLabel").Select(e => e.Value));
        Assert.Equal(2, rdf.Elements(Skos + "Concept").Count());

        var aggregation = rdf.Element(Ore + "Aggregation")!;
        Assert.Equal(["aggregatedCHO", "dataProvider", "hasView", "isShownAt", "isShownBy", "object", "provider", "rights"],
            aggregation.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("http://creativecommons.org/publicdomain/mark/1.0/", aggregation.Element(Edm + "rights")!.Attribute(Rdf + "resource")!.Value);
        Assert.Equal("https://hafiza.example.org/iiif/3/SRR-0001~1/full/max/0/default.jpg", aggregation.Element(Edm + "isShownBy")!.Attribute(Rdf + "resource")!.Value);
        var web = rdf.Elements(Edm + "WebResource").ToList();
        Assert.Equal(2, web.Count);
        Assert.Equal("https://hafiza.example.org/iiif/manifest/SRR-0001", web[0].Element(DcTerms + "isReferencedBy")!.Attribute(Rdf + "resource")!.Value);
        Assert.Equal(2, rdf.Elements(Svcs + "Service").Count());
    }

    [Theory]
    [InlineData("https://creativecommons.org/licenses/by/4.0/", "http://creativecommons.org/licenses/by/4.0/")]
    [InlineData("https://creativecommons.org/licenses/by-nc-sa/4.0/deed.tr", "http://creativecommons.org/licenses/by-nc-sa/4.0/")]
    [InlineData("http://creativecommons.org/licenses/by/4.0/deed", "http://creativecommons.org/licenses/by/4.0/")]
    [InlineData("https://creativecommons.org/licenses/by-sa/3.0/nl/", "http://creativecommons.org/licenses/by-sa/3.0/nl/")]
    [InlineData("https://creativecommons.org/licenses/by-sa/3.0/tr/", null)] // Europeana's patterns have no Turkish port
    [InlineData("https://creativecommons.org/publicdomain/zero/1.0/legalcode", "http://creativecommons.org/publicdomain/zero/1.0/")]
    [InlineData("http://creativecommons.org/publicdomain/mark/1.0", "http://creativecommons.org/publicdomain/mark/1.0/")]
    [InlineData("https://rightsstatements.org/page/InC-EDU/1.0/?language=en", "http://rightsstatements.org/vocab/InC-EDU/1.0/")]
    [InlineData("http://rightsstatements.org/vocab/noc-oklr/1.0/", "http://rightsstatements.org/vocab/NoC-OKLR/1.0/")]
    [InlineData("https://creativecommons.org/licenses/by/5.0/", null)]
    [InlineData("http://rightsstatements.org/vocab/NoC-US/1.0/", null)]
    [InlineData("Tüm hakları saklıdır", null)]
    public void Rights_are_normalised_to_the_accepted_statements(string given, string? expected) =>
        Assert.Equal(expected, EdmRights.Normalize(given));

    [Fact]
    public void An_unaccepted_statement_is_written_as_copyright_not_evaluated() =>
        Assert.Equal("http://rightsstatements.org/vocab/CNE/1.0/", EdmRights.ForEdm("Tüm hakları saklıdır"));

    [Fact]
    public async Task A_record_without_genre_or_language_still_has_a_type_and_a_language()
    {
        var source = OaiTestData.Archive();
        source.Put(OaiTestData.Item(OaiTestData.Letter("SRR-0400", r => r with { Genre = null, Languages = [], Subjects = [], Authorities = [] }), OaiTestData.T0));
        var cho = (await Edm_(new OaiClient(source), "SRR-0400")).Element(Edm + "ProvidedCHO")!;
        Assert.Equal("belge", cho.Element(Dc + "type")!.Value);
        Assert.Equal("und", cho.Element(Dc + "language")!.Value);
    }

    [Fact]
    public async Task Europeana_schematron_finds_no_failed_assertion()
    {
        OaiSchemas.SchemasOrSkip();
        var source = OaiTestData.Archive();
        source.Put(OaiTestData.Item(OaiTestData.BareLetter("SRR-0500", "rubbish", r => r with { Type = null }), OaiTestData.T0.AddMinutes(55)));
        source.Put(OaiTestData.Item(OaiTestData.Letter("SRR-0501", r => r with { Files = [OaiTestData.Pdf], Type = EuropeanaType.Text }), OaiTestData.T0.AddMinutes(56)));
        var client = new OaiClient(source);
        var d = await client.Get("verb=ListRecords&metadataPrefix=edm&from=2024-03-01T10:00:00Z&until=2024-03-01T10:03:00Z");
        var rdfs = d.Descendants(Rdf + "RDF").ToList();
        rdfs.Add(await Edm_(client, "SRR-0500"));
        rdfs.Add(await Edm_(client, "SRR-0501"));
        foreach (var rdf in rdfs)
        {
            var failures = OaiSchemas.Schematron(rdf);
            Assert.True(failures.Count == 0, string.Join("\n", failures) + "\n" + rdf);
        }
    }

    [Fact]
    public async Task The_schematron_run_does_report_failures()
    {
        var schemas = OaiSchemas.SchemasOrSkip();
        var invalid = XDocument.Load(Path.Combine(schemas, "samples", "edm-schematron-invalid.xml")).Root!;
        Assert.NotEmpty(OaiSchemas.Schematron(invalid));
        await Task.CompletedTask;
    }
}
