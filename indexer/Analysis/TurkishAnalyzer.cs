using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace HafizaIzmir.Indexer.Analysis;

/// <summary>
/// One analysis chain per <see cref="SubField"/>: Unicode word tokens, Turkish lower case, apostrophe
/// suffixes cut, then
/// <list type="bullet">
/// <item>exact: nothing more;</item>
/// <item>stem: <see cref="TurkishLightStemFilter"/>;</item>
/// <item>fold: folded to ASCII, then stemmed (the stemmer knows folded suffixes), folded again to undo
/// the ç its consonant hardening may add;</item>
/// <item>prefix: folded and cut to five characters;</item>
/// <item>words: folded only (the spelling dictionary).</item>
/// </list>
/// </summary>
public sealed class TurkishAnalyzer(SubField sub) : Analyzer
{
    /// <summary>Keeps phrases from running across two values of a multi-valued field (two names).</summary>
    public const int ValueGap = 100;

    public SubField SubField { get; } = sub;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, reader) { MaxTokenLength = 100 };
        TokenStream stream = new ApostropheSuffixFilter(new TurkishLowerCaseFilter(tokenizer));
        stream = SubField switch
        {
            SubField.Exact => stream,
            SubField.Stem => new TurkishLightStemFilter(stream),
            SubField.Fold => new TurkishFoldingFilter(new TurkishLightStemFilter(new TurkishFoldingFilter(stream))),
            SubField.Prefix => new PrefixTruncationFilter(new TurkishFoldingFilter(stream)),
            _ => new TurkishFoldingFilter(stream),
        };
        return new TokenStreamComponents(tokenizer, stream);
    }

    public override int GetPositionIncrementGap(string fieldName) => ValueGap;
}
