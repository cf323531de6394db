using HafizaIzmir.Archive.Domain;
using Record = HafizaIzmir.Archive.Domain.Record;
using HafizaIzmir.Site.Tiers;

namespace HafizaIzmir.Tests.Site;

public class EuropeanaTierRuleTests
{
    private static Record Image(int width, int height, string rights) => SampleRecords.Make("X-1", Level.Item, "Kordon") with
    {
        Type = EuropeanaType.Image,
        Rights = rights,
        Files = [new RecordFile { Path = "files/0001.tif", OriginalName = "a.tif", MediaType = "image/tiff", Bytes = 1, Sha512 = "00", Width = width, Height = height }],
    };

    [Theory]
    [InlineData(0, 0, 0)]          // size unknown
    [InlineData(300, 300, 0)]      // 0.09 MP
    [InlineData(400, 300, 1)]      // 0.12 MP
    [InlineData(800, 600, 2)]      // 0.48 MP
    [InlineData(1200, 800, 2)]     // 0.96 MP but in copyright: no reuse
    public void Content_tier_follows_the_largest_image_and_the_rights(int width, int height, int tier) =>
        Assert.Equal(tier, EuropeanaTierRule.ContentTier(Image(width, height, "http://rightsstatements.org/vocab/InC/1.0/")));

    [Theory]
    [InlineData("http://creativecommons.org/licenses/by-nc/4.0/", 3)]
    [InlineData("https://creativecommons.org/licenses/by/4.0/", 4)]
    [InlineData("http://creativecommons.org/publicdomain/mark/1.0/", 4)]
    public void High_resolution_tiers_depend_on_reuse(string rights, int tier) =>
        Assert.Equal(tier, EuropeanaTierRule.ContentTier(Image(1200, 800, rights)));

    [Fact]
    public void A_record_without_files_or_of_an_unassessed_type_is_content_tier_0()
    {
        Assert.Equal(0, EuropeanaTierRule.ContentTier(SampleRecords.Letter));
        Assert.Equal(0, EuropeanaTierRule.ContentTier(Image(4000, 3000, "http://creativecommons.org/licenses/by/4.0/") with { Type = EuropeanaType.Sound }));
    }

    [Fact]
    public void Metadata_tier_grows_with_enabling_elements_and_linked_entities()
    {
        var bare = SampleRecords.Make("X-2", Level.Item, "Fatura");
        Assert.Equal("0", EuropeanaTierRule.MetadataTier(bare));
        Assert.Equal("0", EuropeanaTierRule.MetadataTier(bare with { Date = EdtfDate.Parse("1923"), Rights = null }));
        Assert.Equal("A", EuropeanaTierRule.MetadataTier(bare with { Date = EdtfDate.Parse("1923") }));

        var linked = bare with
        {
            Date = EdtfDate.Parse("1923"),
            Genre = "fatura",
            Authorities = [new AuthorityLink("p1", AuthorityKind.Person)],
        };
        Assert.Equal("B", EuropeanaTierRule.MetadataTier(linked));
        Assert.Equal("C", EuropeanaTierRule.MetadataTier(linked with
        {
            Authorities = [.. linked.Authorities, new AuthorityLink("k1", AuthorityKind.Place)],
        }));
    }

    [Fact]
    public void Distribution_counts_every_tier()
    {
        var distribution = new TierDistribution();
        distribution.Add(Image(1200, 800, "http://creativecommons.org/licenses/by/4.0/"));
        distribution.Add(SampleRecords.Fonds);
        var output = new StringWriter();
        distribution.WriteTo(output);
        var text = output.ToString();
        Assert.Contains("Published records: 2", text);
        Assert.Contains("  4: 1", text);
        Assert.Contains("  0: 1", text);
    }
}
