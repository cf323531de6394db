using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Site.Iiif;
using HafizaIzmir.Site.Ocr;
using HafizaIzmir.Site.Public;
using HafizaIzmir.Site.Web;
using Microsoft.AspNetCore.Mvc;

namespace HafizaIzmir.Site.Pages;

using Archive = HafizaIzmir.Archive.Storage.Archive;

/// <summary>
/// <c>/kayit/{identifier}/metin</c>: the text of a published record's scans, page by page, for reading,
/// copying and screen readers: a person's corrected transcription where there is one, otherwise the machine's
/// reading, each said to be which.
/// </summary>
public sealed class RecordPagesModel(Archive archive, OcrFeed ocr) : SitePage
{
    public Record Record { get; private set; } = null!;
    public IReadOnlyList<StoredPageText> Pages { get; private set; } = [];

    public static string PathOf(string identifier) => RecordModel.RecordPath(identifier) + "/metin";

    public async Task<IActionResult> OnGetAsync(string identifier, CancellationToken ct)
    {
        if (await PublicationGate.PublicRecordAsync(archive, identifier, ct) is not { } record || !ImageCatalog.Images(record).Any())
            return NotFoundPage("Record_NotFound");
        Record = record;
        Title = string.Format(Language.Culture, T("ScanText_Title"), Language.IsEnglish && !string.IsNullOrWhiteSpace(Record.Title.En) ? Record.Title.En : Record.Title.Tr);
        // The local copy the OCR feed keeps current, rather than every page's reading from blob storage.
        Pages = ocr.StoredText(Record.Identifier);
        return Page();
    }

    /// <summary>The language the page texts are written in, as far as the record says (its first language).</summary>
    public string? TextLanguage => Record.Languages.FirstOrDefault() is { Length: > 0 } code ? code : null;
}
