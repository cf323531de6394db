using HafizaIzmir.Indexer.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace HafizaIzmir.Indexer.Search;

/// <summary>
/// The search index of published records: one writer and near-real-time searchers over one Lucene
/// directory. Writes are visible to the next search without a commit; <see cref="Commit"/> makes them
/// durable together with the change-journal position they reflect. Searches may run on any number of
/// threads while another thread writes.
/// </summary>
public sealed partial class SearchIndex : IDisposable
{
    private const string CheckpointKey = "journal-position";

    private readonly LuceneDirectory directory;
    private readonly SearchAnalyzer analyzer = new();
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;
    // Writes counted, and the count the searchers were last refreshed at: a search that starts after a
    // write must see it, even while another thread is refreshing.
    private long writes;
    private long refreshedAt;

    private SearchIndex(LuceneDirectory directory, bool created)
    {
        this.directory = directory;
        WasCreated = created;
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = Ranking,
            RAMBufferSizeMB = 64,
        };
        writer = new IndexWriter(directory, config);
        if (created) writer.Commit(); // an empty commit, so searchers can open at once
        searchers = new SearcherManager(writer, true, new RankingSearcherFactory());
    }

    /// <summary>True when there was no index here and an empty one was made: fill it from storage.</summary>
    public bool WasCreated { get; }

    /// <summary>The change-journal position stored with the last commit (null if none was).</summary>
    public string? Checkpoint => writer.CommitData.TryGetValue(CheckpointKey, out var p) ? p : null;

    /// <summary>Opens the index under <paramref name="path"/>, creating an empty one when there is none.</summary>
    /// <exception cref="SearchIndexCorruptException">The index exists but can't be read or fails its checksums.</exception>
    public static SearchIndex Open(string path)
    {
        System.IO.Directory.CreateDirectory(path);
        var directory = FSDirectory.Open(path);
        try
        {
            var exists = DirectoryReader.IndexExists(directory);
            if (exists) Verify(directory);
            return new SearchIndex(directory, !exists);
        }
        catch (Exception e) when (e is not LockObtainFailedException and not OutOfMemoryException)
        {
            directory.Dispose();
            throw e as SearchIndexCorruptException ?? new SearchIndexCorruptException(path, e);
        }
    }

    /// <summary>Throws away whatever is under <paramref name="path"/> and starts an empty index there.</summary>
    public static SearchIndex Recreate(string path)
    {
        if (System.IO.Directory.Exists(path)) System.IO.Directory.Delete(path, recursive: true);
        return Open(path);
    }

    /// <summary>An index in memory, for tests and throw-away use.</summary>
    public static SearchIndex InMemory() => new(new RAMDirectory(), created: true);

    /// <summary>True when the current index reads back with valid checksums.</summary>
    public bool IsHealthy()
    {
        try
        {
            Verify(directory);
            return true;
        }
        catch (SearchIndexCorruptException)
        {
            return false;
        }
    }

    private static void Verify(LuceneDirectory directory)
    {
        try
        {
            using var reader = DirectoryReader.Open(directory);
            foreach (var leaf in reader.Leaves) leaf.AtomicReader.CheckIntegrity();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new SearchIndexCorruptException(directory.ToString() ?? "index", e);
        }
    }

    /// <summary>Adds the document, or replaces the one with the same identifier.</summary>
    public void Upsert(SearchDocument document)
    {
        writer.UpdateDocument(new Term(IndexFields.Id, document.Identifier), IndexFields.ToLucene(document));
        Interlocked.Increment(ref writes);
    }

    public void Delete(string identifier)
    {
        writer.DeleteDocuments(new Term(IndexFields.Id, identifier));
        Interlocked.Increment(ref writes);
    }

    /// <summary>Removes every document (before a rebuild).</summary>
    public void Clear()
    {
        writer.DeleteAll();
        Interlocked.Increment(ref writes);
    }

    /// <summary>Makes every write so far durable, remembering the journal position they reach.</summary>
    public void Commit(string? checkpoint = null)
    {
        if (checkpoint is not null) writer.SetCommitData(new Dictionary<string, string> { [CheckpointKey] = checkpoint });
        writer.Commit();
    }

    /// <summary>Number of documents searchable now.</summary>
    public int Count => WithSearcher(s => s.IndexReader.NumDocs);

    private T WithSearcher<T>(Func<IndexSearcher, T> use)
    {
        var target = Interlocked.Read(ref writes);
        if (target > Interlocked.Read(ref refreshedAt))
        {
            searchers.MaybeRefreshBlocking();
            long seen;
            while ((seen = Interlocked.Read(ref refreshedAt)) < target && Interlocked.CompareExchange(ref refreshedAt, target, seen) != seen) { }
        }
        var searcher = searchers.Acquire();
        try
        {
            return use(searcher);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        searchers.Dispose();
        writer.Dispose();
        analyzer.Dispose();
        directory.Dispose();
    }

    /// <summary>BM25 suits short archival fields better than classic TF-IDF, and keeps constant date scores comparable.</summary>
    private static readonly Similarity Ranking = new BM25Similarity();

    private sealed class RankingSearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Ranking };
    }
}
