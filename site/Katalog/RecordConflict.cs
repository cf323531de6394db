using System.Text;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using static HafizaIzmir.Site.Katalog.KatalogPage;
using static HafizaIzmir.Site.Katalog.KatalogText;

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
        var body = new StringBuilder($"<h1>{T("Conflict_Heading")}</h1>");
        body.Append($"<p role=\"alert\">{T("Conflict_SavedMeanwhile", e.CurrentVersion)}</p>");
        var objectInfo = await archive.Repository.GetObjectAsync(e.ObjectId, ct);
        identifier ??= e.ObjectId.StartsWith(Archive.Storage.Archive.RecordPrefix, StringComparison.Ordinal) ? e.ObjectId[Archive.Storage.Archive.RecordPrefix.Length..] : null;
        if (objectInfo is not null && readVersion is { } read)
            foreach (var v in objectInfo.Versions.Where(v => v.Number > read))
                body.Append($"<p>{T("Conflict_Between")}: <strong>{H(v.User)}</strong>, {v.Created.UtcDateTime:yyyy-MM-dd HH:mm} UTC — {H(v.Message)} (v{v.Number})</p>");
        else if (objectInfo?.Versions is [.., var last])
            body.Append($"<p>{T("Conflict_LastChange")}: <strong>{H(last.User)}</strong>, {last.Created.UtcDateTime:yyyy-MM-dd HH:mm} UTC — {H(last.Message)}</p>");
        if (identifier is null || await archive.GetRecordAsync(identifier, ct) is not { } current)
            return Render(context, T("Conflict_Title"), body.ToString(), StatusCodes.Status409Conflict);

        var before = readVersion is { } r and > 0 ? await RecordHistory.ReadAsync(archive, identifier, r, ct) : null;
        var names = await RecordHistory.NamesAsync(archive, [before, current.Value], ct);
        if (before is not null)
            body.Append(RecordDiff.Table(RecordDiff.Compare(before, current.Value, names), T("Conflict_TheirChange"), T("Conflict_YouRead", $"v{readVersion}"), T("Conflict_Now", $"v{current.Version}")));
        else
            body.Append($"<h2>{T("Conflict_CurrentState")}</h2><dl><dt>{T("Field_Title")}</dt><dd>{H(current.Value.Title.Tr)}</dd><dt>{T("Record_State")}</dt><dd>{H(RecordWorkflow.StateName(current.Value.State))}</dd>")
                .Append($"<dt>{T("Diff_tarih")}</dt><dd>{H(current.Value.Date?.ToString())}</dd><dt>{T("Diff_haklar")}</dt><dd>{H(current.Value.Rights)}</dd></dl>");
        if (posted is not null && draft is not null && before is not null)
        {
            var mine = RecordWorkflow.Apply(before, draft);
            body.Append(RecordDiff.Table(RecordDiff.Compare(current.Value, mine, names), T("Conflict_YourChange"), T("Conflict_Now", $"v{current.Version}"), T("Conflict_Yours")))
                .Append($"<h2>{T("Conflict_Reapply")}</h2><p>{T("Conflict_ReapplyHelp")}</p>")
                .Append(RecordEditor.DescribeFields(context, current, posted, null));
        }
        body.Append($"<p><a href=\"{H(RecordEditor.Url(identifier))}\">{T("Conflict_OpenCurrent")}</a></p>");
        return Render(context, T("Conflict_Title"), body.ToString(), StatusCodes.Status409Conflict);
    }
}
