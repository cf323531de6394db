using HafizaIzmir.Indexer.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Util;

namespace HafizaIzmir.Indexer.Search;

/// <summary>
/// Picks the passage of a record that best shows why it matched: the description (Turkish, then English),
/// the OCR text, then the title, highlighting with the strictest sub-field that marks anything.
/// The text is HTML-escaped; the only markup is <c>&lt;mark&gt;</c>.
/// </summary>
internal sealed class SnippetWriter(Analyzer analyzer, Query query, IndexReader reader)
{
    public const int FragmentLength = 160;
    public const int Fragments = 2;
    private const string Ellipsis = " … ";

    private static readonly (string Stored, string Field)[] Sources =
    [
        (IndexFields.StoredDescription, IndexFields.Description),
        (IndexFields.StoredDescriptionEn, IndexFields.Description),
        (IndexFields.StoredOcr, IndexFields.Ocr),
        (IndexFields.StoredTitle, IndexFields.Title),
    ];

    private readonly Dictionary<string, Highlighter> highlighters = new(StringComparer.Ordinal);

    // The query's terms by field, or null when the query holds a kind this walk does not know (then every
    // sub-field is highlighted). Highlighting is most of a search's cost, so a text is only highlighted in a
    // sub-field where the record's postings hold one of these terms: a look-up in the index instead of
    // analysing a long transcription once per sub-field only to find nothing there.
    private readonly Dictionary<string, BytesRef[]>? terms = TermsOf(query)?
        .GroupBy(t => t.Field, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(t => t.Bytes).ToArray(), StringComparer.Ordinal);

    /// <summary>The snippet, and the page it lies on when it comes from the scans' text (pages separated by form feeds).</summary>
    /// <param name="docId">The document's number in <c>reader</c>, whose postings say which sub-fields it matched in.</param>
    public (string Html, int? Page) For(Document doc, int docId)
    {
        foreach (var (stored, field) in Sources)
        {
            var text = doc.Get(stored);
            if (string.IsNullOrEmpty(text)) continue;
            foreach (var sub in SubFields.Searched)
            {
                var name = SubFields.Of(field, sub);
                if (terms is not null && !Mentions(name, docId)) continue;
                using var tokens = analyzer.GetTokenStream(name, text);
                var fragments = HighlighterFor(name).GetBestTextFragments(tokens, text, true, Fragments).Where(f => f is { Score: > 0 }).ToList();
                if (fragments.Count == 0) continue;
                var html = string.Join(Ellipsis, fragments.Select(f => f.ToString().Replace(PageBreak, ' ').Trim()));
                return (html, field == IndexFields.Ocr ? PageAt(text, fragments[0].ToString()) : null);
            }
        }
        var plain = doc.Get(IndexFields.StoredDescription) ?? doc.Get(IndexFields.StoredDescriptionEn) ?? "";
        return (HtmlText.Escape(plain.Length > FragmentLength ? plain[..FragmentLength] + "…" : plain), null);
    }

    /// <summary>Separates the pages of the OCR text.</summary>
    public const char PageBreak = '\f';

    /// <summary>The page of the best fragment's first marked word: found by where the fragment's plain text occurs.</summary>
    private static int PageAt(string text, string fragment)
    {
        var mark = Math.Max(0, fragment.IndexOf("<mark>", StringComparison.Ordinal));
        string Plain(string html) => System.Net.WebUtility.HtmlDecode(html.Replace("<mark>", "").Replace("</mark>", ""));
        var start = Math.Max(0, text.IndexOf(Plain(fragment), StringComparison.Ordinal));
        var offset = start + Plain(fragment[..mark]).Length;
        var page = 1;
        for (var i = 0; i < offset && i < text.Length; i++)
            if (text[i] == PageBreak) page++;
        return page;
    }

    /// <summary>
    /// True when the document holds a query term in <paramref name="field"/>. The field may hold another
    /// text than the one about to be highlighted (Turkish and English descriptions share it); highlighting
    /// that text then yields no fragment and the next one is tried, so the snippet is the same either way.
    /// </summary>
    private bool Mentions(string field, int docId)
    {
        if (!terms!.TryGetValue(field, out var wanted)) return false;
        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(docId, leaves)];
        var local = docId - leaf.DocBase;
        var indexed = leaf.AtomicReader.GetTerms(field);
        if (indexed is null) return false;
        var enumerator = indexed.GetEnumerator();
        foreach (var term in wanted)
        {
            if (!enumerator.SeekExact(term)) continue;
            var docs = enumerator.Docs(null, null, DocsFlags.NONE);
            if (docs.Advance(local) == local) return true;
        }
        return false;
    }

    private static HashSet<Term>? TermsOf(Query query)
    {
        var set = new HashSet<Term>();
        return Collect(query, set) ? set : null;

        static bool Collect(Query q, HashSet<Term> into)
        {
            switch (q)
            {
                case TermQuery t:
                    into.Add(t.Term);
                    return true;
                case PhraseQuery p:
                    into.UnionWith(p.GetTerms());
                    return true;
                case BooleanQuery b:
                    return b.Clauses.Where(c => !c.IsProhibited).All(c => Collect(c.Query, into));
                case DisjunctionMaxQuery d:
                    return d.Disjuncts.All(x => Collect(x, into));
                case ConstantScoreQuery c:
                    return c.Query is null || Collect(c.Query, into);
                case NumericRangeQuery<int> or MatchAllDocsQuery:
                    return true; // nothing in the text to mark
                default:
                    return false;
            }
        }
    }

    private Highlighter HighlighterFor(string field)
    {
        if (highlighters.TryGetValue(field, out var h)) return h;
        // The fragmenter must share the highlighter's scorer: only that one is initialised per text.
        var scorer = new QueryScorer(query, field);
        h = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new HtmlText(), scorer)
        {
            TextFragmenter = new SimpleSpanFragmenter(scorer, FragmentLength),
        };
        return highlighters[field] = h;
    }
}
