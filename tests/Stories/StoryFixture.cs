using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Indexer.Hosting;
using HafizaIzmir.Site.Stories;
using HafizaIzmir.Site.Hosting;
using HafizaIzmir.Site.Public;
using HafizaIzmir.Tests.Site;
using Record = HafizaIzmir.Archive.Domain.Record;

namespace HafizaIzmir.Tests.Stories;

/// <summary>A real archive on a temporary filesystem store with the authority names, and the story renderer over them.</summary>
public sealed class StoryFixture : IDisposable
{
    private readonly TempDirectory _dir;

    private StoryFixture(TempDirectory dir, Archive.Storage.Archive archive, AuthorityNames names)
    {
        _dir = dir;
        Archive = archive;
        Names = names;
        Renderer = new StoryRenderer(new EmbedResolver(archive, names));
    }

    public Archive.Storage.Archive Archive { get; }
    public AuthorityNames Names { get; }
    public StoryRenderer Renderer { get; }

    public static async Task<StoryFixture> CreateAsync(Func<Archive.Storage.Archive, Task>? seed = null)
    {
        var dir = new TempDirectory();
        var store = new ArchiveOptions(dir.Sub("data")).CreateBlobStore();
        var repository = new OcflRepository(store);
        await repository.InitializeAsync();
        var archive = new Archive.Storage.Archive(repository, new ChangeJournal(store));
        if (seed is not null) await seed(archive);
        var names = new AuthorityNames(dir.Sub("authority-names.json"));
        await names.RebuildAsync(archive, new Progress<int>(), TestContext.Current.CancellationToken);
        return new StoryFixture(dir, archive, names);
    }

    /// <summary>A published letter with a scan, a draft, a person with a variant name and a place.</summary>
    public static async Task SeedAsync(Archive.Storage.Archive archive)
    {
        var info = new CommitInfo("test", "seed");
        await archive.SaveAuthorityAsync(SampleRecords.Reyent with { Variants = [new AuthorityName("Şerif Remzi")] }, null, info);
        await archive.SaveAuthorityAsync(new Place { Id = "l-kordon", Name = "Kordon", Variants = [new AuthorityName("Quai de Smyrne")] }, null, info);
        await archive.SaveRecordAsync(SampleRecords.Fonds, [], null, info);
        await archive.SaveRecordAsync(SampleRecords.Letter with
        {
            Title = new LocalizedText("İncir <b>ihracatına</b> dair mektup", "Letter about <i>fig</i> exports"),
            Files = [new RecordFile { Path = "files/0001.jpg", OriginalName = "1.jpg", MediaType = "image/jpeg", Bytes = 3, Sha512 = "aa", Width = 1200, Height = 1600 }],
        }, [new NewFile("files/0001.jpg", OcflContent.FromBytes([1, 2, 3]))], null, info);
        await archive.SaveRecordAsync(SampleRecords.Draft with { Title = new LocalizedText("Gizli taslak konşimento") }, [], null, info);
    }

    public Task<RenderedStory> PublicAsync(string markdown, bool english = false) =>
        Renderer.RenderAsync(markdown, english ? SiteLanguage.English : SiteLanguage.Turkish, preview: false, TestContext.Current.CancellationToken);

    public Task<RenderedStory> PreviewAsync(string markdown) =>
        Renderer.RenderAsync(markdown, SiteLanguage.Turkish, preview: true, TestContext.Current.CancellationToken);

    public void Dispose() => _dir.Dispose();
}
