using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Ocr;
using HafizaIzmir.Tests.Site;
using Record = HafizaIzmir.Archive.Domain.Record;

namespace HafizaIzmir.Tests.Ocr;

public sealed class OcrUnitTests
{
    private static readonly NameFinder Finder = new([
        new("p1", AuthorityKind.Person, "Şerif Remzi Reyent", "Şerif Remzi Reyent"),
        new("p1", AuthorityKind.Person, "Şerif Remzi Reyent", "Şerif Remzi"),
        new("f1", AuthorityKind.Institution, "Reyent ve Şürekâsı", "Reyent ve Şürekâsı"),
        new("l1", AuthorityKind.Place, "Kızlarağası Hanı", "Kızlarağası Hanı"),
        new("l2", AuthorityKind.Place, "Kızlarağası", "Kızlarağası"),
        new("x", AuthorityKind.Person, "Al", "Al"),
    ]);

    [Fact]
    public void Names_are_found_folded_on_word_boundaries_and_longest_first()
    {
        var found = Finder.Find("ŞERİF REMZİ REYENT'in mektubu, Reyent ve Şürekası'na; KIZLARAGASI HANI'nda. Kızlarağası çarşısı. Alsancak almış.");
        Assert.Equal(["p1", "f1", "l1", "l2"], found.Select(m => m.Name.AuthorityId));
        Assert.Equal("Şerif Remzi Reyent", found[0].Name.Name); // the longer name of the same person, not "Şerif Remzi"
        Assert.Equal(3, found[0].Words);
        Assert.Empty(Finder.Find("Şerifremzi ve Reyentler")); // never inside a word
    }

    [Fact]
    public void Words_drop_the_suffix_after_an_apostrophe_and_fold_Turkish_letters()
    {
        Assert.Equal(["izmir", "iskele"], NameFinder.Words("İzmir'de-ISKELE"));
        Assert.Equal(["reyent", "in"], NameFinder.Words("Reyent’in In"));
    }

    [Fact]
    public async Task The_switch_is_inherited_from_the_nearest_level_that_sets_it_and_else_follows_genre_and_type()
    {
        var fonds = SampleRecords.Make("F", Level.Fonds, "Fon") with { Ocr = false };
        var series = SampleRecords.Make("S", Level.Series, "Seri", "F");
        var records = new Dictionary<string, Record> { ["F"] = fonds, ["S"] = series };
        Task<Record?> Lookup(string id, CancellationToken _) => Task.FromResult(records.GetValueOrDefault(id));
        var letter = SampleRecords.Make("I", Level.Item, "Mektup", "S") with { Genre = "mektup", Type = EuropeanaType.Text };
        Assert.False(await OcrPolicy.IsEnabledAsync(letter, Lookup, TestContext.Current.CancellationToken));
        Assert.True(await OcrPolicy.IsEnabledAsync(letter with { Ocr = true }, Lookup, TestContext.Current.CancellationToken));
        records["S"] = series with { Ocr = true };
        Assert.True(await OcrPolicy.IsEnabledAsync(letter, Lookup, TestContext.Current.CancellationToken));

        var alone = letter with { Parent = null };
        Assert.True(await OcrPolicy.IsEnabledAsync(alone, Lookup, TestContext.Current.CancellationToken));
        Assert.False(OcrPolicy.DefaultFor(alone with { Genre = "Fotoğraf" }));
        Assert.False(OcrPolicy.DefaultFor(alone with { Genre = "KARTPOSTAL" }));
        Assert.False(OcrPolicy.DefaultFor(alone with { Genre = null, Type = EuropeanaType.Image }));
        Assert.True(OcrPolicy.DefaultFor(alone with { Genre = "konşimento" }));
    }

    [Fact]
    public void Models_follow_the_record_languages_among_those_installed()
    {
        var installed = new HashSet<string> { "tur", "fra", "ell", "Arabic", "ara" };
        Assert.Equal(["fra", "tur"], OcrLanguages.For(["fr", "tr"], installed));
        Assert.Equal(["Arabic", "tur"], OcrLanguages.For(["ota", "tr"], installed));
        Assert.Equal(["tur"], OcrLanguages.For(["hy"], installed)); // Armenian not installed: Turkish, the archive's main language
        Assert.Equal(["tur"], OcrLanguages.For([], installed));
        Assert.Empty(OcrLanguages.For(["tr"], new HashSet<string>()));
        Assert.Equal("Arabic+tur", OcrLanguages.Key(OcrLanguages.For(["ota", "tr"], installed)));
    }

    [Fact]
    public void Hocr_words_keep_their_boxes_and_lines()
    {
        const string hocr = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
            <html xmlns="http://www.w3.org/1999/xhtml"><body>
            <div class='ocr_page' id='page_1' title='image "x.png"; bbox 0 0 1240 1754; ppageno 0'>
             <span class='ocr_line' title="bbox 155 150 600 180"><span class='ocrx_word' title='bbox 155 150 260 180; x_wconf 96'>Sayın</span> <span class='ocrx_word' title='bbox 270 150 400 180; x_wconf 95'>Efendim,</span></span>
             <span class='ocr_line' title="bbox 155 200 600 230"><span class='ocrx_word' title='bbox 155 200 300 230; x_wconf 91'>İzmir</span></span>
            </div></body></html>
            """;
        var page = OcrPage.FromHocr(hocr);
        Assert.Equal((1240, 1754), (page.Width, page.Height));
        Assert.Equal(new OcrWord("Efendim,", 270, 150, 130, 30, 0), page.Words[1]);
        Assert.Equal("Sayın Efendim,\nİzmir", page.Text);
        Assert.Throws<InvalidDataException>(() => OcrPage.FromHocr("not hocr"));
    }
}
