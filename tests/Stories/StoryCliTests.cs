using System.Text;
using System.Text.Json;
using HafizaIzmir.Tests.Site;

namespace HafizaIzmir.Tests.Stories;

/// <summary><c>import-stories</c>, and stories in <c>export</c> and <c>reindex</c>, run as the real program.</summary>
public sealed class StoryCliTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Data => _dir.Sub("data");

    private Task<ProcessResult> Hafiza(params string[] args) => HafizaProcess.RunAsync([.. args, "--data", Data]);

    [Fact]
    public async Task Import_stories_writes_once_then_changes_nothing_and_export_and_reindex_include_the_story()
    {
        await Seed.ArchiveAsync(Data, Encoding.UTF8.GetBytes("tarama"));
        var stories = Directory.CreateDirectory(_dir.Sub("stories")).FullName;
        await File.WriteAllTextAsync(Path.Combine(stories, "mektup.md"), "---\nslug: mektup\ntitle: Bir mektup\n---\n[[kayit:SRR-0001]]\n", Ct);

        var first = await Hafiza("import-stories", stories, "--publish", "--user", "ayse");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("stories: 1 read, 1 created, 0 updated, 0 unchanged", first.Stdout);
        var again = await Hafiza("import-stories", stories, "--publish", "--user", "ayse");
        Assert.Contains("stories: 1 read, 0 created, 0 updated, 1 unchanged", again.Stdout);

        var export = _dir.Sub("out");
        var exported = await Hafiza("export", "--out", export);
        Assert.True(exported.ExitCode == 0, exported.ToString());
        using (var story = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(export, "stories", "mektup.json"), Ct)))
        {
            Assert.Equal("Bir mektup", story.RootElement.GetProperty("title").GetProperty("tr").GetString());
            Assert.Equal("Published", story.RootElement.GetProperty("state").GetString());
            Assert.Equal("ayse", story.RootElement.GetProperty("createdBy").GetString());
        }

        var reindex = await Hafiza("reindex");
        Assert.True(reindex.ExitCode == 0, reindex.ToString());
        Assert.Contains("\"slug\": \"mektup\"", await File.ReadAllTextAsync(Path.Combine(Data, "derived", "stories.json"), Ct));
    }

    [Fact]
    public async Task Import_stories_with_a_bad_reference_exits_1_naming_file_and_line()
    {
        await Seed.ArchiveAsync(Data, [1]);
        var stories = Directory.CreateDirectory(_dir.Sub("stories")).FullName;
        await File.WriteAllTextAsync(Path.Combine(stories, "yanlis.md"), "---\nslug: yanlis\ntitle: Yanlış\n---\nBir.\n\n[[kayit:SRR-9999]]\n", Ct);
        var result = await Hafiza("import-stories", stories);
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("error: yanlis.md: line 7, column body: [[kayit:SRR-9999]]: there is no record 'SRR-9999'", result.Stderr);
        Assert.Contains("nothing was written", result.Stderr);
    }
}
