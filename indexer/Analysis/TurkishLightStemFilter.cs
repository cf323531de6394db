using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace HafizaIzmir.Indexer.Analysis;

/// <summary>Runs <see cref="TurkishLightStemmer"/> over each token that is not marked as a keyword.</summary>
public sealed class TurkishLightStemFilter : TokenFilter
{
    private readonly ICharTermAttribute term;
    private readonly IKeywordAttribute keyword;

    public TurkishLightStemFilter(TokenStream input) : base(input)
    {
        term = AddAttribute<ICharTermAttribute>();
        keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        if (keyword.IsKeyword) return true;
        var original = term.ToString();
        // Numbers (years, folio numbers) carry no suffixes worth stripping.
        if (original.Length == 0 || char.IsDigit(original[0])) return true;
        var stem = TurkishLightStemmer.Stem(original);
        if (!string.Equals(stem, original, StringComparison.Ordinal)) term.SetEmpty().Append(stem);
        return true;
    }
}
