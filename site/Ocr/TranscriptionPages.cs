using System.Text;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Ocr;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Site.Katalog;
using static HafizaIzmir.Site.Katalog.KatalogOutcome;
using static HafizaIzmir.Site.Katalog.KatalogPage;
using static HafizaIzmir.Site.Katalog.KatalogText;

namespace HafizaIzmir.Site.Ocr;

using Archive = HafizaIzmir.Archive.Storage.Archive;

/// <summary>
/// <c>/katalog/kayit/{id}/metin</c>: a record's page texts with where each comes from (OCR or a corrected
/// transcription), pages waiting or failed, and the record's OCR switch. Cataloguers correct a page's text
/// and set the switch; each is a new version of the record saying who and why. Also the one-click link of
/// a suggested authority (<c>/oneri</c>), open to whoever may edit the record.
/// </summary>
public static class TranscriptionPages
{
    /// <summary>A corrected page longer than this is refused (a typed page holds a few thousand characters).</summary>
    public const int MaxTextLength = 100_000;

    public static string Url(string identifier) => RecordEditor.Url(identifier) + "/metin";

    public static void MapTranscriptionPages(this WebApplication app)
    {
        var staff = app.MapGroup("/katalog/kayit").RequireAuthorization(KatalogServices.Staff);
        var cataloguers = app.MapGroup("/katalog/kayit").RequireAuthorization(KatalogServices.Cataloguers);

        staff.MapGet("/{identifier}/metin", (HttpContext context, string identifier, string? durum, RecordWorkflow workflow, RecordText text, OcrQueue queue, CancellationToken ct) => Run(context, async () =>
        {
            var current = await workflow.GetAsync(identifier, ct);
            return Render(context, current.Value.Title.Tr + " · " + T("Text_TitleWord"), await PageAsync(context, current, durum, text, queue, ct));
        }));

        cataloguers.MapPost("/{identifier}/metin/{page:int}", (HttpContext context, string identifier, int page, IFormCollection form, Archive archive, RecordWorkflow workflow, CancellationToken ct) => Run(context, async () =>
        {
            var (user, _) = KatalogServices.Who(context.User);
            var current = await workflow.GetAsync(identifier, ct);
            if (page < 1 || page > current.Value.Files.Count || !current.Value.Files[page - 1].MediaType.StartsWith("image/", StringComparison.Ordinal))
                throw new ArgumentException($"'{identifier}' has no scanned page {page}");
            var corrected = form["metin"].ToString().Replace("\r\n", "\n").Trim();
            if (corrected.Length == 0) throw new WorkflowRefusedException(T("Text_Empty"), forbidden: false);
            if (corrected.Length > MaxTextLength) throw new WorkflowRefusedException(T("Text_TooLong", MaxTextLength), forbidden: false);
            var why = Blank(form["neden"]) ?? $"Sayfa {page} metni düzeltildi";
            await archive.SaveRecordAsync(current.Value, [new NewFile(Archive.TranscriptionPath(page), OcflContent.FromBytes(Encoding.UTF8.GetBytes(corrected + "\n")))],
                Version(form), new CommitInfo(user, why), ct);
            return Results.LocalRedirect(Url(identifier) + "?durum=kaydedildi#sayfa-" + page);
        }));

        cataloguers.MapPost("/{identifier}/ocr", (HttpContext context, string identifier, IFormCollection form, Archive archive, RecordWorkflow workflow, CancellationToken ct) => Run(context, async () =>
        {
            var (user, _) = KatalogServices.Who(context.User);
            var current = await workflow.GetAsync(identifier, ct);
            bool? setting = form["ocr"].ToString() switch
            {
                "acik" => true,
                "kapali" => false,
                "" or "devral" => null,
                var other => throw new ArgumentException($"'{other}' is not an OCR setting (acik, kapali, devral)"),
            };
            await archive.SaveRecordAsync(current.Value with { Ocr = setting }, [], Version(form),
                new CommitInfo(user, Blank(form["neden"]) ?? "OCR ayarı: " + SettingName(setting)), ct);
            return Results.LocalRedirect(Url(identifier) + "?durum=kaydedildi");
        }));

        staff.MapPost("/{identifier}/oneri", (HttpContext context, string identifier, IFormCollection form, Archive archive, RecordWorkflow workflow, CancellationToken ct) => Run(context, async () =>
        {
            var (user, role) = KatalogServices.Who(context.User);
            var current = await workflow.GetAsync(identifier, ct);
            // The same rule as the describe form: students only their own drafts.
            if (!RecordWorkflow.IsCataloguer(role) && (current.Value.CreatedBy != user || current.Value.State != WorkflowState.Draft))
                throw new WorkflowRefusedException(T("Workflow_EditOwnOnly"), forbidden: true);
            var id = Archive.Checked(form["otorite"].ToString().Trim());
            var authority = (await archive.GetAuthorityAsync(id, ct))?.Value ?? throw new KeyNotFoundException(T("Authority_NotFound", id));
            if (current.Value.Authorities.All(a => a.AuthorityId != id))
                await archive.SaveRecordAsync(current.Value with { Authorities = [.. current.Value.Authorities, new AuthorityLink(id, authority.Kind)] }, [],
                    Version(form), new CommitInfo(user, $"Metindeki addan bağlandı: {authority.Name}"), ct);
            return Results.LocalRedirect(RecordEditor.Url(identifier) + "?durum=kaydedildi");
        }));
    }

