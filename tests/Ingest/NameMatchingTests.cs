using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Ingest;
using static HafizaIzmir.Tests.Ingest.IngestFixtures;

namespace HafizaIzmir.Tests.Ingest;

public class NameMatchingTests
{
    private static readonly Authority[] Stored =
    [
        new Person { Id = "p-serif00001", Name = "Şerif Remzi", Variants = [new AuthorityName("Şerif Remzi Reyent")] },
        new Place { Id = "l-alsancak01", Name = "Alsancak", Variants = [new AuthorityName("Punta", EdtfDate.Parse("../1930"))] },
        new Place { Id = "l-sokak00001", Name = "1469 Sokak", Variants = [new AuthorityName("Cumhuriyet Sokağı")] },
        new Place { Id = "l-meydan0001", Name = "Cumhuriyet Meydanı", Variants = [new AuthorityName("Cumhuriyet Sokağı")] },
    ];

    [Theory]
    [InlineData("ŞERİF REMZİ")]
    [InlineData("Serif Remzi")]
    [InlineData("Şerif Remzi")]
    [InlineData("şerif remzi reyent")]
    public void Turkish_spellings_find_the_same_person(string written)
    {
        var directory = new AuthorityDirectory(Stored);
        Assert.Equal("p-serif00001", directory.Find(AuthorityKind.Person, written).Single?.Id);
    }

    [Fact]
    public void Names_are_matched_within_their_kind()
    {
        var directory = new AuthorityDirectory(Stored);
        Assert.Empty(directory.Find(AuthorityKind.Institution, "Şerif Remzi").Candidates);
    }

    [Fact]
    public async Task Record_names_match_stored_variants_and_historical_street_names()
    {
        var plan = await PlanAsync(storedAuthorities: Stored, records: Csv(
            "identifier,level,title,persons,places",
            "A,item,Bir,ŞERİF REMZİ|creator,PUNTA",
            "B,item,İki,Serif Remzi|addressee;Şerif Remzi,Alsancak"));
        Assert.Empty(plan.Issues);
        Assert.Empty(plan.NewAuthorities);
        Assert.Equal(["p-serif00001", "l-alsancak01"], plan.Records[0].Names.Select(n => n.AuthorityId));
        Assert.Equal("creator", plan.Records[0].Names[0].Role);
        Assert.Equal(["p-serif00001", "p-serif00001", "l-alsancak01"], plan.Records[1].Names.Select(n => n.AuthorityId));
    }

    [Fact]
    public async Task A_name_shared_by_two_authorities_is_reported_with_both_ids()
    {
        var plan = await PlanAsync(storedAuthorities: Stored, records: Csv("identifier,level,title,places", "A,item,Bir,cumhuriyet sokagi"));
        var issue = Single(plan);
        Assert.Equal((2, "places"), (issue.Line, issue.Column));
        Assert.Contains("l-sokak00001", issue.Message);
        Assert.Contains("l-meydan0001", issue.Message);
        Assert.Contains("ambiguous", issue.Message);
    }

    [Fact]
    public async Task Unknown_names_become_one_new_authority_each_reused_by_later_rows()
    {
        var plan = await PlanAsync(storedAuthorities: Stored, records: Csv(
            "identifier,level,title,persons,institutions",
            "A,item,Bir,Ahmet Şükrü Bey|sender,Reyent ve Şürekâsı",
            "B,item,İki,AHMET ŞÜKRÜ BEY,"));
        Assert.Empty(plan.Issues);
        Assert.Equal(2, plan.NewAuthorities.Count);
        var person = plan.NewAuthorities[0];
        Assert.Equal((AuthorityKind.Person, "Ahmet Şükrü Bey", 2), (person.Kind, person.Name, person.FirstLine));
        Assert.Equal(AuthorityIds.For(AuthorityKind.Person, "Ahmet Şükrü Bey"), person.Id);
        Assert.Equal(person.Id, plan.Records[1].Names[0].AuthorityId);
        Assert.StartsWith("i-", plan.NewAuthorities[1].Id);
    }

    [Fact]
    public async Task Record_names_match_authorities_of_the_same_import_by_their_file_names()
    {
        var plan = await PlanAsync(storedAuthorities: Stored,
            authorities: Csv("kind,name,variants", "place,Alsancak,Punta;Alsancak Mahallesi", "institution,Reyent ve Şürekâsı,Reyent Biraderler"),
            records: Csv("identifier,level,title,institutions,places", "A,item,Bir,reyent biraderler,ALSANCAK MAHALLESİ"));
        Assert.Empty(plan.Issues);
        Assert.Empty(plan.NewAuthorities);
        Assert.Equal("l-alsancak01", plan.Authorities[0].Id); // the stored place keeps its id
        Assert.Equal([plan.Authorities[1].Id, "l-alsancak01"], plan.Records[0].Names.Select(n => n.AuthorityId));
    }
}
