using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using HafizaIzmir.Tests.Oai;
using Json.Schema;

namespace HafizaIzmir.Tests.Iiif;

public class ManifestTests(IiifFixture site) : IClassFixture<IiifFixture>
{
    private static readonly Lazy<JsonSchema?> Schema = new(() =>
    {
        var shared = OaiSchemas.Shared;
        var path = shared is null ? null : Path.Combine(shared, "schemas", "iiif", "iiif_3_0.json");
        return path is not null && File.Exists(path) ? JsonSchema.FromText(File.ReadAllText(path), new BuildOptions { Dialect = Dialect.Draft07 }) : null;
    });

    /// <summary>Validates against the IIIF Presentation 3 schema from the shared material, listing every failure.</summary>
    private static void AssertValid(JsonNode document)
    {
        var schema = Schema.Value;
        if (schema is null) Assert.Skip("the IIIF Presentation 3 schema (schemas/iiif/iiif_3_0.json) is not in the shared validation material");
        using var json = JsonDocument.Parse(document.ToJsonString());
        var result = schema!.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}")).Take(20);
        Assert.True(result.IsValid, "schema errors:\n" + string.Join("\n", errors));
    }

    private async Task<JsonNode> GetJsonAsync(string path)
    {
        var response = await site.GetAsync(path);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
    }

    [Fact]
    public async Task The_manifest_of_a_published_record_validates_and_paints_each_page()
    {
        var manifest = await GetJsonAsync("/iiif/manifest/IIIF-1");
        AssertValid(manifest);
        Assert.Equal("http://iiif.io/api/presentation/3/context.json", (string?)manifest["@context"]);
        Assert.Equal("http://localhost/iiif/manifest/IIIF-1", (string?)manifest["id"]);
        Assert.Equal("Manifest", (string?)manifest["type"]);
        Assert.Equal("Gümrük beyannamesi", (string?)manifest["label"]!["tr"]![0]);
        Assert.Equal("Customs declaration", (string?)manifest["label"]!["en"]![0]);
        Assert.Equal("A declaration of two pages.", (string?)manifest["summary"]!["en"]![0]);
        Assert.Equal("http://rightsstatements.org/vocab/InC/1.0/", (string?)manifest["rights"]);
        Assert.Equal("http://localhost/kayit/IIIF-1", (string?)manifest["homepage"]![0]!["id"]);
        Assert.Equal("http://localhost/iiif/collection/SRR", (string?)manifest["partOf"]![0]!["id"]);
        Assert.NotNull(manifest["requiredStatement"]!["value"]);
        Assert.Contains("GetRecord", (string?)manifest["seeAlso"]![0]!["id"]);

        var metadata = manifest["metadata"]!.AsArray().ToDictionary(m => (string)m!["label"]!["en"]![0]!, m => m!["value"]!);
        Assert.Equal("IIIF-1", (string?)metadata["Identifier"]["none"]![0]);
        Assert.Contains("1923", (string?)metadata["Date"]["tr"]![0]);
        Assert.Equal("mektup", (string?)metadata["Genre"]["tr"]![0]);
        Assert.Equal("Şerif Remzi Reyent", (string?)metadata["Persons"]["none"]![0]);
        Assert.Equal("TEXT", (string?)metadata["Type (Europeana)"]["none"]![0]);

        var canvases = manifest["items"]!.AsArray();
        Assert.Equal(2, canvases.Count);
        Assert.Equal((400, 300), ((int)canvases[0]!["width"]!, (int)canvases[0]!["height"]!));
        Assert.Equal((1200, 900), ((int)canvases[1]!["width"]!, (int)canvases[1]!["height"]!));
        var annotation = canvases[1]!["items"]![0]!["items"]![0]!;
        Assert.Equal("painting", (string?)annotation["motivation"]);
        Assert.Equal((string?)canvases[1]!["id"], (string?)annotation["target"]);
        var service = annotation["body"]!["service"]![0]!;
        Assert.Equal("ImageService3", (string?)service["type"]);
        Assert.Equal("http://localhost/iiif/3/IIIF-1~2", (string?)service["id"]);

        // The links in the manifest resolve: thumbnail, painted image and service.
        await site.GetAsync(new Uri((string)manifest["thumbnail"]![0]!["id"]!).PathAndQuery);
        await site.GetAsync(new Uri((string)annotation["body"]!["id"]!).PathAndQuery);
        await site.GetAsync(new Uri((string)service["id"]! + "/info.json").PathAndQuery);
    }

    [Fact]
    public async Task The_schema_check_catches_a_broken_manifest()
    {
        var manifest = await GetJsonAsync("/iiif/manifest/IIIF-1");
        manifest["items"]![0]!["type"] = "Page";
        manifest["label"] = "not a language map";
        var schema = Schema.Value;
        if (schema is null) Assert.Skip("the IIIF Presentation 3 schema is not in the shared validation material");
        using var json = JsonDocument.Parse(manifest.ToJsonString());
        Assert.False(schema!.Evaluate(json.RootElement).IsValid);
    }

    [Fact]
    public async Task Downloadable_masters_are_renderings_of_their_canvases_and_still_validate()
    {
        var manifest = await GetJsonAsync("/iiif/manifest/IIIF-4");
        AssertValid(manifest);
        var rendering = manifest["items"]![1]!["rendering"]![0]!;
        Assert.Equal("http://localhost/indir/IIIF-4/2", (string?)rendering["id"]);
        Assert.Equal(("Image", "image/png"), ((string?)rendering["type"], (string?)rendering["format"]));
        Assert.Equal("Original file (PNG)", (string?)rendering["label"]!["en"]![0]);

        var closed = await GetJsonAsync("/iiif/manifest/IIIF-1");
        Assert.All(closed["items"]!.AsArray(), canvas => Assert.Null(canvas!["rendering"]));
    }

    [Fact]
    public async Task The_fonds_collection_lists_its_items_with_images_and_validates()
    {
        var collection = await GetJsonAsync("/iiif/collection/SRR");
        AssertValid(collection);
        Assert.Equal("Collection", (string?)collection["type"]);
        var members = collection["items"]!.AsArray().Select(i => ((string?)i!["id"], (string?)i["type"])).ToList();
        Assert.Contains(("http://localhost/iiif/manifest/IIIF-1", "Manifest"), members);
        Assert.DoesNotContain(members, m => m.Item1!.Contains("IIIF-2") || m.Item1.Contains("IIIF-3"));
    }

    [Theory]
    [InlineData("/iiif/manifest/IIIF-2")]      // a draft
    [InlineData("/iiif/manifest/SRR-0004")]    // withdrawn
    [InlineData("/iiif/manifest/IIIF-3")]      // published, but no images
    [InlineData("/iiif/manifest/NOPE")]
    [InlineData("/iiif/manifest/..%2F..%2Fx")]
    [InlineData("/iiif/collection/IIIF-1")]    // an item is no collection
    [InlineData("/iiif/collection/SRR-0002")]
    public async Task Unpublished_missing_or_imageless_records_have_no_manifest(string path) =>
        await site.GetAsync(path, HttpStatusCode.NotFound);
}
