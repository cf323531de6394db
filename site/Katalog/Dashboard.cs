using System.Text;
using HafizaIzmir.Archive.Domain;
using static HafizaIzmir.Site.Katalog.KatalogPage;

namespace HafizaIzmir.Site.Katalog;

/// <summary><c>/katalog</c>: my drafts, what waits for review, what was published lately, and the programme's targets.</summary>
public static class Dashboard
{
    public const int TargetThisYear = 5_000;
    public const int TargetTotal = 25_000;

    public static void MapDashboard(this WebApplication app) => app.MapGet("/katalog", async (HttpContext context, Archive.Storage.Archive archive, CancellationToken ct) =>
    {
        var (user, role) = KatalogServices.Who(context.User);
        var mine = new List<Record>();
        var inReview = new List<Record>();
        var published = new List<Record>();
        // A scan of every record: fine at the programme's scale for now; a derived view would replace it.
        await foreach (var versioned in archive.ListRecordsAsync(ct))
        {
            var record = versioned.Value;
            if (record.State == WorkflowState.Draft && record.CreatedBy == user) mine.Add(record);
            if (record.State == WorkflowState.InReview) inReview.Add(record);
            if (record.State == WorkflowState.Published) published.Add(record);
        }

        var body = new StringBuilder("<h1>Katalog</h1>");
        body.Append($"<section aria-labelledby=\"hedef\"><h2 id=\"hedef\">Program hedefleri</h2><p>Yayımlanan kayıtlar: <strong id=\"published-count\">{published.Count:N0}</strong></p>");
        Target(body, "Bu yıl", published.Count, TargetThisYear);
        Target(body, "Toplam", published.Count, TargetTotal);
        await KatalogAdministration.AppendToDashboardAsync(body, context, archive, ct);
        body.Append("</section>");
        body.Append("<p><a href=\"/katalog/kayit/yeni\">Yeni kayıt</a></p>");
        List(body, "taslaklarim", "Taslaklarım", mine);
        if (RecordWorkflow.IsCataloguer(role)) List(body, "inceleme", "İnceleme bekleyenler", inReview);
        List(body, "yayimlanan", "Son yayımlananlar", published.OrderByDescending(r => r.ChangedAt).Take(10).ToList());
        return Render(context, "Katalog", body.ToString());
    }).RequireAuthorization(KatalogServices.Staff);

    private static void Target(StringBuilder body, string label, int count, int target) =>
        body.Append($"<p><label for=\"target-{target}\">{H(label)}: {count:N0} / {target:N0}</label> ")
            .Append($"<progress id=\"target-{target}\" max=\"{target}\" value=\"{Math.Min(count, target)}\">{count * 100 / target}%</progress></p>");

    private static void List(StringBuilder body, string id, string heading, List<Record> records)
    {
        body.Append($"<section aria-labelledby=\"{id}\"><h2 id=\"{id}\">{H(heading)} ({records.Count})</h2>");
        if (records.Count == 0) body.Append("<p>Yok.</p>");
        else
        {
            body.Append("<ul>");
            foreach (var record in records.OrderBy(r => r.Identifier, StringComparer.Ordinal))
                body.Append($"<li><a href=\"{H(RecordEditor.Url(record.Identifier))}\">{H(record.Identifier)}</a> {H(record.Title.Tr)}</li>");
            body.Append("</ul>");
        }
        body.Append("</section>");
    }
}
