using System.Text;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Site.Derived;
using static HafizaIzmir.Site.Katalog.KatalogPage;
using static HafizaIzmir.Site.Katalog.KatalogText;

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

        staff.MapGet("/yeni", async (HttpContext context, CancellationToken _) => Render(context, T("Frame_NewRecord"), await PageAsync(context, null, null, null)));

        staff.MapPost("/yeni", (HttpContext context, IFormCollection form, RecordWorkflow workflow, CancellationToken ct) => Run(context, async () =>
        {
            var (user, _) = KatalogServices.Who(context.User);
            var values = FormValues.From(form);
            var identifier = form["kimlik"].ToString().Trim();
            try
            {
                Archive.Storage.Archive.Checked(identifier);
                if (await workflow.Archive.GetRecordAsync(identifier, ct) is not null) values.Errors["kimlik"] = T("Record_IdTaken", identifier);
            }
            catch (ArgumentException)
            {
                values.Errors["kimlik"] = T("Record_IdInvalid");
            }
            var read = await DescribeForm.ReadAsync(values, null, context.RequestServices, user, ct);
            if (read.Draft is null || values.Errors.Count > 0) return Refused(context, T("Frame_NewRecord"), await PageAsync(context, null, values, null));
            await CreateAuthorities(workflow, read, user, ct);
            await workflow.CreateAsync(identifier, read.Draft, user, ct);
            return Results.LocalRedirect(Url(identifier));
        }));

        staff.MapGet("/{identifier}", (HttpContext context, string identifier, RecordWorkflow workflow, string? durum, CancellationToken ct) => Run(context, async () =>
        {
            var current = await workflow.GetAsync(identifier, ct);
            return Render(context, current.Value.Title.Tr, await PageAsync(context, current, null, durum));
        }));

        staff.MapPost("/{identifier}", (HttpContext context, string identifier, IFormCollection form, RecordWorkflow workflow, CancellationToken ct) => Run(context, async () =>
        {
            var (user, role) = KatalogServices.Who(context.User);
            var current = await workflow.GetAsync(identifier, ct);
            RecordWorkflow.RequireEditable(current.Value, user, role);
            var values = FormValues.From(form);
            var read = await DescribeForm.ReadAsync(values, current.Value, context.RequestServices, user, ct);
            if (read.Draft is null)
            {
                return Refused(context, current.Value.Title.Tr, await PageAsync(context, current, values, null));
            }
            try
            {
                // Checked before any new authority is written, so a conflict leaves nothing behind.
                var head = await workflow.GetAsync(identifier, ct);
                if (head.Version != Version(form)) throw new OcflConflictException(Archive.Storage.Archive.RecordPrefix + identifier, head.Version);
                await CreateAuthorities(workflow, read, user, ct);
                await workflow.EditAsync(identifier, Version(form), read.Draft, user, role, form["neden"], ct);
            }
            catch (OcflConflictException e)
            {
                return await RecordConflict.PageAsync(context, e, identifier, Version(form), values, read.Draft);
            }
            if (form["sonraki"] == "1")
                return NextItem(context, identifier) is { } next ? Results.LocalRedirect(Url(next)) : Results.LocalRedirect(Url(identifier) + "?durum=son");
            return Results.LocalRedirect(Url(identifier) + "?durum=kaydedildi");
        }));

        staff.MapPost("/{identifier}/gonder", (HttpContext context, string identifier, IFormCollection form, RecordWorkflow workflow, CancellationToken ct) => Step(context, identifier, "gonderildi",
            (user, role) => workflow.SubmitAsync(identifier, Version(form), user, role, ct)));
        cataloguers.MapPost("/{identifier}/iade", (HttpContext context, string identifier, IFormCollection form, RecordWorkflow workflow, CancellationToken ct) => Step(context, identifier, "iade-edildi",
            (_, _) => RecordReview.ReturnAsync(context, identifier, form, workflow, ct)));
        cataloguers.MapPost("/{identifier}/yayinla", (HttpContext context, string identifier, IFormCollection form, RecordWorkflow workflow, CancellationToken ct) => Step(context, identifier, "yayimlandi",
            (user, role) => workflow.PublishAsync(identifier, Version(form), user, role, ct)));
        cataloguers.MapPost("/{identifier}/geri-cek", (HttpContext context, string identifier, IFormCollection form, RecordWorkflow workflow, CancellationToken ct) => Step(context, identifier, "geri-cekildi",
            (user, role) => workflow.WithdrawAsync(identifier, Version(form), user, role, form["yorum"].ToString(), ct)));
    }

    private static async Task CreateAuthorities(RecordWorkflow workflow, DescribeForm.Result read, string user, CancellationToken ct)
    {
        foreach (var authority in read.NewAuthorities)
            await workflow.Archive.SaveAuthorityAsync(authority, null, new CommitInfo(user, "Katalogda kayıt tanımlanırken oluşturuldu"), ct);
    }

    /// <summary>The next item in the same file (reference-code order), for "save and next".</summary>
    private static string? NextItem(HttpContext context, string identifier)
    {
        var tree = context.RequestServices.GetRequiredService<RecordTree>();
        if (tree.Find(identifier)?.Parent is not { } parent) return null;
        return tree.Children(parent).Where(n => n.Level == Level.Item)
            .Select(n => n.Identifier).FirstOrDefault(id => string.CompareOrdinal(id, identifier) > 0);
    }

    private static IResult Refused(HttpContext context, string title, string body) => Render(context, title, body, StatusCodes.Status400BadRequest);

    private static Task<IResult> Step(HttpContext context, string identifier, string done, Func<string, Accounts.Role, Task<OcflCommitResult>> step) => Run(context, async () =>
    {
        var (user, role) = KatalogServices.Who(context.User);
        await step(user, role);
        return Results.LocalRedirect(Url(identifier) + "?durum=" + done);
    });

    public static Task<IResult> Run(HttpContext context, Func<Task<IResult>> action) =>
        KatalogOutcome.Run(context, action, e => RecordConflict.PageAsync(context, e, null, null, null, null));


    public static int Version(IFormCollection form) =>
        int.TryParse(form["surum"], out var version) && version > 0 ? version : throw new ArgumentException("the form carries no valid version ('surum')");
}
