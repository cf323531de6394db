using System.Text;
using HafizaIzmir.Archive.Domain;

namespace HafizaIzmir.Archive.Ocr;

using Archive = HafizaIzmir.Archive.Storage.Archive;

/// <summary>Where a page's text comes from: a person's corrected transcription wins over the machine's reading.</summary>
public enum TextSource { Ocr, Transcription }

/// <summary>The text of one page (1-based, counting every file of the record) and, when OCR read it, the words with boxes.</summary>
public sealed record PageText(int Page, string Text, TextSource Source, OcrPage? Ocr);

/// <summary>
/// The full text of a record's pages as everything else sees it (search, content search, suggestions,
/// display): the corrected transcription stored in the record's object where there is one, otherwise the
/// stored OCR reading, and OCR only while it is enabled for the record.
/// </summary>
public sealed class RecordText(Archive archive, OcrStore store, Func<IReadOnlySet<string>> installedModels)
{
    /// <summary>Separates pages in <see cref="SearchTextAsync"/>: a character no analyser keeps, so offsets give pages.</summary>
    public const char PageBreak = '\f';

    public OcrStore Store => store;

    public Task<bool> IsOcrEnabledAsync(Record record, CancellationToken ct) =>
        OcrPolicy.IsEnabledAsync(record, async (id, c) => (await archive.GetRecordAsync(id, c))?.Value, ct);

    /// <summary>The models this installation reads the record with (empty when Tesseract is not installed).</summary>
    public IReadOnlyList<string> ModelsFor(Record record) => OcrLanguages.For(record.Languages, installedModels());

    /// <summary>Every page with text, in page order.</summary>
    public async Task<IReadOnlyList<PageText>> PagesAsync(Record record, CancellationToken ct)
    {
        var pages = new List<PageText>();
        var transcribed = await TranscribedPagesAsync(record.Identifier, ct);
        var ocr = await IsOcrEnabledAsync(record, ct);
        var models = OcrLanguages.Key(ModelsFor(record));
        for (var i = 0; i < record.Files.Count; i++)
        {
            var page = i + 1;
            var file = record.Files[i];
            if (!file.MediaType.StartsWith("image/", StringComparison.Ordinal)) continue;
            var reading = ocr || transcribed.Contains(page) ? await store.GetAsync(file.Sha512, models, ct) : null;
            if (transcribed.Contains(page) && await TranscriptionAsync(record.Identifier, page, ct) is { } text)
                pages.Add(new PageText(page, text, TextSource.Transcription, reading));
            else if (ocr && reading is not null)
                pages.Add(new PageText(page, reading.Text, TextSource.Ocr, reading));
        }
        return pages;
    }

    /// <summary>
    /// All pages' text for the search index, every file's page separated by <see cref="PageBreak"/> (so the
    /// page of a passage is the number of breaks before it plus one); null when no page has text.
    /// </summary>
    public async Task<string?> SearchTextAsync(Record record, CancellationToken ct)
    {
        var pages = await PagesAsync(record, ct);
        if (pages.Count == 0) return null;
        var sb = new StringBuilder();
        for (var page = 1; page <= record.Files.Count; page++)
        {
            if (page > 1) sb.Append(PageBreak);
            if (pages.FirstOrDefault(p => p.Page == page) is { } text) sb.Append(text.Text.Replace(PageBreak, ' '));
        }
        return sb.ToString();
    }

    /// <summary>The page a character offset of <see cref="SearchTextAsync"/>'s text lies on.</summary>
    public static int PageAt(string searchText, int offset)
    {
        var page = 1;
        for (var i = 0; i < offset && i < searchText.Length; i++)
            if (searchText[i] == PageBreak) page++;
        return page;
    }

    /// <summary>The corrected text of a page, or null when nobody has transcribed it.</summary>
    public async Task<string?> TranscriptionAsync(string identifier, int page, CancellationToken ct)
    {
        await using var stream = await archive.OpenRecordFileAsync(identifier, Archive.TranscriptionPath(page), ct);
        if (stream is null) return null;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(ct);
    }

    private async Task<HashSet<int>> TranscribedPagesAsync(string identifier, CancellationToken ct)
    {
        var head = await archive.Repository.GetObjectAsync(Archive.RecordPrefix + identifier, ct);
        var pages = new HashSet<int>();
        foreach (var path in head?.State.Keys ?? [])
            if (path.StartsWith(Archive.TranscriptionFolder, StringComparison.Ordinal)
                && int.TryParse(path.AsSpan(Archive.TranscriptionFolder.Length).TrimEnd(".txt"), System.Globalization.CultureInfo.InvariantCulture, out var page))
                pages.Add(page);
        return pages;
    }
}
