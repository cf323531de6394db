using Lucene.Net.Index;
using Lucene.Net.Search;

namespace HafizaIzmir.Indexer.Search;

public sealed partial class SearchIndex
{
    /// <summary>Identifiers of the indexed records linked to the authority <paramref name="authorityId"/> (as person, institution or place).</summary>
    public IReadOnlyList<string> IdentifiersLinkedTo(string authorityId)
    {
        var any = new BooleanQuery();
        foreach (var dimension in new[] { "person", "institution", "place" })
            any.Add(new TermQuery(new Term(dimension, authorityId)), Occur.SHOULD);
        return IdentifiersMatching(any);
    }

    /// <summary>Identifiers of the indexed records that lie anywhere below <paramref name="identifier"/>.</summary>
    public IReadOnlyList<string> IdentifiersWithin(string identifier) =>
        IdentifiersMatching(new TermQuery(new Term(IndexFields.Ancestor, identifier)));

    /// <summary>The title stored for an indexed record, or null when the record is not in the index.</summary>
    public string? TitleOf(string identifier) => WithSearcher(searcher =>
    {
        var top = searcher.Search(new TermQuery(new Term(IndexFields.Id, identifier)), 1);
        return top.TotalHits == 0 ? null : searcher.Doc(top.ScoreDocs[0].Doc).Get(IndexFields.StoredTitle);
    });

    /// <summary>
    /// The enclosing levels above <paramref name="identifier"/> (outermost first) as the index last saw them:
    /// from the record's own document, else from any document below it (the record may not be public).
    /// Null when neither is indexed, or the documents predate this being stored.
    /// </summary>
    public IReadOnlyList<string>? AncestorsAbove(string identifier) => WithSearcher(searcher =>
    {
        var own = searcher.Search(new TermQuery(new Term(IndexFields.Id, identifier)), 1);
        var below = own.TotalHits > 0 ? null : searcher.Search(new TermQuery(new Term(IndexFields.Ancestor, identifier)), 1);
        var hit = own.TotalHits > 0 ? own.ScoreDocs[0] : below!.TotalHits > 0 ? below.ScoreDocs[0] : null;
        if (hit is null || searcher.Doc(hit.Doc).Get(IndexFields.StoredAncestors) is not { } stored) return null;
        var chain = stored.Length == 0 ? [] : stored.Split(IndexFields.LabelSeparator);
        if (own.TotalHits > 0) return chain;
        var at = Array.IndexOf(chain, identifier);
        return at < 0 ? null : (IReadOnlyList<string>)chain[..at];
    });

    private IReadOnlyList<string> IdentifiersMatching(Query query) => WithSearcher(searcher =>
    {
        var ids = new List<string>();
        var collector = new IdCollector(ids);
        searcher.Search(query, collector);
        return (IReadOnlyList<string>)ids;
    });

    /// <summary>Reads only the identifier of every match, without scoring: a fonds may have tens of thousands.</summary>
    private sealed class IdCollector(List<string> ids) : ICollector
    {
        private SortedDocValues? values;
        private readonly Lucene.Net.Util.BytesRef bytes = new();

        public void SetScorer(Scorer scorer) { }

        public void Collect(int doc)
        {
            values!.Get(doc, bytes);
            ids.Add(bytes.Utf8ToString());
        }

        public void SetNextReader(AtomicReaderContext context) =>
            values = context.AtomicReader.GetSortedDocValues(IndexFields.IdSort) ?? throw new InvalidOperationException("index has no identifier doc values");

        public bool AcceptsDocsOutOfOrder => true;
    }
}
