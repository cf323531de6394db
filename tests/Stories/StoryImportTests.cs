using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Ingest;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Indexer.Hosting;
using HafizaIzmir.Site.Cli;
using HafizaIzmir.Site.Demo;
using HafizaIzmir.Site.Hosting;
using HafizaIzmir.Site.Public;
using HafizaIzmir.Site.Stories;
using HafizaIzmir.Tests.Site;

namespace HafizaIzmir.Tests.Stories;

/// <summary>Story files: the demo's stories through the <c>demo</c> verb, and a directory with mistakes in it.</summary>
public sealed class StoryImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Valid = """
        ---
        slug: iyi-hikaye
        title: İyi hikâye
        axes: liman
        ---
        [[kayit:SRR-0001]] ve [[kisi:Şerif Remzi Reyent]].
        <!-- en -->
        In English.
        """;

    [Fact]
    public async Task The_demo_verb_loads_the_demo_stories_published_and_running_it_again_changes_nothing()
    {
        using var dir = new TempDirectory();
        var options = new ArchiveOptions(dir.Sub("data"));
        Assert.Equal(Verbs.Success, await DemoVerb.RunAsync(options, Ct));
        var archive = new Archive.Storage.Archive(new OcflRepository(options.CreateBlobStore()), new ChangeJournal(options.CreateBlobStore()));
        var entries = (await archive.Journal.ReadAfterAsync(null, Ct).ToListAsync(Ct)).Count;

        Assert.Equal(Verbs.Success, await DemoVerb.RunAsync(options, Ct));
        Assert.Equal(entries, (await archive.Journal.ReadAfterAsync(null, Ct).ToListAsync(Ct)).Count);
        var stories = await archive.ListStoriesAsync(Ct).ToListAsync(Ct);
        Assert.Equal(3, stories.Count);
        Assert.All(stories, s => Assert.Equal(1, s.Version));
        Assert.All(stories, s => Assert.Equal(WorkflowState.Published, s.Value.State));
        Assert.All(stories, s => Assert.False(string.IsNullOrWhiteSpace(s.Value.Body.En)));
        Assert.Contains(stories, s => s.Value.Featured);

        // Every reference in every demo story names a public record or an authority, in both languages.
        var names = new AuthorityNames(dir.Sub("names.json"));
        await names.RebuildAsync(archive, new Progress<int>(), Ct);
        var renderer = new StoryRenderer(new EmbedResolver(archive, names));
        foreach (var story in stories.Select(s => s.Value))
            foreach (var (text, language) in new[] { (story.Body.Tr, SiteLanguage.Turkish), (story.Body.En!, SiteLanguage.English) })
            {
                var rendered = await renderer.RenderAsync(text, language, preview: false, Ct);
                Assert.Empty(rendered.Unresolved);
                Assert.True(rendered.PublicRecords.Count >= 4, $"{story.Slug} shows {rendered.PublicRecords.Count} records");
                Assert.All(rendered.PublicRecords, r => Assert.NotNull(r.Thumbnail));
            }
    }

    [Fact]
    public async Task A_directory_with_one_bad_file_is_reported_with_lines_and_nothing_is_written()
    {
        using var dir = new TempDirectory();
        using var fixture = await StoryFixture.CreateAsync(StoryFixture.SeedAsync);
        var files = Directory.CreateDirectory(dir.Sub("stories")).FullName;
        await File.WriteAllTextAsync(Path.Combine(files, "a-iyi.md"), Valid, Ct);
        await File.WriteAllTextAsync(Path.Combine(files, "b-kotu.md"), """
            ---
            slug: Kötü Ad
            title: Kötü
            axes: liman;deniz
            renk: mavi
            featured: belki
            cover: YOK-1
            ---
            Satır.

            [[kayit:YOK-2]] ve [[kurum:Olmayan]].
            """, Ct);
        await File.WriteAllTextAsync(Path.Combine(files, "c-ikiz.md"), Valid, Ct);

        var report = await new StoryImporter(fixture.Archive).ImportAsync(files, "test", publish: true, Ct);
        Assert.False(report.Succeeded);
        var text = report.Describe();
        Assert.Contains("b-kotu.md: line 2, column slug: 'Kötü Ad' is not a slug", text);
        Assert.Contains("b-kotu.md: line 4, column axes: 'deniz' is not an axis", text);
        Assert.Contains("b-kotu.md: line 5, column renk: unknown key", text);
        Assert.Contains("b-kotu.md: line 6, column featured: 'belki' is neither true nor false", text);
        Assert.Contains("c-ikiz.md: line 1, column slug: 'iyi-hikaye' is also the slug of a-iyi.md", text);
        Assert.Contains("nothing was written", text);
        Assert.Empty(await fixture.Archive.ListStoriesAsync(Ct).ToListAsync(Ct));

        File.Delete(Path.Combine(files, "c-ikiz.md"));
        await File.WriteAllTextAsync(Path.Combine(files, "b-kotu.md"), """
            ---
            slug: kotu
            title: Kötü
            cover: YOK-1
            ---
            Satır.

            [[kayit:YOK-2]] ve [[kurum:Olmayan]] ve [[kayit:SRR-0002]].
            """, Ct);
        text = (await new StoryImporter(fixture.Archive).ImportAsync(files, "test", publish: true, Ct)).Describe();
        Assert.Contains("b-kotu.md: line 1, column cover: there is no record 'YOK-1'", text);
        Assert.Contains("b-kotu.md: line 8, column body: [[kayit:YOK-2]]: there is no record 'YOK-2'", text);
        Assert.Contains("b-kotu.md: line 8, column body: [[kurum:Olmayan]]: no institution has this id or name", text);
        // A draft record exists: a story may name it (the public site leaves it out until it is published).
        Assert.DoesNotContain("SRR-0002", text);
        Assert.Empty(await fixture.Archive.ListStoriesAsync(Ct).ToListAsync(Ct));
    }

    [Fact]
    public async Task Importing_without_publish_keeps_the_state_a_story_has_and_an_edited_file_is_a_new_version()
    {
        using var dir = new TempDirectory();
        using var fixture = await StoryFixture.CreateAsync(StoryFixture.SeedAsync);
        var files = Directory.CreateDirectory(dir.Sub("stories")).FullName;
        await File.WriteAllTextAsync(Path.Combine(files, "iyi-hikaye.md"), Valid, Ct);
        var importer = new StoryImporter(fixture.Archive);

        var first = await importer.ImportAsync(files, "ayse", publish: false, Ct);
        Assert.True(first.Succeeded, first.Describe());
        Assert.Equal((1, 0, 0), (first.Created, first.Updated, first.Unchanged));
        var story = (await fixture.Archive.GetStoryAsync("iyi-hikaye", Ct))!;
        Assert.Equal(WorkflowState.Draft, story.Value.State);
        Assert.Equal("In English.", story.Value.Body.En);
        Assert.Equal("[[kayit:SRR-0001]] ve [[kisi:Şerif Remzi Reyent]].", story.Value.Body.Tr);

        await fixture.Archive.SaveStoryAsync(story.Value with { State = WorkflowState.InReview }, 1, new CommitInfo("ayse", "İncelemeye gönderildi"), Ct);
        Assert.Equal((0, 0, 1), Counts(await importer.ImportAsync(files, "ayse", publish: false, Ct)));
        await File.WriteAllTextAsync(Path.Combine(files, "iyi-hikaye.md"), Valid.Replace("title: İyi hikâye", "title: Daha iyi hikâye"), Ct);
        Assert.Equal((0, 1, 0), Counts(await importer.ImportAsync(files, "ayse", publish: false, Ct)));
        var head = (await fixture.Archive.GetStoryAsync("iyi-hikaye", Ct))!;
        Assert.Equal((3, WorkflowState.InReview, "Daha iyi hikâye"), (head.Version, head.Value.State, head.Value.Title.Tr));
    }

    private static (int, int, int) Counts(StoryImportReport report)
    {
        Assert.True(report.Succeeded, report.Describe());
        return (report.Created, report.Updated, report.Unchanged);
    }
}
