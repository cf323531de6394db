using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Text;

namespace HafizaIzmir.Archive.Ocr;

/// <summary>
/// Whether a record's scans are worth reading by OCR. The record's own <see cref="Record.Ocr"/> wins, then
/// the nearest enclosing level that says (a fonds of photographs switches it off for all its parts); where
/// nothing says, typed and printed genres are read and photographs, postcards and manuscripts are not.
/// </summary>
public static class OcrPolicy
{
    /// <summary>Folded genre words that mean pictures or handwriting, where recognition finds only noise.</summary>
    private static readonly string[] UnreadableGenres =
        ["fotograf", "kartpostal", "el yazmasi", "elyazmasi", "el yazisi", "resim", "gravur", "kartvizit fotograf"];

    public static async Task<bool> IsEnabledAsync(Record record, Func<string, CancellationToken, Task<Record?>> recordOf, CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { record.Identifier };
        for (var level = record; level is not null;)
        {
            if (level.Ocr is { } set) return set;
            if (level.Parent is not { } parent || !seen.Add(parent)) break;
            level = await recordOf(parent, ct);
        }
        return DefaultFor(record);
    }

    /// <summary>The choice when no level says: by type (only texts) and genre.</summary>
    public static bool DefaultFor(Record record)
    {
        if (record.Type is { } type && type != EuropeanaType.Text) return false;
        var genre = TurkishText.Fold(record.Genre ?? "");
        return genre.Length == 0 || !UnreadableGenres.Any(g => genre.Contains(g, StringComparison.Ordinal));
    }
}
