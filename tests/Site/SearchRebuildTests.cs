using System.Net.Sockets;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Indexer.Hosting;
using HafizaIzmir.Indexer.Search;
using HafizaIzmir.Site.Hosting;

namespace HafizaIzmir.Tests.Site;

/// <summary>The search index rebuilds from storage: by <c>reindex</c>, at start-up when broken, and on every replica.</summary>
public sealed class SearchRebuildTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private string Data => _dir.Sub("data");
    private string IndexPath => Path.Combine(new ArchiveOptions(Data).DerivedDirectory, SearchIndexData.DirectoryName);

    [Fact]
    public async Task Reindex_rebuilds_the_search_index_from_storage_alone()
    {
        await Seed.ArchiveAsync(Data, [1, 2, 3]);
        var derived = new ArchiveOptions(Data).DerivedDirectory;
        if (Directory.Exists(derived)) Directory.Delete(derived, recursive: true);

        var result = await HafizaProcess.RunAsync(["reindex", "--data", Data]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("search index", result.Stdout + result.Stderr);

        using var index = SearchIndex.Open(IndexPath);
        Assert.False(index.WasCreated);
        Assert.Equal(["SRR-0001"], index.Search(new SearchQuery { Text = "kordon" }).Hits.Select(h => h.Identifier));
        Assert.Empty(index.Search(new SearchQuery { Text = "taslak" }).Hits);
        Assert.True(File.Exists(Path.Combine(derived, AuthorityNames.FileName)));
    }

    [Fact]
    public async Task A_corrupt_index_is_rebuilt_when_the_site_starts()
    {
        await using (var first = await RunningSite.StartAsync(new ArchiveOptions(Data), SiteHost.SeedSamplesAsync))
            Assert.Equal(["SRR-0001"], RunningSite.Identifiers(await first.JsonAsync("/api/search?q=incir")));

        var victim = Directory.GetFiles(IndexPath)
            .Where(f => Path.GetFileName(f) is var n && n != "write.lock" && !n.StartsWith("segments", StringComparison.Ordinal))
            .OrderByDescending(f => new FileInfo(f).Length).First();
        var bytes = File.ReadAllBytes(victim);
        for (var i = bytes.Length / 2; i < bytes.Length / 2 + 32 && i < bytes.Length; i++) bytes[i] = (byte)~bytes[i];
        File.WriteAllBytes(victim, bytes);

        await using var second = await RunningSite.StartAsync(new ArchiveOptions(Data));
        Assert.Equal(["SRR-0001"], RunningSite.Identifiers(await second.JsonAsync("/api/search?q=incir")));
        Assert.Empty(RunningSite.Identifiers(await second.JsonAsync("/api/search?q=taslak")));
    }

    [Fact]
    public async Task Two_replicas_on_one_azure_container_each_find_what_the_other_saved()
    {
        var connection = await AzureConnectionAsync();
        var container = "search-replicas-" + Guid.NewGuid().ToString("N")[..12];
        await using var one = await RunningSite.StartAsync(new ArchiveOptions(_dir.Sub("one"), connection, container), SiteHost.SeedSamplesAsync);
        await using var two = await RunningSite.StartAsync(new ArchiveOptions(_dir.Sub("two"), connection, container));
        try
        {
            Assert.Equal(["SRR-0001"], RunningSite.Identifiers(await two.JsonAsync("/api/search?q=incir")));

            var record = SampleRecords.Make("SRR-0077", Level.Item, "Tütün balyalarının sigorta poliçesi", "SRR", date: "1931");
            await one.Archive.SaveRecordAsync(record, [], null, new CommitInfo("test", "publish on one"), Ct);
            Assert.True(await FoundWithinAsync(two, "/api/search?q=tutun", "SRR-0077", TimeSpan.FromSeconds(10)), "replica two never found what replica one saved");

            await two.Archive.SaveRecordAsync(record with { State = WorkflowState.Withdrawn }, [], 1, new CommitInfo("test", "withdraw on two"), Ct);
            Assert.True(await GoneWithinAsync(one, "/api/search?q=tutun", "SRR-0077", TimeSpan.FromSeconds(10)), "replica one still shows what replica two withdrew");
        }
        finally
        {
            await ((AzureBlobStore)one.Service<IBlobStore>()).DeleteContainerAsync(Ct);
        }
    }

    private static async Task<bool> FoundWithinAsync(RunningSite site, string url, string identifier, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < until)
        {
            if (RunningSite.Identifiers(await site.JsonAsync(url)).Contains(identifier)) return true;
            await Task.Delay(100, Ct);
        }
        return false;
    }

    private static async Task<bool> GoneWithinAsync(RunningSite site, string url, string identifier, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < until)
        {
            if (!RunningSite.Identifiers(await site.JsonAsync(url)).Contains(identifier)) return true;
            await Task.Delay(100, Ct);
        }
        return false;
    }

    /// <summary>HAFIZA_TEST_BLOB_CONNECTION, or Azurite on its default port; skips the test otherwise.</summary>
    private static async Task<string> AzureConnectionAsync()
    {
        var configured = Environment.GetEnvironmentVariable(SiteHost.AzureConnectionVariable);
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync("127.0.0.1", 10000, timeout.Token);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            Assert.Skip("Azurite not running on 127.0.0.1:10000 (start it with scripts/azurite.sh start, or set HAFIZA_TEST_BLOB_CONNECTION)");
        }
        return "UseDevelopmentStorage=true";
    }
}
