using HafizaIzmir.Indexer.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace HafizaIzmir.Tests.Search;

public class AnalysisTests
{
    private static List<string> Tokens(TokenStream stream)
    {
        var tokens = new List<string>();
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) tokens.Add(term.ToString());
        stream.End();
        stream.Dispose();
        return tokens;
    }

    /// <summary>Whitespace tokens through one filter, so each filter is tested alone.</summary>
    private static List<string> Through(Func<TokenStream, TokenStream> filter, string text) =>
        Tokens(filter(new WhitespaceTokenizer(LuceneVersion.LUCENE_48, new StringReader(text))));

    private static List<string> Chain(SubField sub, string text)
    {
        using var analyzer = new TurkishAnalyzer(sub);
        return Tokens(analyzer.GetTokenStream("f", text));
    }

    [Fact]
    public void Lowercase_filter_follows_turkish_rules_and_reads_ascii_shouting_as_dotted_i() =>
        Assert.Equal(["izmir", "izmir", "ışık", "istanbul", "kızlarağası"],
            Through(s => new TurkishLowerCaseFilter(s), "IZMIR İZMİR IŞIK İstanbul KIZLARAĞASI"));

    [Fact]
    public void Apostrophe_filter_cuts_the_suffix_in_any_apostrophe() =>
        Assert.Equal(["kordon", "izmir", "1920", "kordon"],
            Through(s => new ApostropheSuffixFilter(s), "kordon'daki izmir’in 1920'ler 'kordon"));

    [Fact]
    public void Folding_filter_maps_turkish_letters_and_circumflexes_to_ascii() =>
        Assert.Equal(["sukru", "katip", "kizlaragasi", "cicek"],
            Through(s => new TurkishFoldingFilter(s), "şükrü kâtip kızlarağası çiçek"));

    [Fact]
    public void Prefix_filter_keeps_five_characters_and_short_words_whole() =>
        Assert.Equal(["liman", "liman", "han", "kizla"],
            Through(s => new PrefixTruncationFilter(s), "limanlarındaki liman han kizlaragasi"));

    [Fact]
    public void Stem_filter_leaves_keywords_alone()
    {
        var stemmed = Through(s => new TurkishLightStemFilter(new SetKeywordMarkerFilter(s, new CharArraySet(LuceneVersion.LUCENE_48, ["limanda"], false))), "limanda limanlar");
        Assert.Equal(["limanda", "liman"], stemmed);
    }

    [Fact]
    public void Exact_chain_lowercases_and_cuts_apostrophes_only() =>
        Assert.Equal(["kordon", "izmir", "limanlar"], Chain(SubField.Exact, "Kordon'daki IZMIR limanlar"));

    [Fact]
    public void Stem_chain_meets_inflected_forms() =>
        Assert.Equal(["liman", "liman", "liman", "han"], Chain(SubField.Stem, "liman limanlar limanında Hanı"));

    [Fact]
    public void Fold_chain_makes_ascii_typing_meet_turkish_spelling()
    {
        Assert.Equal(Chain(SubField.Fold, "Kızlarağası Hanı"), Chain(SubField.Fold, "kizlaragasi hani"));
        Assert.Equal(Chain(SubField.Fold, "Şükrü kâtip"), Chain(SubField.Fold, "SUKRU katip"));
        Assert.Equal(Chain(SubField.Fold, "İzmir limanında"), Chain(SubField.Fold, "Izmir limaninda"));
    }

    [Fact]
    public void Prefix_chain_folds_before_cutting() =>
        Assert.Equal(["sukru", "kizla", "liman"], Chain(SubField.Prefix, "Şükrü'nün Kızlarağası limanlarından"));

    [Fact]
    public void Words_chain_keeps_whole_folded_words_for_spelling() =>
        Assert.Equal(["kordon", "limanlari"], Chain(SubField.Words, "Kordon'daki limanları"));

    [Fact]
    public void Search_analyzer_picks_the_chain_by_field_suffix()
    {
        using var analyzer = new SearchAnalyzer();
        Assert.Equal(["liman"], Tokens(analyzer.GetTokenStream("title.stem", "limanlar")));
        Assert.Equal(["limanlar"], Tokens(analyzer.GetTokenStream("title.exact", "limanlar")));
        Assert.Equal(["SRR-0001"], Tokens(analyzer.GetTokenStream("id", "SRR-0001")));
    }
}
