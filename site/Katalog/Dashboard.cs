using System.Text;
using HafizaIzmir.Archive.Domain;
using static HafizaIzmir.Site.Katalog.KatalogPage;
using static HafizaIzmir.Site.Katalog.KatalogText;

namespace HafizaIzmir.Site.Katalog;

/// <summary><c>/katalog</c>: my drafts, what waits for review, what was published lately, and the programme's targets.</summary>
public static class Dashboard
{
    public const int TargetThisYear = 5_000;
    public const int TargetTotal = 25_000;
    public const int StoryTargetThisYear = 10;
    public const int StoryTargetTotal = 50;

    public static void MapDashboard(this WebApplication app) => app.MapGet("/katalog", async (HttpContext context, Archive.Storage.Archive archive, CancellationToken ct) =>
    {
        var (user, role) = KatalogServices.Who(context.User);
        var mine = new List<Record>();
        var returned = new List<(Record Record, ReviewNotes Notes)>();
        var submitted = new List<Record>();
        var inReview = new List<Record>();
        var published = new List<Record>();
        // A scan of every record: fine at the programme's scale for now; a derived view would replace it.
        await foreach (var versioned in archive.ListRecordsAsync(ct))
        {
            var record = versioned.Value;
            if (record.State == WorkflowState.Draft && record.CreatedBy == user)
            {
                // A draft that came back from review carries the cataloguer's notes.
                if (await ReviewNotes.GetAsync(archive, record.Identifier, ct) is { } notes) returned.Add((record, notes));
                else mine.Add(record);
            }
            if (record.State == WorkflowState.InReview && record.CreatedBy == user) submitted.Add(record);
            if (record.State == WorkflowState.InReview) inReview.Add(record);
            if (record.State == WorkflowState.Published) published.Add(record);
        }

        var body = new StringBuilder($"<h1>{T("Frame_Katalog")}</h1>");
        body.Append($"<section aria-labelledby=\"hedef\"><h2 id=\"hedef\">{T("Dashboard_Targets")}</h2><p>{T("Dashboard_PublishedRecords")}: <strong id=\"published-count\">{published.Count:N0}</strong></p>");
        Target(body, T("Dashboard_ThisYear"), published.Count, TargetThisYear);
        Target(body, T("Dashboard_Total"), published.Count, TargetTotal);
        var stories = context.RequestServices.GetRequiredService<Derived.StoryCatalogue>().Published();
        body.Append($"<p><a href=\"/katalog/hikaye\">{T("Dashboard_PublishedStories")}</a>: <strong id=\"story-count\">{stories.Count:N0}</strong></p>");
        Target(body, T("Dashboard_StoriesThisYear"), stories.Count(s => s.PublishedAt?.Year == DateTimeOffset.UtcNow.Year), StoryTargetThisYear);
        Target(body, T("Dashboard_StoriesTotal"), stories.Count, StoryTargetTotal);
        await KatalogAdministration.AppendToDashboardAsync(body, context, archive, ct);
        body.Append("</section>");
        body.Append($"<p><a href=\"/katalog/kayit/yeni\">{T("Frame_NewRecord")}</a></p>");
        Returned(body, returned);
        List(body, "taslaklarim", T("Dashboard_MyDrafts"), mine);
        List(body, "gonderdiklerim", T("Dashboard_MySubmitted"), submitted);
        if (RecordWorkflow.IsCataloguer(role)) List(body, "inceleme", T("Dashboard_AwaitingReview"), inReview);
        List(body, "yayimlanan", T("Dashboard_RecentlyPublished"), published.OrderByDescending(r => r.ChangedAt).Take(10).ToList());
        return Render(context, T("Frame_Katalog"), body.ToString());
    }).RequireAuthorization(KatalogServices.Staff);

    private static void Target(StringBuilder body, string label, int count, int target) =>
        body.Append($"<p><label for=\"target-{target}\">{H(label)}: {count:N0} / {target:N0}</label> ")
            .Append($"<progress id=\"target-{target}\" max=\"{target}\" value=\"{Math.Min(count, target)}\">{count * 100 / target}%</progress></p>");

    private static void Returned(StringBuilder body, List<(Record Record, ReviewNotes Notes)> returned)
    {
        body.Append($"<section aria-labelledby=\"iade\"><h2 id=\"iade\">{T("Dashboard_ReturnedToMe")} ({returned.Count})</h2>");
        if (returned.Count == 0) body.Append($"<p>{T("Dashboard_None")}</p>");
        else
        {
            body.Append("<ul>");
            foreach (var (record, notes) in returned.OrderBy(r => r.Record.Identifier, StringComparer.Ordinal))
                body.Append($"<li><a href=\"{H(RecordEditor.Url(record.Identifier))}\">{H(record.Identifier)}</a> {H(record.Title.Tr)}: ")
                    .Append($"<span class=\"review-note\">{H(notes.By)}: {H(notes.General)}{(notes.Fields.Count > 0 ? " " + T("Dashboard_FieldNotes", notes.Fields.Count) : "")}</span></li>");
            body.Append("</ul>");
        }
        body.Append("</section>");
    }

    private static void List(StringBuilder body, string id, string heading, List<Record> records)
    {
        body.Append($"<section aria-labelledby=\"{id}\"><h2 id=\"{id}\">{H(heading)} ({records.Count})</h2>");
        if (records.Count == 0) body.Append($"<p>{T("Dashboard_None")}</p>");
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
