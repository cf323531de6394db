using HafizaIzmir.Archive.Domain;
using static HafizaIzmir.Tests.Ingest.IngestFixtures;

namespace HafizaIzmir.Tests.Ingest;

public class RecordsCsvTests
{
    private const string Header = "identifier,parent,level,title,date,rights,persons,places,files";
    private const string Rights = "http://rightsstatements.org/vocab/InC/1.0/";

    [Fact]
    public async Task A_clean_file_parses_every_cell()
    {
        var plan = await PlanAsync(records: Csv(
            "identifier,parent,level,title,title_en,date,type,genre,description,language,axes,subjects,rights",
            $"SRR,,fonds,Şerif Remzi Reyent Arşivi,Archive,1890/1957,text,,,tr;ota,liman;yaraticilik,ticaret;incir,{Rights}",
            "SRR-0001,SRR,item,\"Mektup, Kordon'dan\",,1923-05-12,image,mektup,\"Satır 1,\nsatır 2\",fr,ticaret,,https://creativecommons.org/publicdomain/zero/1.0/"));
        Assert.Empty(plan.Issues);
        Assert.Equal(2, plan.RecordRowsRead);
        var item = plan.Records[1];
        Assert.Equal(3, item.Line);
        Assert.Equal("Mektup, Kordon'dan", item.Title.Tr);
        Assert.Equal("Satır 1,\nsatır 2", item.Description!.Tr);
        Assert.Equal(EuropeanaType.Image, item.Type);
        Assert.Equal([Axis.Liman, Axis.Yaraticilik], plan.Records[0].Axes);
        Assert.Equal(["tr", "ota"], plan.Records[0].Languages);
    }

    [Fact]
    public async Task Unknown_and_missing_required_columns_are_named()
    {
        var plan = await PlanAsync(records: Csv("identifier,titel,level,colour", "SRR-1,x,item,red"));
        Assert.Contains(plan.Issues, i => i.Line == 1 && i.Column == "titel" && i.Message.StartsWith("unknown column 'titel'"));
        Assert.Contains(plan.Issues, i => i.Line == 1 && i.Column == "colour" && i.Message.StartsWith("unknown column 'colour'"));
        Assert.Contains(plan.Issues, i => i.Line == 1 && i.Column == "title" && i.Message == "missing required column 'title'");
        Assert.Empty(plan.Records);
    }

    [Fact]
    public async Task Duplicate_column_is_an_error()
    {
        var issue = Single(await PlanAsync(records: Csv("identifier,level,title,Title", "A,item,x,y")));
        Assert.Equal("records.csv: line 1, column title: column 'title' appears more than once", issue.ToString());
    }

    [Fact]
    public async Task Bad_edtf_carries_line_column_and_the_parser_message()
    {
        var issue = Single(await PlanAsync(records: Csv(Header, "A,,item,Bir,1923-05,,,,", "B,,item,İki,1923-13,,,,")));
        Assert.Equal("records.csv: line 3, column date: '1923-13' is not a valid date: month 13 does not exist", issue.ToString());
    }

    [Fact]
    public async Task Unknown_parent_is_an_error()
    {
        var issue = Single(await PlanAsync(records: Csv(Header, "A-1,NOPE,item,Bir,,,,,")));
        Assert.Equal((2, "parent"), (issue.Line, issue.Column));
        Assert.Contains("unknown parent 'NOPE'", issue.Message);
    }

    [Fact]
    public async Task Parent_appearing_later_is_an_error_but_a_stored_parent_is_fine()
    {
        var csv = Csv(Header, "A-1,A,item,Bir,,,,,", "A,,fonds,Fon,,,,,");
        var issue = Single(await PlanAsync(records: csv));
        Assert.Equal((2, "parent"), (issue.Line, issue.Column));
        Assert.Contains("appears later in the file (line 3)", issue.Message);
        Assert.Empty((await PlanAsync(records: csv, storedRecords: new Dictionary<string, Level> { ["A"] = Level.Fonds })).Issues);
    }

    [Fact]
    public async Task Duplicate_identifier_is_an_error()
    {
        var issue = Single(await PlanAsync(records: Csv(Header, "A,,fonds,Fon,,,,,", "B,A,series,Seri,,,,,", "A,,fonds,Yine,,,,,")));
        Assert.Equal("records.csv: line 4, column identifier: duplicate identifier 'A' (already on line 2)", issue.ToString());
    }

    [Theory]
    [InlineData("item", "item", "an item cannot be inside an item")]
    [InlineData("file", "series", "a series cannot be inside a file")]
    [InlineData("item", "file", "a file cannot be inside an item")]
    public async Task Levels_must_nest(string parentLevel, string childLevel, string message)
    {
        var issue = Single(await PlanAsync(records: Csv(Header, $"P,,{parentLevel},Üst,,,,,", $"C,P,{childLevel},Alt,,,,,")));
        Assert.Equal((3, "level", message), (issue.Line, issue.Column, issue.Message));
    }

    [Fact]
    public async Task Fonds_has_no_parent_and_nesting_checks_stored_parents_too()
    {
        var stored = new Dictionary<string, Level> { ["F"] = Level.Fonds, ["I"] = Level.Item };
        var plan = await PlanAsync(records: Csv(Header, "G,F,fonds,Alt fon,,,,,", "X,I,item,Öğe,,,,,", "S,F,series,Seri,,,,,"), storedRecords: stored);
        Assert.Equal(2, plan.Issues.Count);
        Assert.Contains(plan.Issues, i => i.Line == 2 && i.Column == "parent" && i.Message.Contains("has no parent"));
        Assert.Contains(plan.Issues, i => i.Line == 3 && i.Column == "level");
    }

