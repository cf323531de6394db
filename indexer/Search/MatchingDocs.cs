using Lucene.Net.Index;
using Lucene.Net.Search;

namespace HafizaIzmir.Indexer.Search;

/// <summary>
/// Remembers every matching document, segment by segment, while the top hits are collected, so the
/// facets can be counted afterwards in one pass per segment (and timed apart from the query).
/// </summary>
internal sealed class MatchingDocs : ICollector
{
    private readonly List<(AtomicReaderContext Context, int[] Docs, int Count)> _segments = [];
    private AtomicReaderContext? _context;
    private int[] _docs = [];
    private int _count;

    public IReadOnlyList<(AtomicReaderContext Context, int[] Docs, int Count)> Segments
    {
        get
        {
            Flush();
            return _segments;
        }
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        _context = context;
    }

    public void Collect(int doc)
    {
        if (_count == _docs.Length) Array.Resize(ref _docs, Math.Max(256, _docs.Length * 2));
        _docs[_count++] = doc;
    }

    private void Flush()
    {
        if (_context is not null && _count > 0) _segments.Add((_context, _docs, _count));
        _context = null;
        _docs = [];
        _count = 0;
    }
}
