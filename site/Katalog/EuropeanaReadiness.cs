using System.Text;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Oai.Tiers;
using static HafizaIzmir.Site.Katalog.KatalogPage;
using static HafizaIzmir.Site.Katalog.KatalogText;

namespace HafizaIzmir.Site.Katalog;

/// <summary>
/// Europeana readiness on every record page of the catalogue: the content and metadata tiers the record
/// would get now, what holds each down and what would raise it, and the "ready for Europeana" mark. Only a
/// cataloguer sets the mark; the OAI-PMH <c>europeana</c> set takes a record that is published, marked and
/// at least at Europeana's minimum tiers.
/// </summary>
public static class EuropeanaReadiness
{
    public static void MapEuropeanaReadiness(this WebApplication app) =>
        app.MapPost("/katalog/kayit/{identifier}/europeana", (HttpContext context, string identifier, IFormCollection form, RecordWorkflow workflow, CancellationToken ct) =>
            RecordEditor.Run(context, async () =>
            {
                var (user, role) = KatalogServices.Who(context.User);
                await workflow.MarkForEuropeanaAsync(identifier, RecordEditor.Version(form), form["hazir"] == "1", user, role, ct);
                return Results.LocalRedirect(RecordEditor.Url(identifier) + "?durum=europeana#europeana");
            })).RequireAuthorization(KatalogServices.Cataloguers);

    public static async Task<TierReport> ClassifyAsync(Archive.Storage.Archive archive, Record record, CancellationToken ct)
    {
        var authorities = new List<Authority>();
        foreach (var id in record.Authorities.Select(a => a.AuthorityId).Distinct())
            if (await archive.GetAuthorityAsync(id, ct) is { } a) authorities.Add(a.Value);
        return EuropeanaTiers.Classify(record, authorities);
    }

    public static async Task<string> PanelAsync(HttpContext context, Versioned<Record> current, bool cataloguer)
    {
        var record = current.Value;
        var report = await ClassifyAsync(context.RequestServices.GetRequiredService<Archive.Storage.Archive>(), record, context.RequestAborted);
        var metadata = report.Metadata == MetadataTier.BelowA ? T("Europeana_BelowA") : report.Metadata.ToString();
        var body = new StringBuilder($"<section id=\"europeana\" aria-labelledby=\"europeana-baslik\"><h2 id=\"europeana-baslik\">{T("Europeana_Heading")}</h2>")
            .Append($"<p>{T("Europeana_ContentTier")}: <strong id=\"icerik-duzeyi\">{report.Content}</strong> · {T("Europeana_MetadataTier")}: <strong id=\"ustveri-duzeyi\">{H(metadata)}</strong> · ")
            .Append(T(report.MeetsEuropeanaMinimum ? "Europeana_Meets" : "Europeana_NotYet"))
            .Append($"</p><table><caption>{T("Europeana_Criteria")}</caption><thead><tr><th scope=\"col\">{T("Europeana_Criterion")}</th><th scope=\"col\">{T("Europeana_Tier")}</th><th scope=\"col\">{T("History_Why")}</th><th scope=\"col\">{T("Europeana_ToRaise")}</th></tr></thead><tbody>");
        var limiting = report.Limiting.ToHashSet();
        foreach (var f in report.Findings)
            body.Append($"<tr{(limiting.Contains(f) ? " class=\"limiting\"" : "")}><th scope=\"row\">{H(T(f.Scale == TierScale.Content ? "Europeana_Content" : "Europeana_Metadata"))}: {H(f.Criterion)}</th>")
                .Append($"<td>{H(f.Label)}</td><td lang=\"en\">{H(f.Why)}</td><td lang=\"en\">{H(f.ToRaise ?? "—")}</td></tr>");
        body.Append("</tbody></table>");
        body.Append($"<p>{T("Europeana_Mark")}: <strong id=\"europeana-isareti\">{T(record.ForEuropeana ? "Europeana_MarkSet" : "Europeana_MarkUnset")}</strong>");
        if (record.ForEuropeana && !report.MeetsEuropeanaMinimum) body.Append(" " + T("Europeana_WaitsForTiers"));
        if (record.ForEuropeana && record.State != WorkflowState.Published) body.Append(" " + T("Europeana_WaitsForPublication"));
        body.Append("</p>");
        if (cataloguer)
            body.Append($"<form method=\"post\" action=\"{H(RecordEditor.Url(record.Identifier))}/europeana\">{Token(context)}<input type=\"hidden\" name=\"surum\" value=\"{current.Version}\">")
                .Append($"<input type=\"hidden\" name=\"hazir\" value=\"{(record.ForEuropeana ? "0" : "1")}\"><p><button type=\"submit\">{T(record.ForEuropeana ? "Europeana_Unmark" : "Europeana_MarkReady")}</button></p></form>");
        return body.Append("</section>").ToString();
    }
}
