using System.Text;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using static HafizaIzmir.Site.Katalog.KatalogPage;

namespace HafizaIzmir.Site.Katalog;

/// <summary>
/// <c>/katalog/kayit/…</c>: create and edit a record's description and move it through the workflow.
/// Every form posts the version it was rendered from, so a concurrent change ends in a conflict page.
/// </summary>
public static partial class RecordEditor
{
    public static string Url(string identifier) => "/katalog/kayit/" + Uri.EscapeDataString(identifier);

    public static void MapRecordEditor(this WebApplication app)
    {
        var staff = app.MapGroup("/katalog/kayit").RequireAuthorization(KatalogServices.Staff);
        var cataloguers = app.MapGroup("/katalog/kayit").RequireAuthorization(KatalogServices.Cataloguers);

        staff.MapGet("/yeni", (HttpContext context) => Render(context, "Yeni kayıt", EditForm(context, null, null, "")));

        staff.MapPost("/yeni", (HttpContext context, IFormCollection form, RecordWorkflow workflow, CancellationToken ct) => Run(context, async () =>
        {
            var (user, _) = KatalogServices.Who(context.User);
            var identifier = Archive.Storage.Archive.Checked(form["kimlik"].ToString().Trim());
            await workflow.CreateAsync(identifier, Draft(form), user, ct);
            return Results.LocalRedirect(Url(identifier));
        }));

        staff.MapGet("/{identifier}", (HttpContext context, string identifier, RecordWorkflow workflow, string? durum, CancellationToken ct) => Run(context, async () =>
        {
            var current = await workflow.GetAsync(identifier, ct);
            return Render(context, current.Value.Title.Tr, EditForm(context, current, durum, ""));
        }));

        staff.MapPost("/{identifier}", (HttpContext context, string identifier, IFormCollection form, RecordWorkflow workflow, CancellationToken ct) => Run(context, async () =>
        {
            var (user, role) = KatalogServices.Who(context.User);
            await workflow.EditAsync(identifier, Version(form), Draft(form), user, role, form["neden"], ct);
            return Results.LocalRedirect(Url(identifier) + "?durum=kaydedildi");
        }));

        staff.MapPost("/{identifier}/gonder", (HttpContext context, string identifier, IFormCollection form, RecordWorkflow workflow, CancellationToken ct) => Step(context, identifier, "gonderildi",
            (user, role) => workflow.SubmitAsync(identifier, Version(form), user, role, ct)));
        cataloguers.MapPost("/{identifier}/iade", (HttpContext context, string identifier, IFormCollection form, RecordWorkflow workflow, CancellationToken ct) => Step(context, identifier, "iade-edildi",
            (user, role) => workflow.ReturnAsync(identifier, Version(form), user, role, form["yorum"].ToString(), ct)));
        cataloguers.MapPost("/{identifier}/yayinla", (HttpContext context, string identifier, IFormCollection form, RecordWorkflow workflow, CancellationToken ct) => Step(context, identifier, "yayimlandi",
            (user, role) => workflow.PublishAsync(identifier, Version(form), user, role, ct)));
        cataloguers.MapPost("/{identifier}/geri-cek", (HttpContext context, string identifier, IFormCollection form, RecordWorkflow workflow, CancellationToken ct) => Step(context, identifier, "geri-cekildi",
            (user, role) => workflow.WithdrawAsync(identifier, Version(form), user, role, form["yorum"].ToString(), ct)));
    }

    private static Task<IResult> Step(HttpContext context, string identifier, string done, Func<string, Accounts.Role, Task<OcflCommitResult>> step) => Run(context, async () =>
    {
        var (user, role) = KatalogServices.Who(context.User);
        await step(user, role);
        return Results.LocalRedirect(Url(identifier) + "?durum=" + done);
    });

    private static async Task<IResult> Run(HttpContext context, Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (OcflConflictException e)
        {
            return await Conflict(context, e);
        }
        catch (WorkflowRefusedException e)
        {
            return Message(context, "İşlem yapılamadı", e.Message, e.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest);
        }
        catch (KeyNotFoundException e)
        {
            return Message(context, "Bulunamadı", e.Message, StatusCodes.Status404NotFound);
        }
        catch (ArgumentException e)
        {
            return Message(context, "Geçersiz giriş", e.Message, StatusCodes.Status400BadRequest);
        }
    }

    private static IResult Message(HttpContext context, string title, string text, int status) =>
        Render(context, title, $"<h1>{H(title)}</h1><p role=\"alert\">{H(text)}</p><p><a href=\"/katalog\">Katalog</a></p>", status);

    /// <summary>The second saver learns who changed the record, why, and what it says now, and decides again.</summary>
    private static async Task<IResult> Conflict(HttpContext context, OcflConflictException e)
    {
        var archive = context.RequestServices.GetRequiredService<Archive.Storage.Archive>();
        var body = new StringBuilder("<h1>Çakışma: kayıt siz düzenlerken değişti</h1>");
        body.Append($"<p role=\"alert\">Siz bu kaydı okuduktan sonra başka biri kaydetti (şimdi sürüm v{e.CurrentVersion}). Değişiklikleriniz kaydedilmedi; hiçbir şeyin üzerine yazılmadı.</p>");
        var objectInfo = await archive.Repository.GetObjectAsync(e.ObjectId, context.RequestAborted);
        if (objectInfo?.Versions is [.., var last])
            body.Append($"<p>Son değişiklik: <strong>{H(last.User)}</strong>, {last.Created:yyyy-MM-dd HH:mm} — {H(last.Message)}</p>");
        var identifier = e.ObjectId.StartsWith(Archive.Storage.Archive.RecordPrefix, StringComparison.Ordinal) ? e.ObjectId[Archive.Storage.Archive.RecordPrefix.Length..] : null;
        if (identifier is not null && await archive.GetRecordAsync(identifier, context.RequestAborted) is { } current)
        {
            body.Append($"<h2>Kaydın şimdiki hâli</h2><dl><dt>Başlık</dt><dd>{H(current.Value.Title.Tr)}</dd><dt>Durum</dt><dd>{H(RecordWorkflow.StateName(current.Value.State))}</dd>")
                .Append($"<dt>Tarih</dt><dd>{H(current.Value.Date?.ToString())}</dd><dt>Haklar</dt><dd>{H(current.Value.Rights)}</dd></dl>")
                .Append($"<p><a href=\"{H(Url(identifier))}\">Şimdiki sürümü açıp yeniden düzenleyin</a></p>");
        }
        return Render(context, "Çakışma", body.ToString(), StatusCodes.Status409Conflict);
    }

    private static int Version(IFormCollection form) =>
        int.TryParse(form["surum"], out var version) && version > 0 ? version : throw new ArgumentException("the form carries no valid version ('surum')");

    private static RecordDraft Draft(IFormCollection form) => new(
        form["baslik"].ToString() is { Length: > 0 } title && !string.IsNullOrWhiteSpace(title) ? title : throw new WorkflowRefusedException("Başlık (Türkçe) boş olamaz.", forbidden: false),
        form["baslik-en"], form["tarih"], form["aciklama"], form["haklar"],
        Vocabulary.Levels.TryGetValue(form["duzey"].ToString(), out var level) ? level : Level.Item,
        form["ust"]);
}
