using System.Security.Cryptography;
using System.Text;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;

namespace HafizaIzmir.Tests.Storage;

/// <summary>OCFL commits, reads, verify and repair, on each backend.</summary>
public abstract class OcflRepositoryTests(TestBackend backend) : IAsyncDisposable
{
    private static readonly CommitInfo Info = new("ayse", "test commit", new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.FromHours(3)));

    public ValueTask DisposeAsync() => backend.DisposeAsync();

    private async Task<OcflRepository> RepositoryAsync()
    {
        var repository = new OcflRepository(await backend.OpenAsync());
        await repository.InitializeAsync();
        return repository;
    }

    private static OcflContent Text(string s) => OcflContent.FromBytes(Encoding.UTF8.GetBytes(s));

    private static Dictionary<string, OcflContent?> Changes(params (string Path, string? Text)[] changes) =>
        changes.ToDictionary(c => c.Path, c => c.Text is null ? null : Text(c.Text));

    private static async Task<string?> ReadAsync(OcflRepository repository, string id, string path, int? version = null)
    {
        await using var stream = await repository.OpenFileAsync(id, path, version);
        return stream is null ? null : await new StreamReader(stream).ReadToEndAsync();
    }

    private static async Task<List<string>> KeysAsync(OcflRepository repository, string prefix) =>
        await repository.Store.ListAsync(prefix).Select(b => b.Key).ToListAsync();

    [Fact]
    public async Task Versions_round_trip_with_their_files_and_metadata()
    {
        var repository = await RepositoryAsync();
        var v1 = await repository.CommitAsync(new("record:A-1", null, Info, Changes(("a.txt", "bir"), ("dir/b.txt", "iki"))));
        Assert.Equal(new OcflCommitResult(1, true), v1);
        var v2 = await repository.CommitAsync(new("record:A-1", 1, Info with { User = "mehmet", Message = "ikinci" }, Changes(("a.txt", "BİR"), ("dir/b.txt", null), ("c.txt", "üç"))));
        Assert.Equal(new OcflCommitResult(2, true), v2);

        var obj = await repository.GetObjectAsync("record:A-1");
        Assert.NotNull(obj);
        Assert.Equal("record:A-1", obj.Id);
        Assert.Equal(2, obj.Head);
        Assert.Equal(["a.txt", "c.txt"], obj.State.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Convert.ToHexStringLower(SHA512.HashData(Encoding.UTF8.GetBytes("BİR"))), obj.State["a.txt"]);
        Assert.Equal([1, 2], obj.Versions.Select(v => v.Number));
        Assert.Equal(("ayse", "test commit"), (obj.Versions[0].User, obj.Versions[0].Message));
        Assert.Equal(("mehmet", "ikinci"), (obj.Versions[1].User, obj.Versions[1].Message));
        Assert.Equal(Info.At, obj.Versions[0].Created);
        Assert.Equal(TimeSpan.FromHours(3), obj.Versions[0].Created.Offset);

        Assert.Equal("BİR", await ReadAsync(repository, "record:A-1", "a.txt"));
        Assert.Equal("bir", await ReadAsync(repository, "record:A-1", "a.txt", 1));
        Assert.Equal("iki", await ReadAsync(repository, "record:A-1", "dir/b.txt", 1));
        Assert.Null(await ReadAsync(repository, "record:A-1", "dir/b.txt"));
        Assert.Null(await repository.GetObjectAsync("record:absent"));
    }

    [Fact]
    public async Task The_storage_root_and_objects_follow_the_OCFL_layout()
    {
        var repository = await RepositoryAsync();
        await repository.CommitAsync(new("record:SRR-0001", null, Info, Changes(("record.json", "{}"))));
        var store = repository.Store;
        Assert.Equal("ocfl_1.1\n", Encoding.UTF8.GetString((await store.GetAsync("ocfl/0=ocfl_1.1"))!.Bytes));
        Assert.Contains("0003-hash-and-id-n-tuple-storage-layout", Encoding.UTF8.GetString((await store.GetAsync("ocfl/ocfl_layout.json"))!.Bytes));
        Assert.NotNull(await store.GetAsync("ocfl/extensions/0003-hash-and-id-n-tuple-storage-layout/config.json"));

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("record:SRR-0001")));
        var root = $"ocfl/{hash[..3]}/{hash[3..6]}/{hash[6..9]}/record%3aSRR-0001";
        Assert.Equal(root, repository.ObjectKey("record:SRR-0001"));
        Assert.Equal(
            [$"{root}/0=ocfl_object_1.1", $"{root}/inventory.json", $"{root}/inventory.json.sha512",
             $"{root}/v1/content/record.json", $"{root}/v1/inventory.json", $"{root}/v1/inventory.json.sha512"],
            await KeysAsync(repository, root + "/"));
        var inventory = (await store.GetAsync($"{root}/inventory.json"))!.Bytes;
        Assert.Equal(inventory, (await store.GetAsync($"{root}/v1/inventory.json"))!.Bytes);
        Assert.Equal($"{Convert.ToHexStringLower(SHA512.HashData(inventory))} inventory.json\n",
            Encoding.UTF8.GetString((await store.GetAsync($"{root}/inventory.json.sha512"))!.Bytes));
        var json = Encoding.UTF8.GetString(inventory);
        Assert.Contains("\"digestAlgorithm\": \"sha512\"", json);
        Assert.Contains("\"created\": \"2024-05-01T10:00:00.0000000+03:00\"", json);
    }

    [Fact]
    public async Task Content_already_stored_is_not_stored_again()
    {
        var repository = await RepositoryAsync();
        await repository.CommitAsync(new("o", null, Info, Changes(("a.txt", "same"))));
        await repository.CommitAsync(new("o", 1, Info, Changes(("copy.txt", "same"), ("b.txt", "new"), ("b2.txt", "new"))));
        var root = repository.ObjectKey("o");
        var content = (await KeysAsync(repository, root + "/")).Where(k => k.Contains("/content/")).ToList();
        Assert.Equal([$"{root}/v1/content/a.txt", $"{root}/v2/content/b.txt"], content);
        Assert.Equal("same", await ReadAsync(repository, "o", "copy.txt"));
        Assert.Equal("new", await ReadAsync(repository, "o", "b2.txt"));
    }

    [Fact]
    public async Task A_commit_that_changes_nothing_writes_nothing()
    {
        var repository = await RepositoryAsync();
        await repository.CommitAsync(new("o", null, Info, Changes(("a.txt", "x"))));
        var before = await repository.Store.ListAsync("").ToListAsync();
        var result = await repository.CommitAsync(new("o", 1, Info, Changes(("a.txt", "x"), ("never-there.txt", null))));
        Assert.Equal(new OcflCommitResult(1, false), result);
        Assert.Equal(before, await repository.Store.ListAsync("").ToListAsync());
    }

    [Fact]
    public async Task A_stale_expected_head_is_a_conflict_naming_the_current_version()
    {
        var repository = await RepositoryAsync();
        await repository.CommitAsync(new("o", null, Info, Changes(("a.txt", "1"))));
        await repository.CommitAsync(new("o", 1, Info, Changes(("a.txt", "2"))));
        var e = await Assert.ThrowsAsync<OcflConflictException>(() => repository.CommitAsync(new("o", 1, Info, Changes(("a.txt", "3")))));
        Assert.Equal(2, e.CurrentVersion);
        var absent = await Assert.ThrowsAsync<OcflConflictException>(() => repository.CommitAsync(new("p", 1, Info, Changes(("a.txt", "3")))));
        Assert.Null(absent.CurrentVersion);
        var exists = await Assert.ThrowsAsync<OcflConflictException>(() => repository.CommitAsync(new("o", null, Info, Changes(("a.txt", "3")))));
        Assert.Equal(2, exists.CurrentVersion);
    }

    [Fact]
    public async Task Of_two_concurrent_commits_exactly_one_wins()
    {
        var first = new OcflRepository(await backend.OpenAsync());
        var second = new OcflRepository(await backend.OpenAsync());
        await first.InitializeAsync();
        await first.CommitAsync(new("o", null, Info, Changes(("a.txt", "start"))));
        for (var round = 1; round <= 3; round++)
        {
            var attempts = await Task.WhenAll(
                Attempt(first, new("o", round, Info, Changes(("a.txt", $"first {round}")))),
                Attempt(second, new("o", round, Info, Changes(("a.txt", $"second {round}")))));
            var winner = Assert.Single(attempts, a => a.Result is not null);
            var loser = Assert.Single(attempts, a => a.Conflict is not null);
            Assert.Equal(round + 1, winner.Result!.Version);
            Assert.Equal(round + 1, loser.Conflict!.CurrentVersion);
        }
        var report = await first.VerifyAsync(repair: false);
        Assert.Empty(report.Problems);
    }

    [Fact]
    public async Task Verify_passes_after_commits()
    {
        var repository = await RepositoryAsync();
        await repository.CommitAsync(new("a", null, Info, Changes(("x.txt", "1"), ("d/y.txt", "2"))));
        await repository.CommitAsync(new("a", 1, Info, Changes(("x.txt", null), ("d/z.txt", "3"))));
        await repository.CommitAsync(new("b:İzmir/ğ", null, Info, Changes(("x.txt", "1"))));
        var report = await repository.VerifyAsync(repair: false);
        Assert.Equal(2, report.ObjectsChecked);
        Assert.Empty(report.Problems);
    }

    [Fact]
    public async Task A_changed_byte_in_a_content_file_is_a_fixity_error()
    {
        var repository = await RepositoryAsync();
        await repository.CommitAsync(new("o", null, Info, Changes(("a.txt", "original bytes"))));
        var key = repository.ObjectKey("o") + "/v1/content/a.txt";
        var bytes = (await repository.Store.GetAsync(key))!.Bytes;
        bytes[3] ^= 0x01;
        await repository.Store.PutAsync(key, new MemoryStream(bytes), BlobCondition.None);
        var report = await repository.VerifyAsync(repair: true);
        var problem = Assert.Single(report.Problems);
        Assert.Equal("E092", problem.Code);
        Assert.Equal(key, problem.Where);
        Assert.Empty(report.Repaired);
    }

    [Fact]
    public async Task Repair_removes_an_interrupted_version_and_keeps_the_committed_ones()
    {
        var repository = await RepositoryAsync();
        await repository.CommitAsync(new("o", null, Info, Changes(("a.txt", "kept"))));
        var root = repository.ObjectKey("o");
        await repository.Store.PutAsync($"{root}/v2/inventory.json", new MemoryStream("{}"u8.ToArray()), BlobCondition.IfAbsent);
        await repository.Store.PutAsync($"{root}/v2/content/a.txt", new MemoryStream("half"u8.ToArray()), BlobCondition.IfAbsent);
        await repository.Store.PutAsync($"{root}/v1/content/stray.txt", new MemoryStream("x"u8.ToArray()), BlobCondition.IfAbsent);

        var found = await repository.VerifyAsync(repair: false);
        Assert.Contains(found.Problems, p => p.Code == "E040" && p.Where == $"{root}/v2");
        Assert.Contains(found.Problems, p => p.Code == "E023" && p.Where == $"{root}/v1/content/stray.txt");

        var young = await repository.VerifyAsync(repair: true);
        Assert.Empty(young.Repaired); // younger than the abandonment threshold: may be a write in progress
        Assert.NotEmpty(await KeysAsync(repository, $"{root}/v2/"));

        repository.AbandonedAfter = TimeSpan.Zero;
        var repaired = await repository.VerifyAsync(repair: true);
        Assert.True(repaired.Problems.Count == 0, string.Join("\n", repaired.Problems));
        Assert.Equal(2, repaired.Repaired.Count);
        Assert.Empty(await KeysAsync(repository, $"{root}/v2/"));
        Assert.Equal("kept", await ReadAsync(repository, "o", "a.txt"));
        Assert.Empty((await repository.VerifyAsync(repair: false)).Problems);
        Assert.Equal(new OcflCommitResult(2, true), await repository.CommitAsync(new("o", 1, Info, Changes(("a.txt", "next")))));
    }

    [Fact]
    public async Task A_writer_takes_over_an_abandoned_version_but_not_a_fresh_one()
    {
        var repository = await RepositoryAsync();
        await repository.CommitAsync(new("o", null, Info, Changes(("a.txt", "1"))));
        var root = repository.ObjectKey("o");
        await repository.Store.PutAsync($"{root}/v2/inventory.json", new MemoryStream("{}"u8.ToArray()), BlobCondition.IfAbsent);
        var e = await Assert.ThrowsAsync<OcflConflictException>(() => repository.CommitAsync(new("o", 1, Info, Changes(("a.txt", "2")))));
        Assert.Equal(1, e.CurrentVersion);
        repository.AbandonedAfter = TimeSpan.Zero;
        Assert.Equal(new OcflCommitResult(2, true), await repository.CommitAsync(new("o", 1, Info, Changes(("a.txt", "2")))));
        Assert.Equal("2", await ReadAsync(repository, "o", "a.txt"));
        Assert.Empty((await repository.VerifyAsync(repair: false)).Problems);
    }

    [Fact]
    public async Task A_missing_root_sidecar_is_repaired_from_the_head_inventory()
    {
        var repository = await RepositoryAsync();
        await repository.CommitAsync(new("o", null, Info, Changes(("a.txt", "1"))));
        var sidecar = repository.ObjectKey("o") + "/inventory.json.sha512";
        var expected = (await repository.Store.GetAsync(sidecar))!.Bytes;
        await repository.Store.DeleteAsync(sidecar);
        Assert.Equal("1", await ReadAsync(repository, "o", "a.txt"));
        Assert.Contains((await repository.VerifyAsync(repair: false)).Problems, p => p.Code == "E058");
        var repaired = await repository.VerifyAsync(repair: true);
        Assert.Empty(repaired.Problems);
        Assert.Single(repaired.Repaired);
        Assert.Equal(expected, (await repository.Store.GetAsync(sidecar))!.Bytes);
    }

    [Fact]
    public async Task Repair_removes_a_first_version_that_never_got_its_declaration()
    {
        var repository = await RepositoryAsync();
        await repository.CommitAsync(new("kept", null, Info, Changes(("a.txt", "1"))));
        var root = repository.ObjectKey("lost");
        await repository.Store.PutAsync($"{root}/v1/inventory.json", new MemoryStream("{}"u8.ToArray()), BlobCondition.IfAbsent);
        await repository.Store.PutAsync($"{root}/v1/content/a.txt", new MemoryStream("x"u8.ToArray()), BlobCondition.IfAbsent);
        Assert.Contains((await repository.VerifyAsync(repair: false)).Problems, p => p.Where == root);
        repository.AbandonedAfter = TimeSpan.Zero;
        var repaired = await repository.VerifyAsync(repair: true);
        Assert.Empty(repaired.Problems);
        Assert.Empty(await KeysAsync(repository, root + "/"));
        Assert.Equal(["kept"], await repository.ListObjectIdsAsync().ToListAsync());
    }

    [Fact]
    public async Task Object_ids_are_listed_also_when_the_layout_had_to_truncate_them()
    {
        var repository = await RepositoryAsync();
        var ids = new[] { "record:SRR-0001", "authority:şükrü-ıhlamur", "record:" + new string('x', 120) };
        foreach (var id in ids) await repository.CommitAsync(new(id, null, Info, Changes(("a.txt", id))));
        Assert.Equal(ids.Order(StringComparer.Ordinal), (await repository.ListObjectIdsAsync().ToListAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Content_that_changes_between_hashing_and_storing_aborts_the_commit()
    {
        var repository = await RepositoryAsync();
        var calls = 0;
        var shifty = new OcflContent(() => new MemoryStream(Encoding.UTF8.GetBytes(calls++ == 0 ? "first read" : "second read")));
        await Assert.ThrowsAsync<InvalidDataException>(() => repository.CommitAsync(new("o", null, Info, new Dictionary<string, OcflContent?> { ["a.txt"] = shifty })));
        Assert.Null(await repository.GetObjectAsync("o"));
        Assert.Empty(await KeysAsync(repository, repository.ObjectKey("o") + "/"));
    }

    [Theory]
    [InlineData("../a")]
    [InlineData("a//b")]
    [InlineData("/a")]
    [InlineData("a\\b")]
    public async Task Malformed_logical_paths_are_refused(string path)
    {
        var repository = await RepositoryAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => repository.CommitAsync(new("o", null, Info, Changes((path, "x")))));
        Assert.Null(await repository.GetObjectAsync("o"));
    }

    private static async Task<(OcflCommitResult? Result, OcflConflictException? Conflict)> Attempt(OcflRepository repository, OcflCommit commit)
    {
        try { return (await repository.CommitAsync(commit), null); }
        catch (OcflConflictException e) { return (null, e); }
    }
}

public sealed class FileSystemOcflRepositoryTests() : OcflRepositoryTests(new FileSystemBackend());

public sealed class AzureOcflRepositoryTests() : OcflRepositoryTests(new AzureBackend());
