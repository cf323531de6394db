using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace HafizaIzmir.Indexer.Analysis;

/// <summary>
/// Turkish writes the suffixes of a proper name after an apostrophe (<c>Kordon'daki</c>,
/// <c>İzmir’in</c>): everything from the first apostrophe on is inflection, so it is cut off.
/// </summary>
public sealed class ApostropheSuffixFilter : TokenFilter
{
    private readonly ICharTermAttribute term;

    public ApostropheSuffixFilter(TokenStream input) : base(input) => term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        var buffer = term.Buffer;
        for (var i = 0; i < term.Length; i++)
        {
            if (!IsApostrophe(buffer[i])) continue;
            // A leading apostrophe ('Kordon) carries no suffix; keep what follows instead of emptying the token.
            if (i == 0)
            {
                var rest = new string(buffer, 1, term.Length - 1);
                term.SetEmpty().Append(rest);
            }
            else term.SetLength(i);
            break;
        }
        return true;
    }

    public static bool IsApostrophe(char c) => c is '\'' or '’' or '‘' or 'ʼ' or '`' or '´';
}
