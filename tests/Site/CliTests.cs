using System.Text;
using System.Text.Json;
using HafizaIzmir.Site.Hosting;

namespace HafizaIzmir.Tests.Site;

/// <summary>The <c>hafiza</c> verbs, run as the real program in a child process.</summary>
public class CliTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Data => _dir.Sub("data");

    private Task<ProcessResult> Hafiza(string? stdin, params string[] args) =>
        HafizaProcess.RunAsync([.. args, "--data", Data], stdin);

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("user", "add", "ayse")]                          // --role missing
    [InlineData("user", "add", "ayse", "--role", "emperor")]     // not a role
    [InlineData("import")]                                       // neither --csv nor --authorities
    [InlineData("export")]                                       // --out missing
    [InlineData("verify", "--fix")]
    public async Task Usage_errors_exit_2_and_say_why(params string[] args)
    {
        var result = await Hafiza(null, args);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("hafiza:", result.Stderr);
        Assert.False(Directory.Exists(Path.Combine(Data, "store")), "a usage error must not touch the data directory");
    }

    [Fact]
    public async Task Help_lists_every_verb()
    {
        var result = await Hafiza(null, "--help");
        Assert.Equal(0, result.ExitCode);
        foreach (var verb in new[] { "serve", "import", "reindex", "verify", "tiers", "export", "demo", "user" })
            Assert.Contains(verb, result.Stdout);
    }

    [Fact]
    public async Task User_add_reads_the_password_from_stdin_stores_a_hash_and_refuses_a_duplicate()
    {
        var created = await Hafiza("çok-gizli-parola\n", "user", "add", "Ayşe Işık", "--role", "cataloguer");
        Assert.True(created.ExitCode == 0, created.ToString());

        var blob = await new ArchiveOptions(Data).CreateBlobStore().GetAsync("accounts/ayse-isik.json", Ct);
        Assert.NotNull(blob);
        var json = Encoding.UTF8.GetString(blob.Bytes);
        Assert.DoesNotContain("çok-gizli-parola", json);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("Cataloguer", doc.RootElement.GetProperty("role").GetString());
        Assert.False(string.IsNullOrEmpty(doc.RootElement.GetProperty("passwordHash").GetString()));

        var duplicate = await Hafiza("başka-bir-parola\n", "user", "add", "AYŞE IŞIK", "--role", "admin");
        Assert.True(duplicate.ExitCode == 1, duplicate.ToString());
        Assert.Contains("already exists", duplicate.Stderr);
        var after = await new ArchiveOptions(Data).CreateBlobStore().GetAsync("accounts/ayse-isik.json", Ct);
        Assert.Equal(blob.Bytes, after!.Bytes);
    }

    [Fact]
    public async Task User_add_refuses_a_short_password()
    {
        var result = await Hafiza("kısa\n", "user", "add", "ayse", "--role", "student");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("at least 10", result.Stderr);
    }

    [Fact]
    public async Task Verify_on_empty_data_finds_nothing_wrong()
    {
        var result = await Hafiza(null, "verify");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("0 problems", result.Stdout);
    }

    [Fact]
    public async Task Export_refuses_a_non_empty_directory()
    {
        var target = _dir.Sub("out");
        Directory.CreateDirectory(target);
        await File.WriteAllTextAsync(Path.Combine(target, "keep.txt"), "mine", Ct);
        var result = await Hafiza(null, "export", "--out", target);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(["keep.txt"], Directory.GetFileSystemEntries(target).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Export_writes_records_with_their_files_authorities_and_a_readme()
    {
        var scan = Encoding.UTF8.GetBytes("not really a scan");
        await Seed.ArchiveAsync(Data, scan);
        var target = _dir.Sub("out");

        var result = await Hafiza(null, "export", "--out", target);
        Assert.True(result.ExitCode == 0, result.ToString());

        Assert.True(File.Exists(Path.Combine(target, "README.txt")));
        using (var record = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(target, "records", "SRR-0001", "record.json"), Ct)))
            Assert.Equal("İncir ihracatına dair mektup", record.RootElement.GetProperty("title").GetProperty("tr").GetString());
        Assert.Equal(scan, await File.ReadAllBytesAsync(Path.Combine(target, "records", "SRR-0001", "files", "0001.txt"), Ct));
        // Drafts are exported too: export is the whole archive, not the public site.
        Assert.True(File.Exists(Path.Combine(target, "records", "SRR-0002", "record.json")));
        using var person = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(target, "authorities", "kisi-serif-remzi-reyent.json"), Ct));
        Assert.Equal("person", person.RootElement.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Reindex_rebuilds_the_record_tree_from_storage_alone()
    {
        await Seed.ArchiveAsync(Data, [1, 2, 3]);
        var derived = Path.Combine(Data, "derived");
        Directory.CreateDirectory(derived);
        await File.WriteAllTextAsync(Path.Combine(derived, "stale.bin"), "left over", Ct);

        var result = await Hafiza(null, "reindex");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(File.Exists(Path.Combine(derived, "stale.bin")));
        var tree = await File.ReadAllTextAsync(Path.Combine(derived, "record-tree.json"), Ct);
        Assert.Contains("SRR-0001", tree);
        Assert.Contains("SRR-0002", tree);
    }
}
