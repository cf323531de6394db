using HafizaIzmir.Archive.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace HafizaIzmir.Indexer.Analysis;

/// <summary>
/// Folds each token to the archive's ASCII matching key (<see cref="TurkishText.Fold"/>:
/// <c>şükrü→sukru</c>, <c>kâtip→katip</c>, <c>ı→i</c>), so text typed without Turkish keys still matches.
/// </summary>
public sealed class TurkishFoldingFilter : TokenFilter
{
    private readonly ICharTermAttribute term;

    public TurkishFoldingFilter(TokenStream input) : base(input) => term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        var original = term.ToString();
        // Fold turns inner punctuation into spaces; inside one token they would only split what the tokenizer joined.
        var folded = TurkishText.Fold(original).Replace(" ", "", StringComparison.Ordinal);
        if (folded.Length > 0 && !string.Equals(folded, original, StringComparison.Ordinal)) term.SetEmpty().Append(folded);
        return true;
    }
}
