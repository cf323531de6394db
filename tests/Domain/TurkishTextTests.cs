using HafizaIzmir.Archive.Text;

namespace HafizaIzmir.Tests.Domain;

public class TurkishTextTests
{
    [Theory]
    [InlineData("ŞERİF REMZİ", "Serif Remzi")]
    [InlineData("Şerif Remzi", "serif remzi")]
    [InlineData("Kızlarağası Hanı", "KIZLARAGASI HANI")]
    [InlineData("kâtip", "katip")]
    [InlineData("İzmir", "IZMIR")]
    [InlineData("Kordon'daki", "kordondaki")]
    [InlineData("Şükrü", "sukru")]
    public void Folded_forms_meet(string a, string b) => Assert.Equal(TurkishText.Fold(a), TurkishText.Fold(b));

    [Fact]
    public void Turkish_capitals_lower_by_turkish_rules() => Assert.Equal("ışık ve istanbul", TurkishText.ToLower("IŞIK ve İSTANBUL"));

    [Fact]
    public void Ascii_shouting_is_read_as_dotted_i() => Assert.Equal("izmir", TurkishText.ToLower("IZMIR"));

    [Fact]
    public void Slug_is_ascii_and_hyphenated() => Assert.Equal("kizlaragasi-hani", TurkishText.Slug("Kızlarağası Hanı"));

    [Fact]
    public void Alphabetical_order_is_turkish()
    {
        var words = new List<string> { "Şükrü", "Ceylan", "Çiçek", "Irmak", "İlhan", "Sabri", "Zeki", "Gül", "Ğ", "Öztürk", "Oya" };
        words.Sort(TurkishText.Alphabetical);
        Assert.Equal(["Ceylan", "Çiçek", "Gül", "Ğ", "Irmak", "İlhan", "Oya", "Öztürk", "Sabri", "Şükrü", "Zeki"], words);
    }
}