    private static async Task<string> PageAsync(HttpContext context, Versioned<Record> current, string? done, RecordText text, OcrQueue queue, CancellationToken ct)
    {
        var record = current.Value;
        var (_, role) = KatalogServices.Who(context.User);
        var cataloguer = RecordWorkflow.IsCataloguer(role);
        var body = new StringBuilder($"<h1>{H(record.Identifier)} · {T("Text_Heading")}</h1>");
        body.Append($"<p><a href=\"{H(RecordEditor.Url(record.Identifier))}\">{T("History_BackToRecord")}</a></p>");
        if (done == "kaydedildi") body.Append($"<p role=\"status\">{T("Done_Saved")}</p>");
        var enabled = await text.IsOcrEnabledAsync(record, ct);
        body.Append($"<p>OCR: <strong id=\"ocr-durum\">{T(enabled ? "Text_On" : "Text_Off")}</strong> ({T(record.Ocr is null ? "Text_Inherited" : "Text_SetHere")})</p>");
        if (cataloguer)
        {
            body.Append($"<form method=\"post\" action=\"{H(RecordEditor.Url(record.Identifier))}/ocr\">{Token(context)}{VersionField(current)}")
                .Append($"<p><label for=\"ocr\">{T("Text_Setting")}</label> <select id=\"ocr\" name=\"ocr\">")
                .Append(Option("devral", T("Text_Inherit"), record.Ocr is null)).Append(Option("acik", T("Text_OnOption"), record.Ocr == true)).Append(Option("kapali", T("Text_OffOption"), record.Ocr == false))
                .Append("</select></p>").Append(Field("ocr-neden", T("Field_Reason"), "").Replace("name=\"ocr-neden\"", "name=\"neden\""))
                .Append($"<p><button type=\"submit\">{T("Text_SaveSetting")}</button></p></form>");
        }
        var pages = (await text.PagesAsync(record, ct)).ToDictionary(p => p.Page);
        var jobs = queue.Of(record.Identifier).ToDictionary(j => j.Page);
        for (var page = 1; page <= record.Files.Count; page++)
        {
            if (!record.Files[page - 1].MediaType.StartsWith("image/", StringComparison.Ordinal)) continue;
            body.Append($"<section id=\"sayfa-{page}\"><h2>{T("Text_Page", page)}</h2>");
            pages.TryGetValue(page, out var pageText);
            var state = pageText?.Source == TextSource.Transcription ? T("Text_Corrected")
                : jobs.TryGetValue(page, out var job) ? job.Failed ? T("Text_Failed", job.Attempts, job.LastError) : T("Text_Queued")
                : pageText is not null ? T("Text_Ocr") : enabled ? T("Text_None") : T("Text_OcrOff");
            body.Append($"<p class=\"durum\">{H(state)}</p>");
            if (cataloguer)
                body.Append($"<form method=\"post\" action=\"{H(Url(record.Identifier))}/{page}\">{Token(context)}{VersionField(current)}")
                    .Append($"<p><label for=\"metin-{page}\">{T("Text_Label")}</label> <textarea id=\"metin-{page}\" name=\"metin\" rows=\"12\" cols=\"80\" lang=\"{H(record.Languages.FirstOrDefault() ?? "tr")}\">{H(pageText?.Text)}</textarea></p>")
                    .Append(Field($"neden-{page}", T("Field_Reason"), "").Replace($"name=\"neden-{page}\"", "name=\"neden\""))
                    .Append($"<p><button type=\"submit\">{T("Text_Save")}</button></p></form>");
            else if (pageText is not null)
                body.Append($"<pre>{H(pageText.Text)}</pre>");
            body.Append("</section>");
        }
        return body.ToString();
    }

    private static string Option(string value, string label, bool selected) => $"<option value=\"{value}\"{(selected ? " selected" : "")}>{H(label)}</option>";

    private static string VersionField(Versioned<Record> current) => $"<input type=\"hidden\" name=\"surum\" value=\"{current.Version}\">";

    private static string SettingName(bool? setting) => setting switch { true => "açık", false => "kapalı", null => "devralınır" };



    private static Task<IResult> Run(HttpContext context, Func<Task<IResult>> action) => KatalogOutcome.Run(context, action);

}
