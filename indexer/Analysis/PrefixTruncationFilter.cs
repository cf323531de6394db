using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace HafizaIzmir.Indexer.Analysis;

/// <summary>
/// Keeps the first few characters of each token. For an agglutinative language a fixed prefix
/// (five characters) conflates inflected forms about as well as a stemmer, and repairs its mistakes.
/// </summary>
public sealed class PrefixTruncationFilter : TokenFilter
{
    public const int DefaultLength = 5;

    private readonly ICharTermAttribute term;
    private readonly int length;

    public PrefixTruncationFilter(TokenStream input, int length = DefaultLength) : base(input)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        this.length = length;
        term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        if (term.Length > length)
        {
            // Never cut a surrogate pair in half.
            var cut = char.IsHighSurrogate(term.Buffer[length - 1]) ? length + 1 : length;
            term.SetLength(cut);
        }
        return true;
    }
}
