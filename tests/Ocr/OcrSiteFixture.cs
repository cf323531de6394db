using System.Text.Json;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Ocr;
using HafizaIzmir.Tests.Site;
using Microsoft.Extensions.DependencyInjection;

namespace HafizaIzmir.Tests.Ocr;

/// <summary>
/// A running site whose published letter (two typed pages) and draft (the same pages) have been read by
/// OCR in the background; the tests share the reading, which is the slow part.
/// </summary>
public sealed class OcrSiteFixture : IAsyncLifetime
{
    public const string Letter = "OCR-1";
    public const string Draft = "OCR-2";
    public const string Student = "ogrenci";

    public SiteHost Site { get; private set; } = null!;
    public byte[] Page1 { get; } = OcrCorpus.Page(OcrCorpus.LetterPage1);
    public byte[] Page2 { get; } = OcrCorpus.Page(OcrCorpus.LetterPage2);

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(TextPages.FontFile) || !new TesseractEngine(new TesseractSettings()).InstalledModels.Contains("tur")) return;
        Site = await SiteHost.StartAsync("filesystem", async archive =>
        {
            await OcrCorpus.SeedAuthoritiesAsync(archive);
            await OcrCorpus.SaveAsync(archive, OcrCorpus.Item(Letter, "Vapura yükleme mektubu"), Page1, Page2);
            await OcrCorpus.SaveAsync(archive, OcrCorpus.Item(Draft, "Taslak mektup", WorkflowState.Draft)
                with
            { Authorities = [new AuthorityLink(OcrCorpus.Han.Id, AuthorityKind.Place)] }, Student, Page1, Page2);
        }, b => b.Configuration["Ocr:Workers"] = "2");
        var store = Site.Services.GetRequiredService<OcrStore>();
        await OcrCorpus.WaitUntilAsync(async () =>
            await store.ExistsAsync(OcrCorpus.Sha(Page1), "tur") && await store.ExistsAsync(OcrCorpus.Sha(Page2), "tur"), "reading both pages");
        // The reading is announced in the journal; the search index has it once the letter is found by a word of the scan.
        await OcrCorpus.WaitUntilAsync(async () => (await SearchAsync("konşimento")).GetProperty("total").GetInt32() > 0, "indexing the text");
    }

    public void RequireRunning()
    {
        if (Site is null) Assert.Skip("tesseract with Turkish data or the DejaVu font is not installed (scripts/test.sh installs them)");
    }

    public async Task<JsonElement> SearchAsync(string q)
    {
        var body = await Site.Client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString(q), TestContext.Current.CancellationToken);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        if (Site is not null) await Site.DisposeAsync();
    }
}
