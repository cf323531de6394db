using System.Text;
using HafizaIzmir.Archive.Domain;
using static HafizaIzmir.Site.Katalog.KatalogPage;
using static HafizaIzmir.Site.Katalog.KatalogText;

namespace HafizaIzmir.Site.Katalog;

/// <summary>
/// <c>/katalog/kayit/{id}/onizleme</c>: the record as its public page would show it, rendered on the server
/// from the current (possibly unpublished) version, for signed-in accounts only; nothing public links here.
/// </summary>
public static class RecordPreview
{
    public static void MapRecordPreview(this WebApplication app) =>
        app.MapGet("/katalog/kayit/{identifier}/onizleme", (HttpContext context, string identifier, RecordWorkflow workflow, CancellationToken ct) =>
            RecordEditor.Run(context, async () =>
            {
                var current = await workflow.GetAsync(identifier, ct);
                var r = current.Value;
                var names = await RecordHistory.NamesAsync(workflow.Archive, [r], ct);
                var body = new StringBuilder($"<p role=\"note\" class=\"preview-banner\">{T("Preview_Banner", $"v{current.Version}", H(RecordWorkflow.StateName(r.State)))} <a href=\"{H(RecordEditor.Url(identifier))}\">{T("Preview_BackToEdit")}</a></p>")
                    .Append($"<article class=\"preview\"><p>{H(T("Level_" + r.Level))} · {H(r.Identifier)}</p><h1>{H(r.Title.Tr)}</h1>");
                if (r.Title.En is { } en) body.Append($"<p lang=\"en\">{H(en)}</p>");
                body.Append("<dl>");
                if (r.Date is { } date) body.Append($"<dt>{T("Diff_tarih")}</dt><dd>{H(date.Describe(KatalogText.Current.Code))} <span class=\"hint\">({H(date.ToString())})</span></dd>");
                if (r.Genre is { } genre) body.Append($"<dt>{T("Diff_cins")}</dt><dd>{H(genre)}</dd>");
                if (r.Languages.Count > 0) body.Append($"<dt>{T("Diff_dil")}</dt><dd>{H(string.Join(", ", r.Languages))}</dd>");
                foreach (var group in r.Authorities.GroupBy(a => a.Kind))
                    body.Append($"<dt>{H(RecordDiff.KindName(group.Key))}</dt><dd>{H(string.Join(", ", group.Select(a => names(a.AuthorityId) + (a.Role is null ? "" : $" ({a.Role})"))))}</dd>");
                if (r.Axes.Count > 0) body.Append($"<dt>{T("Diff_eksen")}</dt><dd>{H(string.Join(", ", r.Axes.Select(a => T("Axis_" + a))))}</dd>");
                if (r.Subjects.Count > 0) body.Append($"<dt>{T("Diff_konu")}</dt><dd>{H(string.Join("; ", r.Subjects))}</dd>");
                body.Append($"<dt>{T("Diff_haklar")}</dt><dd>{H(r.Rights ?? T("Preview_NoRights"))}</dd><dt>{T("Diff_sayfalar")}</dt><dd>{r.Files.Count}</dd></dl>");
                if (r.Description is { } description) body.Append($"<div class=\"description\"><p>{H(description.Tr).Replace("\n", "<br>")}</p></div>");
                return Render(context, T("Record_Preview") + ": " + r.Title.Tr, body.Append("</article>").ToString());
            })).RequireAuthorization(KatalogServices.Staff);
}
