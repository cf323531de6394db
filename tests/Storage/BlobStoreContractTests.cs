using System.Text;
using HafizaIzmir.Archive.Storage;

namespace HafizaIzmir.Tests.Storage;

/// <summary>What every <see cref="IBlobStore"/> must do; run against each backend by the classes below.</summary>
public abstract class BlobStoreContractTests(TestBackend backend) : IAsyncDisposable
{
    protected TestBackend Backend { get; } = backend;

    public ValueTask DisposeAsync() => Backend.DisposeAsync();

    private static MemoryStream Text(string s) => new(Encoding.UTF8.GetBytes(s));

    [Fact]
    public async Task Put_then_get_returns_the_bytes_and_the_same_etag()
    {
        var store = await Backend.OpenAsync();
        var etag = await store.PutAsync("a/b/c.txt", Text("İzmir şehri"), BlobCondition.None);
        var content = await store.GetAsync("a/b/c.txt");
        Assert.NotNull(content);
        Assert.Equal("İzmir şehri", Encoding.UTF8.GetString(content.Bytes));
        Assert.Equal(etag, content.ETag);
        var properties = await store.GetPropertiesAsync("a/b/c.txt");
        Assert.Equal(Encoding.UTF8.GetByteCount("İzmir şehri"), properties!.Length);
        Assert.Equal(etag, properties.ETag);
        await using var stream = await store.OpenReadAsync("a/b/c.txt");
        Assert.Equal("İzmir şehri", await new StreamReader(stream!).ReadToEndAsync());
    }

    [Fact]
    public async Task Absent_keys_read_as_null()
    {
        var store = await Backend.OpenAsync();
        Assert.Null(await store.GetAsync("nothing/here"));
        Assert.Null(await store.GetPropertiesAsync("nothing/here"));
        Assert.Null(await store.OpenReadAsync("nothing/here"));
        Assert.Empty(await store.ListAsync("nothing/").ToListAsync());
    }

    [Fact]
    public async Task Every_write_changes_the_etag_even_with_identical_bytes()
    {
        var store = await Backend.OpenAsync();
        var etags = new List<string>();
        for (var i = 0; i < 5; i++) etags.Add(await store.PutAsync("same", Text("same bytes"), BlobCondition.None));
        Assert.Equal(etags.Count, etags.Distinct().Count());
    }

    [Fact]
    public async Task List_returns_keys_under_the_prefix_in_ordinal_order()
    {
        var store = await Backend.OpenAsync();
        foreach (var key in new[] { "x/a/b", "x/a-c", "x/B", "x/a.txt", "y/z", "xa" })
            await store.PutAsync(key, Text(key), BlobCondition.None);
        var all = await store.ListAsync("x/").Select(b => b.Key).ToListAsync();
        Assert.Equal(["x/B", "x/a-c", "x/a.txt", "x/a/b"], all);
        var partial = await store.ListAsync("x/a").Select(b => b.Key).ToListAsync();
        Assert.Equal(["x/a-c", "x/a.txt", "x/a/b"], partial);
        var everything = await store.ListAsync("").Select(b => b.Key).ToListAsync();
        Assert.Equal(everything.Order(StringComparer.Ordinal), everything);
        Assert.Equal(6, everything.Count);
        var listed = (await store.ListAsync("x/a-c").ToListAsync()).Single();
        Assert.Equal(5, listed.Length);
        Assert.Equal((await store.GetPropertiesAsync("x/a-c"))!.ETag, listed.ETag);
    }

    [Fact]
    public async Task Delete_removes_the_blob_and_ignores_absent_keys()
    {
        var store = await Backend.OpenAsync();
        await store.PutAsync("d/one", Text("1"), BlobCondition.None);
        await store.DeleteAsync("d/one");
        await store.DeleteAsync("d/one");
        Assert.Null(await store.GetAsync("d/one"));
        Assert.Empty(await store.ListAsync("d/").ToListAsync());
    }

