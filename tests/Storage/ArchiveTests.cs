using System.Text;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using Record = HafizaIzmir.Archive.Domain.Record;

namespace HafizaIzmir.Tests.Storage;

/// <summary>Saving and loading domain objects through OCFL, on each backend.</summary>
public abstract class ArchiveTests(TestBackend backend) : IAsyncDisposable
{
    private static readonly DateTimeOffset T1 = new(2024, 5, 1, 10, 0, 0, TimeSpan.FromHours(3));
    private static readonly DateTimeOffset T2 = T1.AddDays(1);

    public ValueTask DisposeAsync() => backend.DisposeAsync();

    private async Task<Archive.Storage.Archive> ArchiveAsync()
    {
        var store = await backend.OpenAsync();
        var repository = new OcflRepository(store);
        await repository.InitializeAsync();
        return new Archive.Storage.Archive(repository, new ChangeJournal(store));
    }

    private static Record FullRecord() => new()
    {
        Identifier = "SRR-F03-S02-0117",
        Level = Level.Item,
        Parent = "SRR-F03-S02",
        Title = new LocalizedText("Şerif Remzi'den İzmir'e mektup", "Letter from Şerif Remzi to İzmir"),
        Date = EdtfDate.Parse("1923-05~"),
        Type = EuropeanaType.Text,
        Genre = "mektup",
        Description = new LocalizedText("Kordon'daki ığdır çarşısı…", "On the quay"),
        Languages = ["tr", "ota"],
        Extent = "2 yaprak",
        Rights = "http://rightsstatements.org/vocab/InC/1.0/",
        Axes = [Axis.Liman, Axis.Yaraticilik],
        Authorities = [new AuthorityLink("serif-remzi-reyent", AuthorityKind.Person, "creator"), new AuthorityLink("kordon", AuthorityKind.Place)],
        Subjects = ["incir", "ticaret"],
        Files = [new RecordFile { Path = "files/0001.tif", OriginalName = "tarama 1.tif", MediaType = "image/tiff", Bytes = 4, Sha512 = "ab", Width = 10, Height = 20 }],
        State = WorkflowState.Published,
        ForEuropeana = true,
        Accession = "ACC-2024-01",
    };

    private static string Json<T>(T value) => Encoding.UTF8.GetString(ArchiveJson.Serialize(value));

    [Fact]
    public async Task A_record_with_every_field_round_trips_with_its_files()
    {
        var archive = await ArchiveAsync();
        var record = FullRecord();
        var result = await archive.SaveRecordAsync(record, [new NewFile("files/0001.tif", OcflContent.FromBytes([1, 2, 3, 4]))], null, new CommitInfo("ayse", "ilk kayıt", T1));
        Assert.Equal(new OcflCommitResult(1, true), result);

        var loaded = await archive.GetRecordAsync(record.Identifier);
        Assert.NotNull(loaded);
        Assert.Equal(1, loaded.Version);
        Assert.Equal(T1, loaded.Modified);
        var expected = record with { CreatedBy = "ayse", CreatedAt = T1, ChangedBy = "ayse", ChangedAt = T1 };
        Assert.Equal(Json(expected), Json(loaded.Value));
        Assert.Equal("1923-05~", loaded.Value.Date!.Text);
        Assert.Equal([Axis.Liman, Axis.Yaraticilik], loaded.Value.Axes);
        Assert.Equal(20, loaded.Value.Files[0].Height);

        await using var file = await archive.OpenRecordFileAsync(record.Identifier, "files/0001.tif");
        var bytes = new MemoryStream();
        await file!.CopyToAsync(bytes);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, bytes.ToArray());

