using System.Xml.Linq;
using HafizaIzmir.Archive.Domain;
using Record = HafizaIzmir.Archive.Domain.Record;
using HafizaIzmir.Oai;
using HafizaIzmir.Oai.Protocol;
using HafizaIzmir.Oai.Source;
using HafizaIzmir.Oai.Tiers;

namespace HafizaIzmir.Tests.Oai;

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>A small archive: one fonds with a series, items in several shapes, a draft and a withdrawn record.</summary>
internal static class OaiTestData
{
    public static readonly DateTimeOffset T0 = new(2024, 3, 1, 10, 0, 0, TimeSpan.Zero);
    public const string Repo = "hafiza.izmir";
    public const string BaseUrl = "http://127.0.0.1:5000/oai";

    public static readonly Person Reyent = new()
    {
        Id = "P0001",
        Name = "Şerif Remzi Reyent",
        Dates = EdtfDate.Parse("1890/1957"),
        Subtype = "tüccar",
        Variants = [new AuthorityName("Şerif Remzi")],
        External = new ExternalIds { Wikidata = "Q123456", Viaf = "98765" },
    };
    public static readonly Person Ahmet = new() { Id = "P0002", Name = "Ahmet Efendi" };
    public static readonly Institution Firma = new() { Id = "I0001", Name = "Reyent ve Şürekâsı", Dates = EdtfDate.Parse("1924/1950"), Subtype = "firma" };
    public static readonly Place Kordon = new()
    {
        Id = "M0001",
        Name = "Kordon",
        Latitude = 38.4312,
        Longitude = 27.1375,
        PartOf = "M0002",
        Variants = [new AuthorityName("Birinci Kordon", EdtfDate.Parse("../1930"))],
        External = new ExternalIds { Geonames = "311046" },
    };
    public static readonly Place Alsancak = new() { Id = "M0002", Name = "Alsancak", Variants = [new AuthorityName("Punta", EdtfDate.Parse("../1930"))] };
    public static readonly IReadOnlyList<Authority> Authorities = [Reyent, Ahmet, Firma, Kordon, Alsancak];

    public static readonly Record Fonds = new()
    {
        Identifier = "SRR",
        Level = Level.Fonds,
        Title = new LocalizedText("Şerif Remzi Reyent Arşivi", "Şerif Remzi Reyent Papers"),
        State = WorkflowState.Published,
        Rights = "http://rightsstatements.org/vocab/InC/1.0/",
        Axes = [Axis.Ticaret],
    };
    public static readonly Record Series = new()
    {
        Identifier = "SRR-S01",
        Level = Level.Series,
        Parent = "SRR",
        Title = new LocalizedText("Mektuplar"),
        State = WorkflowState.Published,
        Rights = "http://rightsstatements.org/vocab/InC/1.0/",
    };

    /// <summary>
    /// A letter with almost nothing catalogued (no files, description, subjects, languages, genre or date,
    /// unusable rights, one place without coordinates): the thinnest record the mappings must still serve.
    /// </summary>
    public static Record BareLetter(string identifier, string rights, Func<Record, Record>? change = null)
    {
        var record = Letter(identifier, r => r with
        {
            Files = [],
            Description = null,
            Subjects = [],
            Languages = [],
            Genre = null,
            Date = null,
            Rights = rights,
            Authorities = [new AuthorityLink("M0002", AuthorityKind.Place)],
        });
        return change is null ? record : change(record);
    }

    public static RecordFile Image(int width, int height, int n = 1) => new()
    {
        Path = $"files/{n:0000}.tif",
        OriginalName = $"scan{n}.tif",
        MediaType = "image/tiff",
        Bytes = 1000,
        Sha512 = new string('a', 128),
        Width = width,
        Height = height,
    };

    public static readonly RecordFile Pdf = new()
    {
        Path = "files/0001.pdf",
        OriginalName = "mektup.pdf",
        MediaType = "application/pdf",
        Bytes = 1000,
        Sha512 = new string('b', 128),
    };

