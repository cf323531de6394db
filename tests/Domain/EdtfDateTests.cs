using HafizaIzmir.Archive.Domain;

namespace HafizaIzmir.Tests.Domain;

public class EdtfDateTests
{
    [Theory]
    [InlineData("1923", "1923-01-01", "1923-12-31")]
    [InlineData("1923-05", "1923-05-01", "1923-05-31")]
    [InlineData("1923-05-12", "1923-05-12", "1923-05-12")]
    [InlineData("1920/1925", "1920-01-01", "1925-12-31")]
    [InlineData("192X", "1920-01-01", "1929-12-31")]
    [InlineData("19XX", "1900-01-01", "1999-12-31")]
    [InlineData("1923~", "1923-01-01", "1923-12-31")]
    [InlineData("1923?", "1923-01-01", "1923-12-31")]
    [InlineData("1923-21", "1923-03-01", "1923-05-31")]
    [InlineData("1923-24", "1923-12-01", "1924-02-29")]
    [InlineData("1923-XX", "1923-01-01", "1923-12-31")]
    [InlineData("1924-02-XX", "1924-02-01", "1924-02-29")]
    public void Derives_earliest_and_latest_day(string text, string earliest, string latest)
    {
        var date = EdtfDate.Parse(text);
        Assert.Equal(text, date.Text);
        Assert.Equal(DateOnly.Parse(earliest), date.Earliest);
        Assert.Equal(DateOnly.Parse(latest), date.Latest);
    }

    [Fact]
    public void Open_interval_has_no_earliest_day()
    {
        var date = EdtfDate.Parse("../1930");
        Assert.Null(date.Earliest);
        Assert.Equal(new DateOnly(1930, 12, 31), date.Latest);
        Assert.True(date.IsInterval);
    }

    [Theory]
    [InlineData("1923-13")]
    [InlineData("1923-02-30")]
    [InlineData("23")]
    [InlineData("1925/1920")]
    [InlineData("1X23")]
    [InlineData("12 Mayıs 1923")]
    [InlineData("1920/1921/1922")]
    [InlineData("../..")]
    [InlineData("")]
    public void Rejects_invalid_edtf_with_a_reason(string text)
    {
        Assert.False(EdtfDate.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.Throws<FormatException>(() => EdtfDate.Parse(text));
    }

    [Theory]
    [InlineData("192X", "tr", "1920'ler")]
    [InlineData("193X", "tr", "1930'lar")]
    [InlineData("192X", "en", "the 1920s")]
    [InlineData("1923~", "tr", "yaklaşık 1923")]
    [InlineData("1923~", "en", "circa 1923")]
    [InlineData("1923-05-12", "tr", "12 Mayıs 1923")]
    [InlineData("1923-05-12", "en", "12 May 1923")]
    [InlineData("1920/1925", "tr", "1920 – 1925")]
    public void Reads_aloud(string text, string language, string expected) =>
        Assert.Equal(expected, EdtfDate.Parse(text).Describe(language));
}
