using HafizaIzmir.Archive.Images;
using HafizaIzmir.Site.Demo;

namespace HafizaIzmir.Tests.Demo;

public class DemoScansTests
{
    private static string Records()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "HafizaIzmir.sln"))) return Path.Combine(dir.FullName, "site", "Demo", "records.csv");
        return DemoScans.BundledRecords;
    }

    [Fact]
    public void Plan_covers_every_named_scan_once_with_its_own_seed()
    {
        var named = Rfc4180.Table(File.ReadAllText(Records())).Rows.SelectMany(r => ContractCheck.Values(r.Cells["files"])).ToList();
        var plan = DemoScans.Plan(Records());
        Assert.Equal(named, plan.Select(s => s.RelativePath));
        Assert.Equal(plan.Count, plan.Select(s => s.Seed).Distinct().Count());
        Assert.All(plan, s => Assert.Equal(ScanFormat.Jpeg, s.Format));
    }

    [Fact]
    public void Postcards_are_landscape_and_documents_portrait()
    {
        var plan = DemoScans.Plan(Records());
        Assert.Contains(plan, s => s.RelativePath.StartsWith("SRR-S05-", StringComparison.Ordinal) && s.Width > s.Height);
        Assert.All(plan.Where(s => s.RelativePath.StartsWith("SRR-S01-", StringComparison.Ordinal)), s => Assert.True(s.Height > s.Width));
    }

    [Fact]
    public void Seed_depends_only_on_the_file_name()
    {
        Assert.Equal(DemoScans.SeedOf("SRR-S01-0001-1.jpg"), DemoScans.SeedOf("SRR-S01-0001-1.jpg"));
        Assert.NotEqual(DemoScans.SeedOf("SRR-S01-0001-1.jpg"), DemoScans.SeedOf("SRR-S01-0001-2.jpg"));
        Assert.Equal(DemoScans.SeedOf("a/b.jpg"), DemoScans.SeedOf("a\\b.jpg"));
    }

    [Fact]
    public void Plan_refuses_a_scan_path_that_leaves_the_output_directory()
    {
        var csv = Path.GetTempFileName();
        try
        {
            File.WriteAllText(csv, "identifier,level,title,files\nX,item,t,../evil.jpg\n");
            Assert.Throws<InvalidDataException>(() => DemoScans.Plan(csv));
        }
        finally { File.Delete(csv); }
    }
}