        await using var raw = await archive.Repository.OpenFileAsync("record:" + record.Identifier, "record.json");
        var text = await new StreamReader(raw!).ReadToEndAsync();
        Assert.Contains("\"title\": {", text);
        Assert.Contains("Şerif Remzi'den İzmir'e mektup", text); // readable, not \u015E escapes
        Assert.Contains("\"level\": \"Item\"", text);
        Assert.DoesNotContain("null", text);
    }

    [Fact]
    public async Task Authorities_keep_their_kind_variants_relations_and_coordinates()
    {
        var archive = await ArchiveAsync();
        Authority[] authorities =
        [
            new Person
            {
                Id = "serif-remzi-reyent", Name = "Şerif Remzi Reyent", Slug = "serif-remzi-reyent",
                Variants = [new AuthorityName("Şerif Remzi", EdtfDate.Parse("../1934"))], Dates = EdtfDate.Parse("1890/1957"),
                Subtype = "tüccar", Description = new LocalizedText("İzmirli tüccar", "Merchant"),
                External = new ExternalIds { Wikidata = "Q1", Viaf = "123" },
                Relations = [new Relation(RelationType.FounderOf, "reyent-ve-surekasi", EdtfDate.Parse("1924")), new Relation(RelationType.LivedIn, "alsancak")],
            },
            new Institution { Id = "reyent-ve-surekasi", Name = "Reyent ve Şürekâsı", Subtype = "firma" },
            new Place
            {
                Id = "alsancak", Name = "Alsancak", Variants = [new AuthorityName("Punta", EdtfDate.Parse("../1930"))],
                Latitude = 38.4375, Longitude = 27.1425, PartOf = "izmir", External = new ExternalIds { Geonames = "321", OpenStreetMap = "way/1" },
            },
        ];
        foreach (var authority in authorities)
            Assert.True((await archive.SaveAuthorityAsync(authority, null, new CommitInfo("ayse", "yeni", T1))).Changed);

        foreach (var authority in authorities)
        {
            var loaded = (await archive.GetAuthorityAsync(authority.Id))!.Value;
            Assert.Equal(authority.GetType(), loaded.GetType());
            Assert.Equal(Json<Authority>(authority with { CreatedBy = "ayse", CreatedAt = T1, ChangedBy = "ayse", ChangedAt = T1 }), Json(loaded));
        }
        var place = Assert.IsType<Place>((await archive.GetAuthorityAsync("alsancak"))!.Value);
        Assert.Equal((38.4375, 27.1425, "izmir"), (place.Latitude!.Value, place.Longitude!.Value, place.PartOf));
        Assert.Equal("Punta", place.Variants[0].Name);
        var person = (await archive.GetAuthorityAsync("serif-remzi-reyent"))!.Value;
        Assert.Equal(RelationType.FounderOf, person.Relations[0].Type);
        Assert.Equal("1924", person.Relations[0].Period!.Text);

        var listed = await archive.ListAuthoritiesAsync().Select(a => a.Value.Id).ToListAsync();
        Assert.Equal(authorities.Select(a => a.Id).Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.Empty(await archive.ListRecordsAsync().ToListAsync());
    }

    [Fact]
    public async Task An_accession_round_trips()
    {
        var archive = await ArchiveAsync();
        var accession = new Accession
        {
            Id = "ACC-2024-01",
            Method = AcquisitionMethod.Donation,
            Donors = ["serif-remzi-reyent"],
            Date = EdtfDate.Parse("2024-03"),
            Terms = "açık erişim",
            Description = new LocalizedText("Aile bağışı"),
            Records = ["SRR-0001", "SRR-0002"],
        };
        await archive.SaveAccessionAsync(accession, null, new CommitInfo("ayse", "bağış", T1));
        Assert.Equal(Json(accession), Json((await archive.GetAccessionAsync("ACC-2024-01"))!.Value));
        Assert.False((await archive.SaveAccessionAsync(accession, 1, new CommitInfo("ayse", "again", T2))).Changed);
    }

    [Fact]
    public async Task Saving_an_unchanged_record_writes_no_version_and_no_journal_entry()
    {
        var archive = await ArchiveAsync();
        var record = FullRecord() with { Files = [] };
        await archive.SaveRecordAsync(record, [], null, new CommitInfo("ayse", "ilk", T1));
        var entries = await archive.Journal.ReadAfterAsync(null).ToListAsync();
        var loaded = (await archive.GetRecordAsync(record.Identifier))!.Value;

        var again = await archive.SaveRecordAsync(loaded with { ChangedBy = "someone", ChangedAt = T2 }, [], 1, new CommitInfo("mehmet", "aynı", T2));
        Assert.Equal(new OcflCommitResult(1, false), again);
        Assert.Equal(entries, await archive.Journal.ReadAfterAsync(null).ToListAsync());

        var changed = await archive.SaveRecordAsync(loaded with { Genre = "kartpostal" }, [], 1, new CommitInfo("mehmet", "tür", T2));
        Assert.Equal(new OcflCommitResult(2, true), changed);
        var head = (await archive.GetRecordAsync(record.Identifier))!;
        Assert.Equal((2, "kartpostal", "ayse", T1, "mehmet", T2), (head.Version, head.Value.Genre, head.Value.CreatedBy, head.Value.CreatedAt, head.Value.ChangedBy, head.Value.ChangedAt));
        var last = (await archive.Journal.ReadAfterAsync(entries[^1].Position).ToListAsync()).Single();
        Assert.Equal(("record:" + record.Identifier, 2), (last.ObjectId, last.Version));
        Assert.Empty((await archive.Repository.VerifyAsync(repair: false)).Problems);
    }

    [Fact]
    public async Task Files_the_record_no_longer_lists_leave_its_head()
    {
        var archive = await ArchiveAsync();
        var record = FullRecord();
        await archive.SaveRecordAsync(record, [new NewFile("files/0001.tif", OcflContent.FromBytes([9]))], null, new CommitInfo("ayse", "ilk", T1));
        await archive.SaveRecordAsync(record with { Files = [] }, [], 1, new CommitInfo("ayse", "dosya silindi", T2));
        Assert.Null(await archive.OpenRecordFileAsync(record.Identifier, "files/0001.tif"));
        Assert.NotNull(await archive.Repository.OpenFileAsync("record:" + record.Identifier, "files/0001.tif", 1));
    }

    [Fact]
    public async Task Of_two_concurrent_saves_one_wins_and_the_other_learns_the_new_version()
    {
        var first = await ArchiveAsync();
        var second = new Archive.Storage.Archive(new OcflRepository(await backend.OpenAsync()), new ChangeJournal(await backend.OpenAsync()));
        var record = FullRecord() with { Files = [] };
        await first.SaveRecordAsync(record, [], null, new CommitInfo("ayse", "ilk", T1));
        var outcomes = await Task.WhenAll(
            Attempt(() => first.SaveRecordAsync(record with { Genre = "a" }, [], 1, new CommitInfo("ayse", "a", T2))),
            Attempt(() => second.SaveRecordAsync(record with { Genre = "b" }, [], 1, new CommitInfo("mehmet", "b", T2))));
        var winner = Assert.Single(outcomes, o => o.Result is not null);
        var loser = Assert.Single(outcomes, o => o.Conflict is not null);
        Assert.Equal(2, winner.Result!.Version);
        Assert.Equal(2, loser.Conflict!.CurrentVersion);
        Assert.Equal("record:" + record.Identifier, loser.Conflict.ObjectId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-starts-with-dash")]
    [InlineData("has space")]
    [InlineData("has/slash")]
    [InlineData("Türkçe")]
    public async Task Bad_identifiers_are_refused_and_nothing_is_written(string identifier)
    {
        var archive = await ArchiveAsync();
        var before = await archive.Repository.Store.ListAsync("").CountAsync();
        await Assert.ThrowsAnyAsync<ArgumentException>(() => archive.SaveRecordAsync(FullRecord() with { Identifier = identifier }, [], null, new CommitInfo("ayse", "x", T1)));
        Assert.Equal(before, await archive.Repository.Store.ListAsync("").CountAsync());
    }

    private static async Task<(OcflCommitResult? Result, OcflConflictException? Conflict)> Attempt(Func<Task<OcflCommitResult>> save)
    {
        try { return (await save(), null); }
        catch (OcflConflictException e) { return (null, e); }
    }
}

public sealed class FileSystemArchiveTests() : ArchiveTests(new FileSystemBackend());

public sealed class AzureArchiveTests() : ArchiveTests(new AzureBackend());
