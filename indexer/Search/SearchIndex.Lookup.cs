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
