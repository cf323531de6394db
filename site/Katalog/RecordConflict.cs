using System.Text;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using static HafizaIzmir.Site.Katalog.KatalogPage;

namespace HafizaIzmir.Site.Katalog;

/// <summary>
/// The page the later of two concurrent savers gets (409): nothing was written; it shows who saved in
/// between and what they changed (field by field, from the version this person read to the current one),
/// what this person tried to save, and their form again on top of the current version so they can re-apply it.
/// </summary>
public static class RecordConflict
{
    public static async Task<IResult> PageAsync(HttpContext context, OcflConflictException e, string? identifier, int? readVersion, FormValues? posted, RecordDraft? draft)
    {
        var archive = context.RequestServices.GetRequiredService<Archive.Storage.Archive>();
        var ct = context.RequestAborted;
        var body = new StringBuilder("<h1>Çakışma: kayıt siz düzenlerken değişti</h1>");
        body.Append($"<p role=\"alert\">Siz bu kaydı okuduktan sonra başka biri kaydetti (şimdi sürüm v{e.CurrentVersion}). Değişiklikleriniz kaydedilmedi; hiçbir şeyin üzerine yazılmadı.</p>");
        var objectInfo = await archive.Repository.GetObjectAsync(e.ObjectId, ct);
        identifier ??= e.ObjectId.StartsWith(Archive.Storage.Archive.RecordPrefix, StringComparison.Ordinal) ? e.ObjectId[Archive.Storage.Archive.RecordPrefix.Length..] : null;
        if (objectInfo is not null && readVersion is { } read)
            foreach (var v in objectInfo.Versions.Where(v => v.Number > read))
                body.Append($"<p>Araya giren değişiklik: <strong>{H(v.User)}</strong>, {v.Created.UtcDateTime:yyyy-MM-dd HH:mm} UTC — {H(v.Message)} (v{v.Number})</p>");
        else if (objectInfo?.Versions is [.., var last])
            body.Append($"<p>Son değişiklik: <strong>{H(last.User)}</strong>, {last.Created.UtcDateTime:yyyy-MM-dd HH:mm} UTC — {H(last.Message)}</p>");
        if (identifier is null || await archive.GetRecordAsync(identifier, ct) is not { } current)
            return Render(context, "Çakışma", body.ToString(), StatusCodes.Status409Conflict);

        var before = readVersion is { } r and > 0 ? await RecordHistory.ReadAsync(archive, identifier, r, ct) : null;
        var names = await RecordHistory.NamesAsync(archive, [before, current.Value], ct);
        if (before is not null)
            body.Append(RecordDiff.Table(RecordDiff.Compare(before, current.Value, names), "Öteki kişinin değişikliği", $"okuduğunuz v{readVersion}", $"şimdiki v{current.Version}"));
        else
            body.Append($"<h2>Kaydın şimdiki hâli</h2><dl><dt>Başlık</dt><dd>{H(current.Value.Title.Tr)}</dd><dt>Durum</dt><dd>{H(RecordWorkflow.StateName(current.Value.State))}</dd>")
                .Append($"<dt>Tarih</dt><dd>{H(current.Value.Date?.ToString())}</dd><dt>Haklar</dt><dd>{H(current.Value.Rights)}</dd></dl>");
        if (posted is not null && draft is not null && before is not null)
        {
            var mine = RecordWorkflow.Apply(before, draft);
            body.Append(RecordDiff.Table(RecordDiff.Compare(current.Value, mine, names), "Sizin kaydetmek istedikleriniz, şimdiki sürüme göre", $"şimdiki v{current.Version}", "sizin"))
                .Append("<h2>Yeniden uygula</h2><p>Aşağıdaki form sizin değerlerinizi şimdiki sürümün üzerine taşır; gözden geçirip kaydedin.</p>")
                .Append(RecordEditor.DescribeFields(context, current, posted, null));
        }
        body.Append($"<p><a href=\"{H(RecordEditor.Url(identifier))}\">Şimdiki sürümü açıp yeniden düzenleyin</a></p>");
        return Render(context, "Çakışma", body.ToString(), StatusCodes.Status409Conflict);
    }
}