    /// <summary>A published item in the series, the shape most tests need; <paramref name="change"/> adjusts it.</summary>
    public static Record Letter(string id, Func<Record, Record>? change = null)
    {
        var record = new Record
        {
            Identifier = id,
            Level = Level.Item,
            Parent = "SRR-S01",
            State = WorkflowState.Published,
            Title = new LocalizedText($"Reyent'ten mektup {id}", $"Letter from Reyent {id}"),
            Description = new LocalizedText("İncir ihracatı üzerine bir mektup."),
            Date = EdtfDate.Parse("1925-05-12"),
            Type = EuropeanaType.Text,
            Genre = "mektup",
            Languages = ["tr", "ota"],
            Subjects = ["incir", "ihracat"],
            Axes = [Axis.Liman, Axis.Ticaret],
            Extent = "2 yaprak",
            Authorities = [new AuthorityLink("P0001", AuthorityKind.Person, "creator"), new AuthorityLink("P0002", AuthorityKind.Person, "alıcı"),
                new AuthorityLink("I0001", AuthorityKind.Institution), new AuthorityLink("M0001", AuthorityKind.Place)],
            Files = [Image(1200, 800), Image(1200, 800, 2)],
            Rights = "https://creativecommons.org/publicdomain/mark/1.0/",
            ForEuropeana = true,
        };
        return change is null ? record : change(record);
    }

    public static OaiItem Item(Record record, DateTimeOffset datestamp)
    {
        var ancestors = record.Level switch
        {
            Level.Fonds => [],
            Level.Series => [Fonds],
            _ => new List<Record> { Fonds, Series },
        };
        var item = new OaiItem
        {
            Record = record,
            Datestamp = datestamp,
            Ancestors = ancestors,
            Deleted = record.State == WorkflowState.Withdrawn,
            Authorities = Authorities.Where(a => record.Authorities.Any(l => l.AuthorityId == a.Id)).ToList(),
        };
        return item with { SetSpecs = OaiSets.For(record, ancestors, EuropeanaTiers.Classify(item).MeetsEuropeanaMinimum) };
    }

    /// <summary>
    /// Fonds, series, twelve letters (SRR-0001 … SRR-0012, one minute apart, the last two in the same
    /// second), a draft, an item in review and a withdrawn letter.
    /// </summary>
    public static InMemoryOaiRecordSource Archive()
    {
        var items = new List<OaiItem> { Item(Fonds, T0), Item(Series, T0.AddMinutes(1)) };
        for (var i = 1; i <= 12; i++)
            items.Add(Item(Letter($"SRR-{i:0000}"), T0.AddMinutes(1 + Math.Min(i, 11))));
        items.Add(Item(Letter("SRR-0098", r => r with { State = WorkflowState.Draft }), T0.AddMinutes(30)));
        items.Add(Item(Letter("SRR-0097", r => r with { State = WorkflowState.InReview }), T0.AddMinutes(31)));
        items.Add(Item(Letter("SRR-0050", r => r with { State = WorkflowState.Withdrawn }), T0.AddMinutes(40)));
        return new InMemoryOaiRecordSource(items);
    }

    public static OaiOptions Options(int pageSize = 100) => new()
    {
        RepositoryIdentifier = Repo,
        PageSize = pageSize,
        TokenKey = "test-key",
        PublicBaseUrl = "https://hafiza.example.org",
        AdminEmails = ["arsiv@hafiza.example.org"],
    };
}

/// <summary>Calls the endpoint like a web host would, with a clock fixed well after the test data.</summary>
internal sealed class OaiClient
{
    private readonly OaiPmhEndpoint _endpoint;

    public OaiClient(IOaiRecordSource source, OaiOptions? options = null)
    {
        _endpoint = new OaiPmhEndpoint(source, options ?? OaiTestData.Options(), Clock);
    }

    public FixedClock Clock { get; } = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public static readonly XNamespace OaiNs = "http://www.openarchives.org/OAI/2.0/";

    public async Task<XDocument> Get(string query) => XDocument.Parse(await Raw(OaiArguments.Parse(query)));

    public async Task<string> Raw(IReadOnlyDictionary<string, string[]> arguments)
    {
        using var output = new MemoryStream();
        await _endpoint.WriteResponseAsync(arguments, OaiTestData.BaseUrl, output, TestContext.Current.CancellationToken);
        return System.Text.Encoding.UTF8.GetString(output.ToArray());
    }

    public static string? ErrorCode(XDocument d) => d.Root!.Element(OaiNs + "error")?.Attribute("code")?.Value;

    public static IEnumerable<string> Identifiers(XDocument d) =>
        d.Descendants(OaiNs + "header").Select(h => h.Element(OaiNs + "identifier")!.Value[$"oai:{OaiTestData.Repo}:".Length..]);

    public static XElement? Token(XDocument d) => d.Descendants(OaiNs + "resumptionToken").SingleOrDefault();
}
