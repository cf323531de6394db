using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Oai.Source;
using HafizaIzmir.Oai.Tiers;
using Record = HafizaIzmir.Archive.Domain.Record;

namespace HafizaIzmir.Tests.Oai;

public sealed class TierTests
{
    private const string Pdm = "http://creativecommons.org/publicdomain/mark/1.0/";

    private static Record Bare(Func<Record, Record>? change = null)
    {
        var record = new Record
        {
            Identifier = "X-1",
            Level = Level.Item,
            Title = new LocalizedText("Kartpostal"),
            Type = EuropeanaType.Image,
            Rights = Pdm,
            State = WorkflowState.Published,
        };
        return change is null ? record : change(record);
    }

    private static TierReport Classify(Record record) => EuropeanaTiers.Classify(record, OaiTestData.Authorities);

    private static TierFinding Finding(TierReport report, string criterion) => report.Findings.Single(f => f.Criterion == criterion);

    [Theory]
    [InlineData(400, 249, 0)]
    [InlineData(400, 250, 1)]   // exactly 0.1 MP
    [InlineData(700, 599, 1)]
    [InlineData(700, 600, 2)]   // exactly 0.42 MP
    [InlineData(1000, 949, 2)]
    [InlineData(1000, 950, 4)]  // exactly 0.95 MP: the rights decide between 2, 3 and 4
    public void Media_thresholds(int width, int height, int level)
    {
        var finding = MediaCriterion.Classify(Bare(r => r with { Files = [OaiTestData.Image(width, height)] }));
        Assert.Equal(level, finding.Level);
        Assert.Equal(level == 4, finding.ToRaise is null);
    }

    [Fact]
    public void Media_without_files_and_texts_with_a_pdf()
    {
        Assert.Equal(0, MediaCriterion.Classify(Bare()).Level);
        Assert.Contains("0.1 MP", MediaCriterion.Classify(Bare()).ToRaise);
        var text = Bare(r => r with { Type = EuropeanaType.Text, Files = [OaiTestData.Image(300, 300), OaiTestData.Pdf] });
        Assert.Equal(4, MediaCriterion.Classify(text).Level);
        var textLowScan = Bare(r => r with { Type = EuropeanaType.Text, Files = [OaiTestData.Image(700, 600)] });
        Assert.Equal(2, MediaCriterion.Classify(textLowScan).Level);
        Assert.Contains("PDF", MediaCriterion.Classify(textLowScan).ToRaise);
    }

    [Theory]
    [InlineData("http://creativecommons.org/publicdomain/zero/1.0/", 4)]
    [InlineData("https://creativecommons.org/licenses/by/4.0/", 4)]
    [InlineData("https://creativecommons.org/licenses/by-sa/4.0/", 4)]
    [InlineData(Pdm, 4)]
    [InlineData("https://creativecommons.org/licenses/by-nc/4.0/", 3)]
    [InlineData("https://creativecommons.org/licenses/by-nd/4.0/", 3)]
    [InlineData("http://rightsstatements.org/vocab/NoC-NC/1.0/", 3)]
    [InlineData("http://rightsstatements.org/vocab/NoC-OKLR/1.0/", 3)]
    [InlineData("http://rightsstatements.org/vocab/InC-EDU/1.0/", 3)]
    [InlineData("http://rightsstatements.org/vocab/InC/1.0/", 2)]
    [InlineData("http://rightsstatements.org/vocab/InC-OW-EU/1.0/", 2)]
    [InlineData("http://rightsstatements.org/vocab/CNE/1.0/", 2)]
    [InlineData("whatever", 2)]
    public void Rights_levels(string rights, int level) =>
        Assert.Equal(level, RightsCriterion.Classify(Bare(r => r with { Rights = rights })).Level);

    [Theory]
    [InlineData(1000, 950, Pdm, 4)]
    [InlineData(1000, 950, "https://creativecommons.org/licenses/by-nc-nd/4.0/", 3)]
    [InlineData(1000, 950, "http://rightsstatements.org/vocab/InC/1.0/", 2)]
    [InlineData(700, 600, Pdm, 2)]
    [InlineData(400, 250, Pdm, 1)]
    public void The_content_tier_is_the_lowest_criterion(int width, int height, string rights, int tier)
    {
        var report = Classify(Bare(r => r with { Files = [OaiTestData.Image(width, height)], Rights = rights }));
        Assert.Equal(tier, report.Content);
        Assert.All(report.Limiting.Where(f => f.Scale == TierScale.Content), f => Assert.Equal(tier, f.Level));
    }

