using System.Text;
using System.Text.Json;
using HafizaIzmir.Archive.Storage;
using static HafizaIzmir.Site.Katalog.KatalogPage;
using static HafizaIzmir.Site.Katalog.KatalogText;

namespace HafizaIzmir.Site.Katalog;

/// <summary>
/// What a cataloguer wrote when returning a record: a general comment and comments on single fields (keyed
/// by the describe form's field ids). Stored in the record itself (<see cref="FilePath"/>), in the version the
/// return creates, so notes and return land together or not at all, and each review round stays in the
/// record's history after the next submission removes the file from the head. Shown to the student next to
/// the fields while the record is a draft again.
/// </summary>
public sealed record ReviewNotes(int Version, string By, DateTimeOffset At, string General, IReadOnlyDictionary<string, string> Fields)
{
    public const string FilePath = Archive.Storage.Archive.ReviewFolder + "notes.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The notes of the record's current review round; null when it has not been returned since its last submission.</summary>
    public static async Task<ReviewNotes?> GetAsync(Archive.Storage.Archive archive, string identifier, CancellationToken ct)
    {
        await using var stream = await archive.OpenRecordFileAsync(identifier, FilePath, ct);
        return stream is null ? null : await JsonSerializer.DeserializeAsync<ReviewNotes>(stream, Json, ct);
    }

    public NewFile ToFile() => new(FilePath, OcflContent.FromBytes(JsonSerializer.SerializeToUtf8Bytes(this, Json)));

    public static string Summary(ReviewNotes notes)
    {
        var html = new StringBuilder($"<section class=\"review-notes\" aria-labelledby=\"iade-notlari\"><h2 id=\"iade-notlari\">{T("Review_ReturnNotes")}</h2>")
            .Append($"<p><strong>{H(notes.By)}</strong>, {notes.At:yyyy-MM-dd HH:mm}: {H(notes.General)}</p>");
        if (notes.Fields.Count > 0)
        {
            html.Append("<ul>");
            foreach (var (key, text) in notes.Fields) html.Append($"<li><a href=\"#{H(key)}\">{H(RecordDiff.Label(key))}</a>: {H(text)}</li>");
            html.Append("</ul>");
        }
        return html.Append("</section>").ToString();
    }
}
