using System.Security.Cryptography;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Tests.Site;
using Record = HafizaIzmir.Archive.Domain.Record;

namespace HafizaIzmir.Tests.Ocr;

/// <summary>Typed pages and authorities for the OCR tests, saved straight into the archive.</summary>
public static class OcrCorpus
{
    public const int Width = 1240, Height = 1754, Dpi = 150;

    public const string LetterPage1 = """
        Sayın Efendim,
        ŞERİF REMZİ Bey'in Punta'daki deposundan gönderilen incir sandıkları
        vapura yüklenmiştir. Konşimento ilişiktedir.
        """;

    public const string LetterPage2 = """
        Fiyat listesi: kuru üzüm, incir, zeytinyağı.
        Ödeme Reyent ve Şürekası hesabına yapılacaktır.
        Kızlarağası Hanı, İzmir
        """;

    public static readonly Person Reyent = new()
    {
        Id = "kisi-serif-remzi-reyent",
        Name = "Şerif Remzi Reyent",
        Variants = [new AuthorityName("Şerif Remzi")],
    };
    public static readonly Institution Firm = new() { Id = "kurum-reyent-ve-surekasi", Name = "Reyent ve Şürekâsı" };
    public static readonly Place Alsancak = new()
    {
        Id = "mekan-alsancak",
        Name = "Alsancak",
        Variants = [new AuthorityName("Punta", EdtfDate.Parse("../1930"))],
    };
    public static readonly Place Han = new() { Id = "mekan-kizlaragasi-hani", Name = "Kızlarağası Hanı" };
    /// <summary>A name that occurs nowhere in the pages, and one that is only part of a word there.</summary>
    public static readonly Place Karsiyaka = new() { Id = "mekan-karsiyaka", Name = "Karşıyaka" };
    public static readonly Person Ince = new() { Id = "kisi-inci", Name = "İnci" };

    public static async Task SeedAuthoritiesAsync(HafizaIzmir.Archive.Storage.Archive archive)
    {
        var info = new CommitInfo("test", "seed");
        foreach (var a in new Authority[] { Reyent, Firm, Alsancak, Han, Karsiyaka, Ince }) await archive.SaveAuthorityAsync(a, null, info);
    }

    public static byte[] Page(string text) => TextPages.Render(text, Width, Height, Dpi);

    public static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA512.HashData(bytes));

    /// <summary>Saves the record with the pages as its files (<c>files/0001.png</c> …).</summary>
    public static Task SaveAsync(HafizaIzmir.Archive.Storage.Archive archive, Record record, params byte[][] pages) => SaveAsync(archive, record, "test", pages);

    /// <summary>Saves the record as <paramref name="user"/> (who then owns it as its creator).</summary>
    public static Task SaveAsync(HafizaIzmir.Archive.Storage.Archive archive, Record record, string user, params byte[][] pages)
    {
        var files = pages.Select((bytes, i) => new RecordFile
        {
            Path = $"files/{i + 1:0000}.png",
            OriginalName = $"{i + 1:0000}.png",
            MediaType = "image/png",
            Bytes = bytes.Length,
            Sha512 = Sha(bytes),
            Width = Width,
            Height = Height,
        }).ToList();
        return archive.SaveRecordAsync(record with { Files = files, Type = EuropeanaType.Text, Genre = "mektup", Languages = ["tr"] },
            [.. files.Select((f, i) => new NewFile(f.Path, OcflContent.FromBytes(pages[i])))], null, new CommitInfo(user, "seed"));
    }

    /// <summary>Polls <paramref name="condition"/> until it holds, failing with <paramref name="what"/> after the timeout.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int seconds = 120)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"{what} did not happen within {seconds} s");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    public static Record Item(string identifier, string title, WorkflowState state = WorkflowState.Published) =>
        SampleRecords.Make(identifier, Level.Item, title, state: state);
}
