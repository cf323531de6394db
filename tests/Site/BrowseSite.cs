using System.Security.Cryptography;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Site.Derived;
using HafizaIzmir.Site.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Record = HafizaIzmir.Archive.Domain.Record;

namespace HafizaIzmir.Tests.Site;

/// <summary>
/// The real host over the sample fonds plus streets with historical names, a renamed person, a scanned
/// photograph and drafts linked to the same authorities, for the browse, street, authority and caching tests.
/// </summary>
public sealed class BrowseSite : IAsyncDisposable
{
    public const string TileUrl = "https://tiles.example.org/{z}/{x}/{y}.png";

    private readonly TempDirectory _dir = new();
    private WebApplication _app = null!;

    public HttpClient Client { get; private set; } = null!;
    public HafizaIzmir.Archive.Storage.Archive Archive => _app.Services.GetRequiredService<HafizaIzmir.Archive.Storage.Archive>();
    public BrowseData Browse => _app.Services.GetRequiredService<BrowseData>();

    public static readonly Place Alsancak = new()
    {
        Id = "mekan-alsancak",
        Name = "Alsancak",
        Subtype = "semt",
        Latitude = 38.437,
        Longitude = 27.144,
        Variants = [new AuthorityName("Punta", EdtfDate.Parse("../1930"))],
        External = new ExternalIds { Wikidata = "Q1000", Geonames = "315000" },
    };

    public static readonly Place GaziBulvari = new()
    {
        Id = "mekan-gazi-bulvari",
        Name = "Gazi Bulvarı",
        Subtype = "bulvar",
        PartOf = Alsancak.Id,
        Latitude = 38.4260,
        Longitude = 27.1390,
        Variants = [new AuthorityName("Kızlarağası Caddesi", EdtfDate.Parse("../1934")), new AuthorityName("Rue Frank", EdtfDate.Parse("../1922"))],
    };

    public static readonly Place GulSokak = new()
    {
        Id = "mekan-gul-sokak",
        Name = "Gül Sokak",
        Subtype = "sokak",
        PartOf = Alsancak.Id,
        Variants = [new AuthorityName("Rue des Roses", EdtfDate.Parse("../1922"))],
    };

    /// <summary>A han, not a street: its name contains the same word but it must stay off the street list.</summary>
    public static readonly Place KizlaragasiHani = new() { Id = "mekan-kizlaragasi-hani", Name = "Kızlarağası Hanı", Subtype = "han" };

    public static readonly Record Photograph = SampleRecords.Make("SRR-0005", Level.Item, "Gazi Bulvarı'nda bir dükkân fotoğrafı", "SRR", date: "1925") with
    {
        Type = EuropeanaType.Image,
        Authorities = [new AuthorityLink(SampleRecords.Reyent.Id, AuthorityKind.Person), new AuthorityLink(GaziBulvari.Id, AuthorityKind.Place)],
    };

    public static readonly Record DraftOnStreet = SampleRecords.Make("SRR-0007", Level.Item, "Gizli taslak sokak planı", "SRR", WorkflowState.Draft, "1941") with
    {
        Authorities = [new AuthorityLink(GaziBulvari.Id, AuthorityKind.Place), new AuthorityLink(SampleRecords.Reyent.Id, AuthorityKind.Person)],
    };

    public static async Task<BrowseSite> StartAsync(bool withTiles = true)
    {
        var site = new BrowseSite();
        var options = new ArchiveOptions(site._dir.Sub("data"));
        site._app = HafizaHost.Build(options, configure: b =>
        {
            b.WebHost.UseTestServer();
            b.Configuration["Map:TileUrl"] = withTiles ? TileUrl : "";
            b.Configuration["Map:Attribution"] = "© Test tiles";
        });
        await site._app.Services.GetRequiredService<OcflRepository>().InitializeAsync();
        await SeedAsync(site.Archive);
        await site._app.StartAsync();
        await site._app.Services.GetRequiredService<JournalFollower>().Ready.WaitAsync(TimeSpan.FromSeconds(60));
        site.Client = site._app.GetTestClient();
        return site;
    }

    private static async Task SeedAsync(HafizaIzmir.Archive.Storage.Archive archive)
    {
        var info = new CommitInfo("test", "seed");
        // The person first had a shorter name: its slug must keep leading to the page after the rename.
        await archive.SaveAuthorityAsync(SampleRecords.Reyent with { Name = "Remzi Reyent" }, null, info);
        await archive.SaveAuthorityAsync(SampleRecords.Reyent with { External = new ExternalIds { Wikidata = "Q2000", Viaf = "123" } }, 1, info);
        foreach (var place in new[] { Alsancak, GaziBulvari, GulSokak, KizlaragasiHani })
            await archive.SaveAuthorityAsync(place, null, info);
        foreach (var record in new[] { SampleRecords.Fonds, SampleRecords.Letter, SampleRecords.Draft, SampleRecords.InReview, SampleRecords.Withdrawn, DraftOnStreet })
            await archive.SaveRecordAsync(record, [], null, info);
        var jpeg = HafizaIzmir.Tests.Images.TestImages.Encode(800, 600, ".jpg");
        var file = new RecordFile
        {
            Path = "files/0001.jpg",
            OriginalName = "0001.jpg",
            MediaType = "image/jpeg",
            Bytes = jpeg.Length,
            Sha512 = Convert.ToHexStringLower(SHA512.HashData(jpeg)),
            Width = 800,
            Height = 600,
        };
        await archive.SaveRecordAsync(Photograph with { Files = [file] }, [new NewFile(file.Path, OcflContent.FromBytes(jpeg))], null, info);
    }

    /// <summary>Waits until the journal follower has applied a change (the browse data's generation moved).</summary>
    public async Task WaitForChangeAsync(ulong before)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Browse.Generation == before)
        {
            Assert.True(DateTime.UtcNow < deadline, "the change reached the browse data within 20 seconds");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _dir.Dispose();
    }
}
