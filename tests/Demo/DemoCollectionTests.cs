using System.Text.RegularExpressions;
using HafizaIzmir.Archive.Domain;

namespace HafizaIzmir.Tests.Demo;

public partial class DemoCollectionTests
{
    private static string DemoFile(string name)
    {
        // Prefer the source tree so an edit is tested without a rebuild; fall back to the copy in the output.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "site", "Demo", name);
            if (File.Exists(Path.Combine(dir.FullName, "HafizaIzmir.sln")) && File.Exists(candidate)) return candidate;
        }
        return Path.Combine(AppContext.BaseDirectory, "Demo", name);
    }

    private static (AuthorityNames Names, List<string> Errors) Authorities() =>
        ContractCheck.CheckAuthorities(File.ReadAllText(DemoFile("authorities.csv")));

    private static List<(int Line, Dictionary<string, string> Cells)> RecordRows() =>
        Rfc4180.Table(File.ReadAllText(DemoFile("records.csv"))).Rows;

    [Fact]
    public void Authorities_follow_the_contract()
    {
        var (_, errors) = Authorities();
        Assert.Empty(errors);
    }

    [Fact]
    public void Records_follow_the_contract_and_name_existing_authorities()
    {
        var (names, _) = Authorities();
        var errors = ContractCheck.CheckRecords(File.ReadAllText(DemoFile("records.csv")), names, minimumRows: 90);
        Assert.Empty(errors);
    }

    [Fact]
    public void Collection_has_the_promised_shape()
    {
        var rows = RecordRows();
        Assert.InRange(rows.Count, 90, 130);
        Assert.Single(rows, r => r.Cells["level"] == "fonds");
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Cells["rights"]), $"line {r.Line} has no rights"));
        var kinds = Rfc4180.Table(File.ReadAllText(DemoFile("authorities.csv"))).Rows.GroupBy(r => r.Cells["kind"]).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(["person", "institution", "place"], k => Assert.True(kinds.GetValueOrDefault(k) >= 8, $"too few {k} authorities"));
    }

    [Fact]
    public void Every_item_names_its_own_scans_in_page_order()
    {
        foreach (var (line, cells) in RecordRows().Where(r => r.Cells["level"] == "item"))
        {
            var files = ContractCheck.Values(cells["files"]).ToList();
            Assert.InRange(files.Count, 1, 3);
            for (var page = 0; page < files.Count; page++)
                Assert.True(files[page] == $"{cells["identifier"]}-{page + 1}.jpg", $"line {line}: scan '{files[page]}' out of pattern");
        }
    }

    [Fact]
    public void Dates_use_the_harder_parts_of_edtf()
    {
        var dates = RecordRows().Select(r => r.Cells["date"]).Where(d => d.Length > 0).Select(EdtfDate.Parse).ToList();
        Assert.Contains(dates, d => d.Start?.Precision == EdtfPrecision.Decade);
        Assert.Contains(dates, d => d.IsApproximate);
        Assert.Contains(dates, d => d.IsUncertain);
        Assert.Contains(dates, d => d.IsInterval);
        Assert.Contains(dates, d => d.Start?.Precision == EdtfPrecision.Season);
        var items = dates.Where(d => !d.IsInterval).Select(d => d.Earliest!.Value.Year).ToList();
        Assert.True(items.Min() <= 1910 && items.Max() >= 1950, "dates should spread over 1905–1955");
    }

    [Fact]
    public void Some_names_are_written_in_other_forms_than_the_preferred_one()
    {
        var (names, _) = Authorities();
        var preferred = Rfc4180.Table(File.ReadAllText(DemoFile("authorities.csv"))).Rows.Select(r => r.Cells["name"]).ToHashSet();
        var written = RecordRows()
            .SelectMany(r => new[] { "persons", "institutions", "places" }.SelectMany(c => ContractCheck.Values(r.Cells[c])))
            .Select(v => ContractCheck.Qualified(v).Value).ToList();
        Assert.Contains(written, n => n == n.ToUpperInvariant() && Regex.IsMatch(n, "^[A-Z ]+$"));
        Assert.True(written.Count(n => !preferred.Contains(n)) >= 10, "variants and folded spellings should be exercised");
        Assert.Single(names.Match("person", "SERIF REMZI REYENT"));
        Assert.Single(names.Match("place", "Kizlaragasi Hani"));
    }

    [Fact]
    public void Checker_reports_a_name_that_matches_no_authority_and_a_child_before_its_parent()
    {
        var (names, authorityErrors) = ContractCheck.CheckAuthorities(
            "kind,name,variants\nperson,Şerif Remzi Reyent,Şerif Remzi|../1934\nplace,Kordon,Quai|../1923\n");
        Assert.Empty(authorityErrors);
        var errors = ContractCheck.CheckRecords(
            "identifier,parent,level,title,persons,places,rights\n" +
            "X-1,X-0,item,a,SERIF REMZI,Quai,http://rightsstatements.org/vocab/InC/1.0/\n" +
            "X-0,,fonds,b,Remzi Efendi,,\n", names);
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("line 2, parent:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("line 3, persons: 'Remzi Efendi' matches 0", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("line 3, rights:", StringComparison.Ordinal));
    }

    [Fact]
    public void Checker_reports_a_name_shared_by_two_authorities_after_folding()
    {
        var (_, errors) = ContractCheck.CheckAuthorities("kind,name,variants\nplace,Kızlarağası Hanı,\nplace,Büyük Han,KIZLARAGASI HANI\n");
        Assert.Single(errors, e => e.Contains("kizlaragasi hani", StringComparison.Ordinal));
    }

    [Fact]
    public void Checker_reports_a_relation_to_the_wrong_kind_of_authority()
    {
        var (_, errors) = ContractCheck.CheckAuthorities(
            "kind,name,relations\nplace,Kordon,\ninstitution,Reyent ve Şürekâsı,located_at:Kordon|1931/1958\nperson,Ali,founder_of:Kordon|1924;born_in:İzmir\n");
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.StartsWith("line 4, relations:", e, StringComparison.Ordinal));
    }

    [Fact]
    public void Reader_handles_quotes_embedded_newlines_and_a_bom()
    {
        var rows = Rfc4180.Parse("\uFEFFa,b\r\n\"x, \"\"y\"\"\",\"1\n2\"\r\nlast,\n");
        Assert.Equal(3, rows.Count);
        Assert.Equal(["x, \"y\"", "1\n2"], rows[1].Fields);
        Assert.Equal(4, rows[2].Line);
        Assert.Equal(["last", ""], rows[2].Fields);
        Assert.Throws<FormatException>(() => Rfc4180.Parse("a,\"b\n"));
    }

    /// <summary>
    /// The import benchmark's generator writes large CSVs that must pass the same checks; point
    /// <c>HAFIZA_CHECK_CSV_DIR</c> at its output directory to run them.
    /// </summary>
    [Fact]
    public void Generated_benchmark_csv_follows_the_contract_when_given()
    {
        var dir = Environment.GetEnvironmentVariable("HAFIZA_CHECK_CSV_DIR");
        if (string.IsNullOrEmpty(dir)) Assert.Skip("HAFIZA_CHECK_CSV_DIR is not set (only used to check benchmark output)");
        var (names, errors) = ContractCheck.CheckAuthorities(File.ReadAllText(Path.Combine(dir, "authorities.csv")));
        Assert.Empty(errors);
        Assert.Empty(ContractCheck.CheckRecords(File.ReadAllText(Path.Combine(dir, "records.csv")), names));
    }
}