    [Fact]
    public async Task Rights_are_required_on_publish_and_must_be_a_known_uri()
    {
        var csv = Csv(Header, "A,,fonds,Fon,,,,,", $"B,A,item,Öğe,,{Rights},,,", "C,A,item,Öğe,,https://example.org/free,,,");
        var plain = await PlanAsync(records: csv);
        Assert.Equal((4, "rights"), (Single(plain).Line, Single(plain).Column));
        var published = await PlanAsync(records: csv, publish: true);
        Assert.True(published.Issues.Count == 2, string.Join(" | ", published.Issues));
        Assert.Contains(published.Issues, i => i.Line == 2 && i.Column == "rights" && i.Message.StartsWith("missing rights on publish"));
    }

    [Fact]
    public async Task Languages_identifiers_types_and_axes_are_checked()
    {
        var plan = await PlanAsync(records: Csv("identifier,level,title,language,type,axes",
            "ok-1,item,a,TR,text,liman", "bad id,item,b,tr,photo,deniz", "x,box,c,,,"));
        Assert.Contains(plan.Issues, i => i.Line == 2 && i.Column == "language");
        Assert.Contains(plan.Issues, i => i.Line == 3 && i.Column == "identifier");
        Assert.Contains(plan.Issues, i => i.Line == 3 && i.Column == "type");
        Assert.Contains(plan.Issues, i => i.Line == 3 && i.Column == "axes" && i.Message.Contains("'deniz'"));
        Assert.Contains(plan.Issues, i => i.Line == 4 && i.Column == "level");
        Assert.All(plan.Issues, i => Assert.True(i.Line > 0 && i.Column is not null, i.ToString()));
    }

    [Fact]
    public async Task Row_with_wrong_number_of_cells_is_reported()
    {
        var issue = Single(await PlanAsync(records: Csv("identifier,level,title", "A,item", "B,item,ok")));
        Assert.Equal("records.csv: line 2: the row has 2 cells but the header has 3", issue.ToString());
    }

    [Fact]
    public async Task Bad_encoding_is_reported_with_its_line()
    {
        var bytes = Csv("identifier,level,title", "A,item,ok").Concat(new byte[] { (byte)'B', (byte)',', (byte)'i', (byte)',', 0xC3, 0x28, 0x0A }).ToArray();
        Assert.Equal("records.csv: line 3: the file is not valid UTF-8", Single(await PlanAsync(records: bytes)).ToString());
    }

    [Fact]
    public async Task Files_must_stay_inside_the_files_directory()
    {
        using var root = new TempDir();
        root.Write("scans/001.png", Png(100, 50));
        var outside = root.Write("x.png", Png(1, 1));
        var filesDir = Path.Combine(root.Path, "scans");
        var plan = await PlanAsync(filesDir: filesDir, records: Csv(Header,
            "A,,item,Bir,,,,,001.png",
            "B,,item,İki,,,,,../x.png",
            $"C,,item,Üç,,,,,{outside}",
            "D,,item,Dört,,,,,missing.png"));
        Assert.Equal(3, plan.Issues.Count);
        Assert.Contains(plan.Issues, i => i.Line == 3 && i.Column == "files" && i.Message == "'../x.png' points outside the --files directory");
        Assert.Contains(plan.Issues, i => i.Line == 4 && i.Column == "files" && i.Message.Contains("absolute path"));
        Assert.Contains(plan.Issues, i => i.Line == 5 && i.Column == "files" && i.Message.Contains("does not exist"));
        var file = Assert.Single(plan.Records.Single(r => r.Identifier == "A").Files);
        Assert.Equal(("image/png", 100, 50, "files/0001.png"), (file.MediaType, file.Width, file.Height, file.StoredPath));
        Assert.Equal(128, file.Sha512.Length);
    }

    [Fact]
    public async Task A_symlink_leading_outside_the_files_directory_is_refused()
    {
        using var root = new TempDir();
        var outside = root.Write("secret.png", Png(1, 1));
        Directory.CreateDirectory(Path.Combine(root.Path, "scans"));
        File.CreateSymbolicLink(Path.Combine(root.Path, "scans", "link.png"), outside);
        root.Write("scans/real.png", Png(2, 2));
        File.CreateSymbolicLink(Path.Combine(root.Path, "scans", "inner.png"), Path.Combine(root.Path, "scans", "real.png"));
        var plan = await PlanAsync(filesDir: Path.Combine(root.Path, "scans"), records: Csv(Header, "A,,item,Bir,,,,,link.png", "B,,item,İki,,,,,inner.png"));
        var issue = Single(plan);
        Assert.Equal((2, "files"), (issue.Line, issue.Column));
        Assert.Contains("link to a file outside", issue.Message);
    }

    [Fact]
    public async Task Unsupported_files_and_files_without_a_directory_are_errors()
    {
        using var root = new TempDir();
        root.Write("doc.pdf", "%PDF-1.4 and more text, long enough to be probed"u8.ToArray());
        var plan = await PlanAsync(filesDir: root.Path, records: Csv(Header, "A,,item,Bir,,,,,doc.pdf"));
        Assert.Equal("'doc.pdf': not a supported image format", Single(plan).Message);
        var noDir = await PlanAsync(records: Csv(Header, "A,,item,Bir,,,,,doc.pdf"));
        Assert.Contains("no --files directory", Single(noDir).Message);
    }
}
