using System.Net;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using Record = HafizaIzmir.Archive.Domain.Record;

namespace HafizaIzmir.Tests.Site;

/// <summary>
/// The sample fonds plus what the authority, accession and merge tests need: a duplicate of the sample
/// person with a record of its own, an institution related to the duplicate, a place, and one accession.
/// </summary>
public static class KatalogAdministrationSeed
{
    public const string Survivor = "kisi-serif-remzi-reyent";
    public const string Duplicate = "kisi-s-remzi";
    public const string Firm = "kurum-reyent-ve-surekasi";
    public const string Kordon = "mekan-kordon";
    public const string Accession = "2024-001";

    public static readonly Person DuplicatePerson = new()
    {
        Id = Duplicate,
        Name = "Ş. Remzi Bey",
        Variants = [new AuthorityName("Remzi Efendi", EdtfDate.Parse("../1934"))],
        External = new ExternalIds { Wikidata = "Q6083960" },
    };

    public static readonly Institution FirmAuthority = new()
    {
        Id = Firm,
        Name = "Reyent ve Şürekâsı",
        Relations = [new Relation(RelationType.FounderOf, Duplicate, EdtfDate.Parse("1924"))],
    };

    public static readonly Place KordonPlace = new() { Id = Kordon, Name = "Kordon", Latitude = 38.4237, Longitude = 27.1428 };

    public static readonly Record Postcard = SampleRecords.Make("SRR-0005", Level.Item, "Remzi Bey'in kartpostalı", "SRR", date: "1926") with
    {
        Authorities = [new AuthorityLink(Duplicate, AuthorityKind.Person, "creator"), new AuthorityLink(Kordon, AuthorityKind.Place, "subject")],
        Type = EuropeanaType.Image,
    };

    public static async Task SeedAsync(HafizaIzmir.Archive.Storage.Archive archive)
    {
        await SiteHost.SeedSamplesAsync(archive);
        var info = new CommitInfo("test", "seed");
        foreach (Authority a in new Authority[] { DuplicatePerson, FirmAuthority, KordonPlace })
            await archive.SaveAuthorityAsync(a, null, info);
        await archive.SaveRecordAsync(Postcard, [], null, info);
        await archive.SaveAccessionAsync(new HafizaIzmir.Archive.Domain.Accession
        {
            Id = Accession,
            Method = AcquisitionMethod.Donation,
            Donors = [Duplicate],
            Date = EdtfDate.Parse("2024-03"),
            Records = ["SRR-0005"],
        }, null, info);
    }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Posts the form with a valid antiforgery token of this browser's session.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this KatalogBrowser browser, string path, params (string Name, string Value)[] fields) =>
        await browser.PostAsync(path, await browser.TokenAsync("/katalog"), fields);

    public static async Task<string> BodyAsync(this HttpResponseMessage response) => await response.Content.ReadAsStringAsync(Ct);

    public static async Task<int> VersionOfAuthority(this SiteHost site, string id) => (await site.Archive.GetAuthorityAsync(id, Ct))!.Version;

    /// <summary>Retries <paramref name="check"/> until it holds: derived data follows the journal a few hundred milliseconds behind.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> check, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await check())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"timed out waiting for: {what}");
            await Task.Delay(100, Ct);
        }
    }

    public static void AssertRedirectTo(HttpResponseMessage response, string location)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location!.ToString());
    }
}
