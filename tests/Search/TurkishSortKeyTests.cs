using HafizaIzmir.Archive.Text;
using HafizaIzmir.Indexer.Analysis;

namespace HafizaIzmir.Tests.Search;

public class TurkishSortKeyTests
{
    [Fact]
    public void Ordinal_order_of_keys_is_turkish_alphabetical_order()
    {
        string[] titles = ["Şükrü Bey'in mektubu", "Ceylan", "Çiçek pazarı", "Irmak", "İlhan", "Sabri", "Zeki", "Gül", "Ğ", "Öztürk", "Oya", "Uşak halısı", "Üzüm", "Hamal"];
        var byKey = titles.OrderBy(TurkishSortKey.For, StringComparer.Ordinal).ToList();
        var expected = titles.Order(TurkishText.Alphabetical).ToList();
        Assert.Equal(expected, byKey);
    }

    [Fact]
    public void Circumflex_sorts_with_its_base_letter_and_case_does_not_matter()
    {
        Assert.Equal(TurkishSortKey.For("katip"), TurkishSortKey.For("KÂTİP"));
        Assert.True(string.CompareOrdinal(TurkishSortKey.For("kâtip"), TurkishSortKey.For("kebap")) < 0);
    }

    [Fact]
    public void Digits_sort_before_letters_and_spaces_before_both() =>
        Assert.Equal(["a b", "a1", "ab"], new[] { "ab", "a1", "a b" }.OrderBy(TurkishSortKey.For, StringComparer.Ordinal));
}
