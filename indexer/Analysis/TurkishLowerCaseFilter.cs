using HafizaIzmir.Archive.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace HafizaIzmir.Indexer.Analysis;

/// <summary>
/// Lower-cases each token through <see cref="TurkishText.ToLower"/>, so the index and the archive's name
/// matching share one rule: <c>İZMİR</c>, <c>İzmir</c> and the keyboard-typed <c>IZMIR</c> all become
/// <c>izmir</c>, while <c>IŞIK</c> stays <c>ışık</c>.
/// </summary>
public sealed class TurkishLowerCaseFilter : TokenFilter
{
    private readonly ICharTermAttribute term;

    public TurkishLowerCaseFilter(TokenStream input) : base(input) => term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        var original = term.ToString();
        var lower = TurkishText.ToLower(original);
        if (!string.Equals(lower, original, StringComparison.Ordinal)) term.SetEmpty().Append(lower);
        return true;
    }
}
