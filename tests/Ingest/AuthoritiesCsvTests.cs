using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Ingest;
using static HafizaIzmir.Tests.Ingest.IngestFixtures;

namespace HafizaIzmir.Tests.Ingest;

public class AuthoritiesCsvTests
{
    private const string Header = "kind,name,variants,dates,subtype,lat,long,part_of,relations,wikidata";

    [Fact]
    public async Task A_clean_file_resolves_part_of_and_relations_within_the_file()
    {
        var plan = await PlanAsync(authorities: Csv(Header,
            "person,Şerif Remzi Reyent,,1890/1957,tüccar,,,,founder_of:Reyent ve Şürekâsı|1924;lived_in:Alsancak,Q123",
            "institution,Reyent ve Şürekâsı,,1924/1950,firma,,,,located_at:Kordon,",
            "place,Alsancak,Punta|../1930;Alsancak Mahallesi,,semt,38.4380,27.1430,,,",
            "place,Kordon,Birinci Kordon,,cadde,,,Alsancak,,"));
        Assert.Empty(plan.Issues);
        var person = plan.Authorities[0];
        Assert.Equal(AuthorityIds.For(AuthorityKind.Person, "Şerif Remzi Reyent"), person.Id);
        Assert.Matches("^p-[a-z2-7]{10}$", person.Id);
        Assert.Equal([plan.Authorities[1].Id, plan.Authorities[2].Id], person.Relations.Select(r => r.TargetId));
        Assert.Equal("1924", person.Relations[0].Period!.Text);
        Assert.StartsWith("i-", plan.Authorities[1].Id);
        var alsancak = plan.Authorities[2];
        Assert.StartsWith("l-", alsancak.Id);
        Assert.Equal([new AuthorityName("Punta", EdtfDate.Parse("../1930")), new AuthorityName("Alsancak Mahallesi")], alsancak.Variants);
        Assert.Equal(alsancak.Id, plan.Authorities[3].PartOfId);
    }

    [Fact]
    public async Task Unknown_relation_target_is_an_error_with_line_and_column()
    {
        var issue = Single(await PlanAsync(authorities: Csv(Header, "person,Ahmet,,,,,,,worked_for:Olmayan Firma,")));
        Assert.Equal("authorities.csv: line 2, column relations: unknown relation target 'Olmayan Firma': it is neither in this file nor in the archive", issue.ToString());
    }

    [Fact]
    public async Task Relation_target_found_in_storage_in_any_kind_and_ambiguous_across_kinds()
    {
        var stored = new Authority[]
        {
            new Institution { Id = "i-stored0001", Name = "Reyent ve Şürekâsı" },
            new Person { Id = "p-stored0002", Name = "Kemeraltı" },
            new Place { Id = "l-stored0003", Name = "Kemeraltı" },
        };
        var plan = await PlanAsync(storedAuthorities: stored, authorities: Csv(Header,
            "person,Ahmet,,,,,,,worked_for:REYENT VE SUREKASI,",
            "person,Mehmet,,,,,,,lived_in:Kemeraltı,"));
        Assert.Equal("i-stored0001", plan.Authorities[0].Relations[0].TargetId);
        var issue = Single(plan);
        Assert.Equal((3, "relations"), (issue.Line, issue.Column));
        Assert.Contains("p-stored0002", issue.Message);
        Assert.Contains("l-stored0003", issue.Message);
    }

    [Fact]
    public async Task Names_are_unique_per_kind_after_folding()
    {
        var plan = await PlanAsync(authorities: Csv(Header, "person,Şükrü Bey,,,,,,,,", "place,Şükrü Bey,,,,,,,,", "person,SUKRU BEY,,,,,,,,"));
        var issue = Single(plan);
        Assert.Equal((4, "name"), (issue.Line, issue.Column));
        Assert.Contains("already on line 2", issue.Message);
    }

    [Fact]
    public async Task Cells_are_validated()
    {
        var plan = await PlanAsync(authorities: Csv(Header,
            "person,A,,1890/1857,,,,,,Q12x",
            "place,B,|1900,,,91,,,,",
            "planet,C,,,,,,,,",
            "person,D,,,,38.4,27.1,,friend_of:A,",
            "place,E,,,,,,,part_of:B|19ZZ,"));
        Assert.Contains(plan.Issues, i => i.Line == 2 && i.Column == "dates" && i.Message.Contains("ends before it starts"));
        Assert.Contains(plan.Issues, i => i.Line == 2 && i.Column == "wikidata");
        Assert.Contains(plan.Issues, i => i.Line == 3 && i.Column == "variants");
        Assert.Contains(plan.Issues, i => i.Line == 3 && i.Column == "lat" && i.Message.Contains("out of range"));
        Assert.Contains(plan.Issues, i => i.Line == 3 && i.Column == "long" && i.Message.Contains("both"));
        Assert.Contains(plan.Issues, i => i.Line == 4 && i.Column == "kind");
        Assert.Contains(plan.Issues, i => i.Line == 5 && i.Column == "lat" && i.Message.Contains("only for places"));
        Assert.Contains(plan.Issues, i => i.Line == 5 && i.Column == "relations" && i.Message.Contains("'friend_of'"));
        Assert.Contains(plan.Issues, i => i.Line == 6 && i.Column == "relations" && i.Message.Contains("19ZZ"));
    }

    [Fact]
    public async Task A_row_matching_a_stored_authority_by_variant_keeps_its_id()
    {
        var stored = new Place { Id = "l-kept000001", Name = "Alsancak", Variants = [new AuthorityName("Punta")] };
        var plan = await PlanAsync(storedAuthorities: [stored], authorities: Csv(Header, "place,PUNTA,Alsancak,,semt,,,,,"));
        Assert.Empty(plan.Issues);
        Assert.Equal("l-kept000001", plan.Authorities[0].Id);
        Assert.True(plan.Authorities[0].UpdatesStored);
    }

    [Fact]
    public async Task A_row_matching_two_stored_authorities_is_ambiguous()
    {
        Authority[] stored = [new Person { Id = "p-one0000001", Name = "Ahmet Efendi" }, new Person { Id = "p-two0000002", Name = "Ahmet Bey" }];
        var issue = Single(await PlanAsync(storedAuthorities: stored, authorities: Csv(Header, "person,Ahmet Bey,Ahmet Efendi,,,,,,,")));
        Assert.Equal((2, "name"), (issue.Line, issue.Column));
        Assert.Contains("p-one0000001", issue.Message);
        Assert.Contains("p-two0000002", issue.Message);
    }

    [Fact]
    public void Ids_are_kind_letter_and_ten_base32_characters_of_sha256_over_kind_and_folded_name()
    {
        Assert.Equal(AuthorityIds.For(AuthorityKind.Person, "Şerif Remzi"), AuthorityIds.For(AuthorityKind.Person, "SERIF REMZI"));
        var digest = System.Security.Cryptography.SHA256.HashData("place:kizlaragasi hani"u8);
        var bits = string.Concat(digest.Take(7).Select(b => Convert.ToString(b, 2).PadLeft(8, '0')));
        var expected = "l-" + string.Concat(Enumerable.Range(0, 10).Select(i => "abcdefghijklmnopqrstuvwxyz234567"[Convert.ToInt32(bits.Substring(i * 5, 5), 2)]));
        Assert.Equal(expected, AuthorityIds.For(AuthorityKind.Place, "Kızlarağası Hanı"));
        Assert.NotEqual(AuthorityIds.For(AuthorityKind.Person, "Kordon")[2..], AuthorityIds.For(AuthorityKind.Place, "Kordon")[2..]);
    }
}