    [Fact]
    public async Task IfAbsent_refuses_to_overwrite()
    {
        var store = await Backend.OpenAsync();
        await store.PutAsync("k", Text("first"), BlobCondition.IfAbsent);
        var e = await Assert.ThrowsAsync<BlobConditionFailedException>(() => store.PutAsync("k", Text("second"), BlobCondition.IfAbsent));
        Assert.Equal("k", e.Key);
        Assert.Equal("first", Encoding.UTF8.GetString((await store.GetAsync("k"))!.Bytes));
    }

    [Fact]
    public async Task IfMatch_writes_only_over_the_named_etag()
    {
        var store = await Backend.OpenAsync();
        var first = await store.PutAsync("k", Text("one"), BlobCondition.None);
        var second = await store.PutAsync("k", Text("two"), BlobCondition.IfMatch(first));
        Assert.NotEqual(first, second);
        await Assert.ThrowsAsync<BlobConditionFailedException>(() => store.PutAsync("k", Text("stale"), BlobCondition.IfMatch(first)));
        Assert.Equal("two", Encoding.UTF8.GetString((await store.GetAsync("k"))!.Bytes));
        await Assert.ThrowsAsync<BlobConditionFailedException>(() => store.PutAsync("absent", Text("x"), BlobCondition.IfMatch(first)));
        Assert.Null(await store.GetAsync("absent"));
    }

    [Fact]
    public async Task Concurrent_IfAbsent_writes_let_exactly_one_win()
    {
        var stores = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Backend.OpenAsync()));
        var results = await Task.WhenAll(stores.Select((s, i) => TryPut(s, "race", $"writer {i}", BlobCondition.IfAbsent)));
        var winner = Assert.Single(results, r => r.Won);
        Assert.Equal(winner.Text, Encoding.UTF8.GetString((await stores[0].GetAsync("race"))!.Bytes));
    }

    [Fact]
    public async Task Concurrent_IfMatch_writes_let_exactly_one_win()
    {
        var stores = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Backend.OpenAsync()));
        var etag = await stores[0].PutAsync("race", Text("start"), BlobCondition.None);
        var results = await Task.WhenAll(stores.Select((s, i) => TryPut(s, "race", $"writer {i}", BlobCondition.IfMatch(etag))));
        var winner = Assert.Single(results, r => r.Won);
        Assert.Equal(winner.Text, Encoding.UTF8.GetString((await stores[0].GetAsync("race"))!.Bytes));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/../../escape")]
    [InlineData("/absolute")]
    [InlineData("a\\b")]
    [InlineData("a//b")]
    [InlineData("a/")]
    [InlineData("./a")]
    [InlineData("")]
    public async Task Malformed_keys_are_rejected(string key)
    {
        var store = await Backend.OpenAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync(key, Text("x"), BlobCondition.None));
        await Assert.ThrowsAsync<ArgumentException>(() => store.GetAsync(key));
        await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteAsync(key));
    }

    [Fact]
    public async Task Large_blobs_stream_back_unchanged()
    {
        var store = await Backend.OpenAsync();
        var bytes = new byte[5 * 1024 * 1024 + 17];
        new Random(7).NextBytes(bytes);
        await store.PutAsync("big.bin", new MemoryStream(bytes), BlobCondition.IfAbsent);
        await using var stream = await store.OpenReadAsync("big.bin");
        var copy = new MemoryStream();
        await stream!.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    private static async Task<(bool Won, string Text)> TryPut(IBlobStore store, string key, string text, BlobCondition condition)
    {
        try
        {
            await store.PutAsync(key, Text(text), condition);
            return (true, text);
        }
        catch (BlobConditionFailedException)
        {
            return (false, text);
        }
    }
}

public sealed class FileSystemBlobStoreContractTests() : BlobStoreContractTests(new FileSystemBackend());

public sealed class AzureBlobStoreContractTests() : BlobStoreContractTests(new AzureBackend());
