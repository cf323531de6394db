using HafizaIzmir.Indexer.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace HafizaIzmir.Indexer.Search;

/// <summary>
/// Picks the passage of a record that best shows why it matched: the description (Turkish, then English),
/// the OCR text, then the title, highlighting with the strictest sub-field that marks anything.
/// The text is HTML-escaped; the only markup is <c>&lt;mark&gt;</c>.
/// </summary>
internal sealed class SnippetWriter(Analyzer analyzer, Query query)
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

    public string For(Document doc)
    {
        foreach (var (stored, field) in Sources)
        {
            var text = doc.Get(stored);
            if (string.IsNullOrEmpty(text)) continue;
            foreach (var sub in SubFields.Searched)
            {
                var name = SubFields.Of(field, sub);
                using var tokens = analyzer.GetTokenStream(name, text);
                var fragments = HighlighterFor(name).GetBestFragments(tokens, text, Fragments);
                if (fragments.Length > 0) return string.Join(Ellipsis, fragments.Select(f => f.Trim()));
            }
        }
        var plain = doc.Get(IndexFields.StoredDescription) ?? doc.Get(IndexFields.StoredDescriptionEn) ?? "";
        return HtmlText.Escape(plain.Length > FragmentLength ? plain[..FragmentLength] + "…" : plain);
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
