using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Indexer.Search;
using Record = HafizaIzmir.Archive.Domain.Record;

namespace HafizaIzmir.Tests.Search;

public sealed class SearchIndexLifecycleTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), "hafiza-index-" + Guid.NewGuid().ToString("N"));

    private static SearchDocument Doc(string id, string title) => SearchDocumentBuilder.Build(
        new Record { Identifier = id, Level = Level.Item, Title = new LocalizedText(title), State = WorkflowState.Published },
        new Dictionary<string, Authority>(), [])!;

    private static int Hits(SearchIndex index, string text) => index.Search(new SearchQuery { Text = text }).Total;

    [Fact]
    public void Writes_are_searchable_before_commit_and_replace_by_identifier()
    {
        using var index = SearchIndex.InMemory();
        index.Upsert(Doc("A", "incir sandığı"));
        Assert.Equal(1, Hits(index, "incir"));
        index.Upsert(Doc("A", "üzüm sandığı"));
        Assert.Equal(0, Hits(index, "incir"));
        Assert.Equal(1, Hits(index, "üzüm"));
        index.Delete("A");
        Assert.Equal(0, index.Count);
        index.Upsert(Doc("B", "tütün"));
        index.Clear();
        Assert.Equal(0, index.Count);
    }

    [Fact]
    public void A_missing_index_is_created_empty_and_a_committed_one_reopens_with_its_checkpoint()
    {
        using (var index = SearchIndex.Open(path))
        {
            Assert.True(index.WasCreated);
            Assert.Null(index.Checkpoint);
            index.Upsert(Doc("A", "Kordon"));
            index.Commit("journal-42");
        }
        using (var index = SearchIndex.Open(path))
        {
            Assert.False(index.WasCreated);
            Assert.True(index.IsHealthy());
            Assert.Equal("journal-42", index.Checkpoint);
            Assert.Equal(1, Hits(index, "kordon"));
        }
    }

    [Fact]
    public void A_corrupt_index_is_reported_at_open_and_can_be_recreated()
    {
        using (var index = SearchIndex.Open(path))
        {
            for (var i = 0; i < 20; i++) index.Upsert(Doc($"R-{i}", $"Kordon fotoğrafı {i}"));
            index.Commit();
        }
        // Flip bytes in the middle of the largest file: the checksums must catch it.
        var victim = new DirectoryInfo(path).GetFiles().Where(f => !f.Name.StartsWith("segments") && f.Name != "write.lock").MaxBy(f => f.Length)!;
        var bytes = File.ReadAllBytes(victim.FullName);
        for (var i = bytes.Length / 3; i < bytes.Length / 3 + 8; i++) bytes[i] ^= 0xFF;
        File.WriteAllBytes(victim.FullName, bytes);

        var error = Assert.Throws<SearchIndexCorruptException>(() => SearchIndex.Open(path));
        Assert.Contains("rebuild", error.Message);
        using var fresh = SearchIndex.Recreate(path);
        Assert.True(fresh.WasCreated);
        Assert.Equal(0, fresh.Count);
    }

    [Fact]
    public void A_truncated_segments_file_is_reported_as_corrupt()
    {
        using (var index = SearchIndex.Open(path))
        {
            index.Upsert(Doc("A", "Kordon"));
            index.Commit();
        }
        var segments = new DirectoryInfo(path).GetFiles("segments_*").Single();
        File.WriteAllBytes(segments.FullName, [1, 2, 3]);
        Assert.Throws<SearchIndexCorruptException>(() => SearchIndex.Open(path));
    }

    [Fact]
    public async Task Searches_run_safely_while_another_thread_writes()
    {
        using var index = SearchIndex.InMemory();
        for (var i = 0; i < 50; i++) index.Upsert(Doc($"S-{i}", "liman kayıtları"));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var writer = Task.Factory.StartNew(() =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                index.Upsert(Doc($"W-{n % 200}", "liman yazışması"));
                if (n % 50 == 0) index.Commit();
                n++;
            }
        }, TestContext.Current.CancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        // Dedicated threads: on a cold thread pool a reader might not start within the two seconds.
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Factory.StartNew(() =>
        {
            var searches = 0;
            while (!stop.IsCancellationRequested)
            {
                Assert.True(index.Search(new SearchQuery { Text = "liman" }).Total >= 50);
                searches++;
            }
            return searches;
        }, TestContext.Current.CancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToList();
        await writer;
        Assert.All(await Task.WhenAll(readers), n => Assert.True(n > 0));
    }

    public void Dispose()
    {
        if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
    }
}
