using HafizaIzmir.Indexer.Search;

namespace HafizaIzmir.Tests.Search;

public class QueryTextTests
{
    [Fact]
    public void Years_decades_ranges_and_phrases_are_taken_apart()
    {
        var q = QueryText.Parse("\"incir sandıkları\" 1922 yangını 1920'lerde 1908-1912 ve the");
        Assert.Equal(["incir sandıkları"], q.Phrases);
        Assert.Equal([1922], q.Years);
        Assert.Equal([1920], q.Decades);
        Assert.Equal([(1908, 1912)], q.Ranges);
        Assert.Equal(["yangını"], q.Words);
    }

    [Theory]
    [InlineData("1920'ler", 1920)]
    [InlineData("1930’larda", 1930)]
    [InlineData("1920s", 1920)]
    [InlineData("1940lı yıllar", 1940)]
    public void Decade_spellings(string text, int decade)
    {
        var q = QueryText.Parse(text);
        Assert.Equal([decade], q.Decades);
        Assert.Empty(q.Words);
    }

    [Fact]
    public void Operators_and_stray_syntax_are_not_words() =>
        Assert.Equal(["kordon", "liman"], QueryText.Parse("kordon AND (liman OR").Words);

    [Fact]
    public void Only_stop_words_are_kept_rather_than_searching_nothing() =>
        Assert.Equal(["ve", "ile"], QueryText.Parse("ve ile").Words);

    [Fact]
    public void Numbers_outside_the_year_range_stay_words() =>
        Assert.Equal(["400", "sandık"], QueryText.Parse("400 sandık").Words);
}