    [Fact]
    public void Language_share_at_the_75_percent_boundary()
    {
        // title, type, description tagged; isPartOf cannot be: 3 of 4 = 75 % → C.
        var c = LanguageCriterion.Classify(Item(Bare(r => r with { Parent = "P", Description = new LocalizedText("Açıklama") })));
        Assert.Equal((int)MetadataTier.C, c.Level);
        // title and type tagged, isPartOf not: 2 of 3 = 67 % → B.
        var b = LanguageCriterion.Classify(Item(Bare(r => r with { Parent = "P" })));
        Assert.Equal((int)MetadataTier.B, b.Level);
        Assert.Contains("dcterms:isPartOf", b.Why);
        Assert.Contains("75%", b.ToRaise);
    }

    [Fact]
    public void Enabling_elements_thresholds()
    {
        Assert.Equal(MetadataTier.A, Level(Bare()));                                                     // dc:type: 1 element, 1 group
        Assert.Equal(MetadataTier.A, Level(Bare(r => r with { Subjects = ["liman"] })));                 // 2 elements, 1 group
        Assert.Equal(MetadataTier.B, Level(Bare(r => r with { Date = EdtfDate.Parse("1925") })));        // 3 elements, 2 groups
        Assert.Equal(MetadataTier.C, Level(Bare(r => r with { Date = EdtfDate.Parse("1925"), Subjects = ["liman"] }))); // 4, 2

        static MetadataTier Level(Record r) => (MetadataTier)EnablingElementsCriterion.Classify(Item(r)).Level;
    }

    [Fact]
    public void Contextual_classes_count_only_entities_with_what_Europeana_requires()
    {
        Assert.Equal(MetadataTier.A, Level());
        Assert.Equal(MetadataTier.A, Level(new AuthorityLink("P0002", AuthorityKind.Person)));                 // no dates, no profession
        Assert.Equal(MetadataTier.A, Level(new AuthorityLink("M0002", AuthorityKind.Place)));                  // no coordinates
        Assert.Equal(MetadataTier.B, Level(new AuthorityLink("P0001", AuthorityKind.Person, "creator")));      // dates
        Assert.Equal(MetadataTier.B, Level(new AuthorityLink("P0001", AuthorityKind.Person), new AuthorityLink("I0001", AuthorityKind.Institution))); // both agents
        Assert.Equal(MetadataTier.C, Level(new AuthorityLink("P0001", AuthorityKind.Person), new AuthorityLink("M0001", AuthorityKind.Place)));
        var raise = ContextualClassesCriterion.Classify(Item(Bare(r => r with { Authorities = [new AuthorityLink("P0001", AuthorityKind.Person)] }))).ToRaise;
        Assert.Contains("place", raise);

        static MetadataTier Level(params AuthorityLink[] links) =>
            (MetadataTier)ContextualClassesCriterion.Classify(Item(Bare(r => r with { Authorities = links }))).Level;
    }

    [Fact]
    public void A_person_with_only_a_profession_qualifies()
    {
        var merchant = new Person { Id = "P9", Name = "Tüccar", Subtype = "tüccar" };
        var record = Bare(r => r with { Authorities = [new AuthorityLink("P9", AuthorityKind.Person)] });
        Assert.Equal(MetadataTier.B, (MetadataTier)ContextualClassesCriterion.Classify(Item(record, merchant)).Level);
    }

    [Fact]
    public void The_metadata_tier_is_the_lowest_criterion_and_the_letter_is_3C_or_better()
    {
        var bare = Classify(Bare());
        Assert.Equal(MetadataTier.A, bare.Metadata);
        Assert.Equal(0, bare.Content);
        Assert.False(bare.MeetsEuropeanaMinimum);
        Assert.Equal("0A", bare.Label);
        var letter = Classify(OaiTestData.Letter("SRR-0001"));
        Assert.Equal("4C", letter.Label);
        Assert.True(letter.MeetsEuropeanaMinimum);
        Assert.All(letter.Findings, f => Assert.Null(f.ToRaise));
    }

    [Fact]
    public void Distribution_counts_each_tier()
    {
        var reports = new[]
        {
            Classify(OaiTestData.Letter("A")), Classify(OaiTestData.Letter("B")), Classify(Bare()),
            Classify(Bare(r => r with { Files = [OaiTestData.Image(700, 600)] })),
        };
        var d = TierDistribution.Over(reports);
        Assert.Equal(4, d.Total);
        Assert.Equal([1, 0, 1, 0, 2], d.ByContent);
        Assert.Equal([0, 2, 0, 2], d.ByMetadata);
        Assert.Equal(3, d.MeetingMinimum);
        Assert.Contains("records: 4", d.ToString());
    }

    [Fact]
    public void Axis_set_specs_are_ascii()
    {
        var specs = OaiSets.For(Bare(r => r with { Axes = [Axis.Yaraticilik] }), [OaiTestData.Fonds], europeanaReady: false);
        Assert.Equal(["fonds:SRR", "eksen:yaraticilik"], specs);
    }

    private static OaiItem Item(Record record, params Authority[] extra) =>
        new() { Record = record, Authorities = [.. OaiTestData.Authorities, .. extra], Datestamp = OaiTestData.T0 };
}
