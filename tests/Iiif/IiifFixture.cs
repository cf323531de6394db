using System.Net;
using System.Security.Cryptography;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Images;
using HafizaIzmir.Archive.Images.Derivatives;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Tests.Site;
using NetVips;
using Record = HafizaIzmir.Archive.Domain.Record;

namespace HafizaIzmir.Tests.Iiif;

/// <summary>
/// A running site with a published record of two scans (a 400×300 image of four coloured quadrants, then a
/// generated 1200×900 JPEG scan), an unpublished record with a scan, a published record without files, and
/// published records under an open licence and a restricted one; masters of openly licensed records may be
/// downloaded.
/// </summary>
public sealed class IiifFixture : IAsyncLifetime
{
    public const string Published = "IIIF-1";
    public const string Unpublished = "IIIF-2";
    public const string NoImages = "IIIF-3";
    public const string OpenLicence = "IIIF-4";
    public const string NonCommercial = "IIIF-5";

    public static readonly byte[] Quadrants = QuadrantPng();
    public static readonly byte[] Scan = SyntheticScan.Render(1200, 900, seed: 7, "İzmir Gümrük Müdürlüğü", ScanFormat.Jpeg);

    public SiteHost Site { get; private set; } = null!;
    public HttpClient Client => Site.Client;

    public async ValueTask InitializeAsync() => Site = await SiteHost.StartAsync("filesystem", SeedAsync,
        settings: new Dictionary<string, string?> { ["Iiif:DownloadMasters"] = "Open" });

    public async ValueTask DisposeAsync() => await Site.DisposeAsync();

    public static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA512.HashData(bytes));

    /// <summary>Waits until the background worker has made the pyramid and thumbnail of <paramref name="master"/>.</summary>
    public async Task WaitForDerivativesAsync(byte[] master)
    {
        var store = (DerivativeStore)Site.Services.GetService(typeof(DerivativeStore))!;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await store.ExistsAsync(Sha(master)))
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("the derivatives were not made within 60 seconds");
            await Task.Delay(100);
        }
    }

    private static async Task SeedAsync(HafizaIzmir.Archive.Storage.Archive archive)
    {
        var info = new CommitInfo("test", "seed");
        await archive.SaveAuthorityAsync(SampleRecords.Reyent, null, info);
        await archive.SaveRecordAsync(SampleRecords.Fonds, [], null, info);
        var letter = SampleRecords.Letter with
        {
            Identifier = Published,
            Title = new LocalizedText("Gümrük beyannamesi", "Customs declaration"),
            Description = new LocalizedText("İki sayfalık beyanname.", "A declaration of two pages."),
        };
        await SaveWithFilesAsync(archive, letter, info, ("files/0001.png", "image/png", Quadrants, 400, 300), ("files/0002.jpg", "image/jpeg", Scan, 1200, 900));
        await SaveWithFilesAsync(archive, SampleRecords.Draft with { Identifier = Unpublished }, info, ("files/0001.jpg", "image/jpeg", Scan, 1200, 900));
        await archive.SaveRecordAsync(SampleRecords.Make(NoImages, Level.Item, "Dosyasız kayıt", "SRR"), [], null, info);
        await SaveWithFilesAsync(archive, letter with { Identifier = OpenLicence, Rights = "https://creativecommons.org/licenses/by/4.0/" }, info,
            ("files/0001.jpg", "image/jpeg", Scan, 1200, 900), ("files/0002.png", "image/png", Quadrants, 400, 300));
        await SaveWithFilesAsync(archive, letter with { Identifier = NonCommercial, Rights = "http://creativecommons.org/licenses/by-nc/4.0/" }, info,
            ("files/0001.jpg", "image/jpeg", Scan, 1200, 900));
    }

    private static Task SaveWithFilesAsync(HafizaIzmir.Archive.Storage.Archive archive, Record record, CommitInfo info,
        params (string Path, string MediaType, byte[] Bytes, int Width, int Height)[] files)
    {
        var recordFiles = files.Select(f => new RecordFile
        {
            Path = f.Path,
            OriginalName = Path.GetFileName(f.Path),
            MediaType = f.MediaType,
            Bytes = f.Bytes.Length,
            Sha512 = Sha(f.Bytes),
            Width = f.Width,
            Height = f.Height,
        }).ToList();
        return archive.SaveRecordAsync(record with { Files = recordFiles },
            [.. files.Select(f => new NewFile(f.Path, OcflContent.FromBytes(f.Bytes)))], null, info);
    }

    /// <summary>Red top left, green top right, blue bottom left, white bottom right.</summary>
    private static byte[] QuadrantPng()
    {
        using var red = Image.Black(200, 150, bands: 3) + new double[] { 255, 0, 0 };
        using var green = Image.Black(200, 150, bands: 3) + new double[] { 0, 255, 0 };
        using var blue = Image.Black(200, 150, bands: 3) + new double[] { 0, 0, 255 };
        using var white = Image.Black(200, 150, bands: 3) + new double[] { 255, 255, 255 };
        using var joined = Image.Arrayjoin([red, green, blue, white], across: 2);
        using var srgb = joined.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        return srgb.PngsaveBuffer();
    }

    public async Task<HttpResponseMessage> GetAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.True(expected == response.StatusCode,
            $"{path}: expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    /// <summary>The decoded image of a response, with its colour at a point as (r, g, b).</summary>
    public async Task<Image> ImageAsync(string path)
    {
        var response = await GetAsync(path);
        return Image.NewFromBuffer(await response.Content.ReadAsByteArrayAsync());
    }
}
