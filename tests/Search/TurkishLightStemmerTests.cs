using HafizaIzmir.Indexer.Analysis;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace HafizaIzmir.Tests.Search;

public class TurkishLightStemmerTests
{
    /// <summary>Inflected forms that mean the same thing, each group headed by its bare stem.</summary>
    private static readonly string[][] Groups =
    [
        ["liman", "limanlar", "limanı", "limanda", "limandan", "limana", "limanın", "limanları", "limanlarındaki", "limanındaki"],
        ["kordon", "kordonda", "kordondaki", "kordonun", "kordona"],
        ["han", "hanı", "hanında", "hanın", "hanlar"],
        ["mektup", "mektubu", "mektuplar", "mektupları", "mektupta"],
        ["sokak", "sokağı", "sokakta", "sokaklar"],
        ["incir", "incirler", "inciri", "incirin", "incirleri"],
        ["gemi", "gemiler", "gemisi", "gemide"],
        ["tüccar", "tüccarlar", "tüccarın", "tüccarları"],
        ["yangın", "yangını", "yangında", "yangınlar"],
    ];

    [Fact]
    public void Every_group_meets_on_one_stem()
    {
        foreach (var group in Groups)
        {
            var stems = group.Select(TurkishLightStemmer.Stem).Distinct().ToList();
            Assert.True(stems.Count == 1, $"{group[0]}: {string.Join(", ", group.Select(w => $"{w}→{TurkishLightStemmer.Stem(w)}"))}");
        }
    }

    [Theory]
    [InlineData("liman")]
    [InlineData("kordon")]
    [InlineData("izmir")]
    [InlineData("kâtip")]
    [InlineData("han")]
    public void Bare_stems_are_left_alone(string word) => Assert.Equal(word, TurkishLightStemmer.Stem(word));

    [Fact]
    public void Folded_spelling_stems_like_the_turkish_one()
    {
        Assert.Equal(Archive.Text.TurkishText.Fold(TurkishLightStemmer.Stem("limanlarındaki")), TurkishLightStemmer.Stem("limanlarindaki"));
        Assert.Equal(Archive.Text.TurkishText.Fold(TurkishLightStemmer.Stem("hanında")), TurkishLightStemmer.Stem("haninda"));
    }

    [Fact]
    public void Lima_and_liman_stay_apart() => Assert.NotEqual(TurkishLightStemmer.Stem("lima"), TurkishLightStemmer.Stem("liman"));

    /// <summary>
    /// The measurement behind writing our own stemmer: the share of groups Snowball's Turkish stemmer
    /// conflates fully, against ours. Snowball stems "liman" to "lima" but "limanlar" to "liman".
    /// </summary>
    [Fact]
    public void Conflates_more_groups_than_snowball()
    {
        static string Snowball(string w)
        {
            var s = new TurkishStemmer();
            s.SetCurrent(w);
            s.Stem();
            return s.Current;
        }
        var ours = Groups.Count(g => g.Select(TurkishLightStemmer.Stem).Distinct().Count() == 1);
        var snowball = Groups.Count(g => g.Select(Snowball).Distinct().Count() == 1);
        Assert.NotEqual(Snowball("liman"), Snowball("limanlar"));
        Assert.Equal(Groups.Length, ours);
        Assert.True(snowball < ours, $"snowball {snowball}/{Groups.Length}, ours {ours}/{Groups.Length}");
    }
}
