using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Ocr;
using HafizaIzmir.Site.Iiif;
using HafizaIzmir.Site.Web;

namespace HafizaIzmir.Site.Ocr;

/// <summary>
/// A search inside one record's scans, for its public page (<c>/kayit/{id}?ara=…</c>): the same matching as the
/// IIIF Content Search answer the viewer highlights from, listed as text so that it works without JavaScript.
/// </summary>
public sealed record RecordWithin(string Query, bool HasText, IReadOnlyList<ContentHit> Hits)
{
    public const string Parameter = "ara";

    /// <summary>At most this many hits are listed; the viewer still highlights every one.</summary>
    public const int Listed = 200;

    /// <summary>The query of a request, or null when there is none (or it is too long to be a search).</summary>
    public static string? QueryOf(HttpRequest request) =>
        request.Query.TryGetValue(Parameter, out var values) && values.Count == 1 && values[0] is { } q
        && q.Trim() is { Length: > 0 and <= SearchApi.MaxQueryLength } trimmed
            ? trimmed
            : null;

    /// <summary>
    /// Null when the record has no scans to search. Reads the local copy of the page texts the OCR feed keeps
    /// for pages that render at once, not the readings in blob storage: a list needs no word boxes.
    /// </summary>
    public static RecordWithin? Find(Record record, string query, OcrFeed feed)
    {
        if (!ImageCatalog.Images(record).Any()) return null;
        var pages = feed.StoredText(record.Identifier).Select(p => new PageText(p.Page, p.Text, p.Source, null)).ToList();
        return new RecordWithin(query, pages.Count > 0, ContentSearch.Find(query, pages, _ => (1, 1)));
    }

    /// <summary>The record page opened on a hit's page, keeping the search so the viewer marks it.</summary>
    public string PageLink(int page) =>
        $"?{Parameter}={Uri.EscapeDataString(Query)}&sayfa={page.ToString(System.Globalization.CultureInfo.InvariantCulture)}#scans-heading";
}
