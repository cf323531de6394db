using System.Text;
using System.Text.Json;
using HafizaIzmir.Archive.Storage;
using static HafizaIzmir.Site.Katalog.KatalogPage;
using static HafizaIzmir.Site.Katalog.KatalogText;

namespace HafizaIzmir.Site.Katalog;

/// <summary>
/// What a cataloguer wrote when returning a record: a general comment and comments on single fields (keyed
/// by the describe form's field ids). Kept in the blob store at <c>katalog/reviews/{identifier}.json</c>
/// beside the record (the general comment is also the return version's message), and shown to the student
/// next to the fields while the record is a draft again.
/// </summary>
public sealed record ReviewNotes(int Version, string By, DateTimeOffset At, string General, IReadOnlyDictionary<string, string> Fields)
{
    public const string Prefix = "katalog/reviews/";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Key(string identifier) => Prefix + Archive.Storage.Archive.Checked(identifier) + ".json";

    public static async Task<ReviewNotes?> GetAsync(IBlobStore store, string identifier, CancellationToken ct)
    {
        var blob = await store.GetAsync(Key(identifier), ct);
        return blob is null ? null : JsonSerializer.Deserialize<ReviewNotes>(blob.Bytes, Json);
    }

    /// <summary>Written before the return is committed, so the student never sees a return without its notes.</summary>
    public async Task SaveAsync(IBlobStore store, string identifier, CancellationToken ct)
    {
        using var content = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(this, Json));
        await store.PutAsync(Key(identifier), content, BlobCondition.None, ct);
    }

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
