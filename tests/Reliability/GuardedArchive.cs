using System.Security.Cryptography;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Images;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Tests.Site;
using Record = HafizaIzmir.Archive.Domain.Record;

namespace HafizaIzmir.Tests.Reliability;

/// <summary>
/// A small archive for the authorization and hostile-input tests: a published fonds and letter with a scan,
/// and with scans too, a draft, a record in review and a record that was published and then withdrawn.
/// Each hidden record carries a marker word in its title and description that no public response may show.
/// Every record is openly licensed, so the masters of the public one may be downloaded and the hidden ones'
/// refusals come from the publication gate alone.
/// </summary>
public static class GuardedArchive
{
    public const string PublicRecord = "SRR-0001";
    public const string Fonds = "SRR";
    public const string Authority = "kisi-serif-remzi-reyent";
    public const string Axis = "liman";
    /// <summary>No story is seeded: story routes are checked against an unknown slug.</summary>
    public const string StorySlug = "kordon-hikayesi";

    /// <summary>The hidden records, with a marker word in the title and another in the description.</summary>
    public static readonly (string Identifier, string Marker, string DescriptionMarker)[] Hidden =
    [
        ("SRR-0102", "zumrutaslak", "yakutaslak"),
        ("SRR-0103", "zumrutinceleme", "yakutinceleme"),
        ("SRR-0104", "zumrutgericekilmis", "yakutgericekilmis"),
    ];

    public static IEnumerable<string> Markers => Hidden.SelectMany(h => new[] { h.Marker, h.DescriptionMarker });

    public static readonly byte[] Scan = SyntheticScan.Render(320, 240, seed: 11, "Kordon", ScanFormat.Jpeg);

    private const string OpenLicence = "https://creativecommons.org/licenses/by/4.0/";

    public static async Task SeedAsync(HafizaIzmir.Archive.Storage.Archive archive)
    {
        var info = new CommitInfo("test", "seed");
        await archive.SaveAuthorityAsync(SampleRecords.Reyent, null, info);
        await archive.SaveRecordAsync(SampleRecords.Fonds, [], null, info);
        await SaveWithScanAsync(archive, SampleRecords.Letter with { Axes = [Vocabulary.Axes[Axis]], Rights = OpenLicence }, null, info);
        var states = new[] { WorkflowState.Draft, WorkflowState.InReview, WorkflowState.Withdrawn };
        for (var i = 0; i < Hidden.Length; i++)
        {
            var (identifier, marker, descriptionMarker) = Hidden[i];
            var record = SampleRecords.Make(identifier, Level.Item, $"Gizli {marker} belgesi", Fonds) with
            {
                Description = new LocalizedText($"{descriptionMarker} yalnızca katalogda görünür."),
                Authorities = [new AuthorityLink(Authority, AuthorityKind.Person, "creator")],
                Axes = [Vocabulary.Axes[Axis]],
                Type = EuropeanaType.Image,
                Rights = OpenLicence,
            };
            if (states[i] == WorkflowState.Withdrawn)
            {
                // Published first, so OAI has a deleted header and derivatives may exist: it must still vanish.
                await SaveWithScanAsync(archive, record, null, info);
                await SaveWithScanAsync(archive, record with { State = WorkflowState.Withdrawn }, 1, info);
            }
            else
            {
                await SaveWithScanAsync(archive, record with { State = states[i] }, null, info);
            }
        }
    }

    private static Task SaveWithScanAsync(HafizaIzmir.Archive.Storage.Archive archive, Record record, int? expected, CommitInfo info)
    {
        var file = new RecordFile
        {
            Path = "files/0001.jpg",
            OriginalName = "0001.jpg",
            MediaType = "image/jpeg",
            Bytes = Scan.Length,
            Sha512 = Convert.ToHexStringLower(SHA512.HashData(Scan)),
            Width = 320,
            Height = 240,
        };
        return archive.SaveRecordAsync(record with { Files = [file] }, expected is null ? [new NewFile(file.Path, OcflContent.FromBytes(Scan))] : [], expected, info);
    }
}
