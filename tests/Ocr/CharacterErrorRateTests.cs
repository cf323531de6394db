using System.Text.RegularExpressions;
using HafizaIzmir.Archive.Ocr;

namespace HafizaIzmir.Tests.Ocr;

/// <summary>Tesseract with the Turkish model must read typed Turkish, every special letter included, almost exactly.</summary>
public sealed partial class CharacterErrorRateTests
{
    public const double MaxCer = 0.03;

    /// <summary>A commercial letter of the port, with ş, ğ, ı, İ, ç, ö, ü and â in upper and lower case.</summary>
    public static readonly string[] Pages =
    [
        """
        İzmir, 12 Mayıs 1924
        Sayın Şerif Remzi Bey,
        Gönderdiğiniz üzüm ve incir numunelerini aldık. Kordon'daki depomuzda yaptığımız muayenede
        malın kalitesinin çok iyi olduğu görüldü. Fiyat listemizi ilişikte takdim ediyoruz.
        Ödemeyi konşimentonun tesliminde, Osmanlı Bankası aracılığıyla yapmayı teklif ederiz.
        Kâtibimiz Çakır Efendi yarın öğleden sonra Kızlarağası Hanı'ndaki yazıhanenize uğrayacaktır.
        Hürmetlerimizle,
        Reyent ve Şürekâsı
        """,
        """
        FATURA No. 318
        Alıcı: Gümrük Müdürlüğü, İzmir
        Açıklama: Yüz çuval kuru üzüm, elli sandık incir, yirmi varil zeytinyağı.
        Navlun ve sigorta alıcıya aittir. Ağırlık farkı ölçümde düzeltilecektir.
        Şirketimiz hesabına Ödemiş ve Tire'den gelen mallar ayrıca faturalanacaktır.
        ÇİFTÇİ ŞÜKRÜ, GÜMÜŞ, ĞÖÇÜ, ıslak, ılık, İnci, âlâ, hâlâ.
        """,
    ];

    [Fact]
    public async Task Tesseract_reads_typed_Turkish_with_at_most_three_percent_character_errors()
    {
        var engine = TextPages.RequireTesseract();
        var ct = TestContext.Current.CancellationToken;
        long errors = 0, characters = 0;
        foreach (var truth in Pages)
        {
            var expected = Normalize(truth);
            using var page = new MemoryStream(TextPages.Render(truth));
            var read = OcrPage.FromHocr(await engine.RecognizeAsync(page, ["tur"], ct));
            var actual = Normalize(read.Text);
            var distance = Levenshtein(actual, expected);
            TestContext.Current.TestOutputHelper?.WriteLine($"page: {distance} errors in {expected.Length} characters\nread: {actual}");
            errors += distance;
            characters += expected.Length;
        }
        var cer = (double)errors / characters;
        var line = $"character error rate (Tesseract tur, DejaVu Serif 12 pt at 300 dpi): {cer:P2} ({errors}/{characters})";
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        Console.WriteLine(line);
        Assert.True(cer <= MaxCer, line);
    }

    [Fact]
    public void Levenshtein_counts_insertions_deletions_and_substitutions()
    {
        Assert.Equal(0, Levenshtein("şğı", "şğı"));
        Assert.Equal(1, Levenshtein("ılık", "ilık"));
        Assert.Equal(1, Levenshtein("İzmir", "Izmir"));
        Assert.Equal(3, Levenshtein("kitten", "sitting"));
        Assert.Equal(4, Levenshtein("", "abcd"));
    }

    /// <summary>Whitespace differences (line breaks, indentation) are layout, not characters read wrongly.</summary>
    public static string Normalize(string text) => Spaces().Replace(text.Normalize(System.Text.NormalizationForm.FormC), " ").Trim();

    public static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
