using System.Text;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Site.Derived;
using HafizaIzmir.Site.Public;
using HafizaIzmir.Site.Stories;
using static HafizaIzmir.Site.Katalog.KatalogPage;
using static HafizaIzmir.Site.Katalog.KatalogText;

namespace HafizaIzmir.Site.Katalog;

/// <summary>
/// <c>/katalog/hikaye/…</c>: list, write, preview and move stories through the workflow. Publishing steps
/// are mapped for cataloguers only (a student gets 403 before the workflow is even asked, and again inside it).
/// </summary>
public static class StoryEditor
{
    /// <summary>The status message key for each <c>durum</c> an action redirects with.</summary>
    private static readonly Dictionary<string, string> Done = new(StringComparer.Ordinal)
    {
        ["kaydedildi"] = "Done_Saved",
        ["gonderildi"] = "Done_Submitted",
        ["iade-edildi"] = "Story_Done_Returned",
        ["yayimlandi"] = "Done_Published",
        ["geri-cekildi"] = "Done_Withdrawn",
    };

    public static void MapStoryEditor(this WebApplication app)
    {
        var staff = app.MapGroup("/katalog/hikaye").RequireAuthorization(KatalogServices.Staff);
        var cataloguers = app.MapGroup("/katalog/hikaye").RequireAuthorization(KatalogServices.Cataloguers);

        staff.MapGet("", (HttpContext context, StoryCatalogue catalogue) => List(context, catalogue));

        staff.MapGet("/yeni", (HttpContext context) =>
            Render(context, T("Story_New"), $"<h1>{T("Story_New")}</h1>" + StoryForm.Render(context, null, new StoryDraft(), Cataloguer(context), Empty, null)));

        staff.MapPost("/yeni", (HttpContext context, IFormCollection form, StoryWorkflow workflow, StoryRenderer renderer, CancellationToken ct) => Run(context, async () =>
        {
            var draft = StoryForm.Read(form);
            if (form["islem"] == "onizle")
                return Render(context, T("Story_New"), $"<h1>{T("Story_New")}</h1>" + StoryForm.Render(context, null, draft, Cataloguer(context), Empty, await PreviewAsync(renderer, draft, ct)));
            var (user, role) = KatalogServices.Who(context.User);
            try
            {
                await workflow.CreateAsync(draft, user, role, ct);
            }
            catch (StoryInvalidException e)
            {
                return Render(context, T("Story_New"), $"<h1>{T("Story_New")}</h1>" + StoryForm.Render(context, null, draft, Cataloguer(context), e.Errors, null), StatusCodes.Status400BadRequest);
            }
            return Results.LocalRedirect(StoryForm.Url(draft.Slug.Trim()) + "?durum=kaydedildi");
        }));

        staff.MapGet("/{slug}", (HttpContext context, string slug, string? durum, StoryWorkflow workflow, CancellationToken ct) => Run(context, async () =>
        {
            var current = await workflow.GetAsync(slug, ct);
            return Render(context, current.Value.Title.Tr, await PageAsync(context, current, StoryDraft.From(current.Value), Empty, null, durum, null, ct));
        }));

        staff.MapPost("/{slug}", (HttpContext context, string slug, IFormCollection form, StoryWorkflow workflow, StoryRenderer renderer, CancellationToken ct) => Run(context, async () =>
        {
            var current = await workflow.GetAsync(slug, ct);
            var draft = StoryForm.Read(form) with { Slug = slug };
            if (form["islem"] == "onizle")
                return Render(context, current.Value.Title.Tr, await PageAsync(context, current with { Version = Version(form) }, draft, Empty, await PreviewAsync(renderer, draft, ct), null, form["neden"], ct));
            var (user, role) = KatalogServices.Who(context.User);
            try
            {
                await workflow.EditAsync(slug, Version(form), draft, user, role, form["neden"], ct);
            }
            catch (StoryInvalidException e)
            {
                return Render(context, current.Value.Title.Tr, await PageAsync(context, current with { Version = Version(form) }, draft, e.Errors, null, null, form["neden"], ct), StatusCodes.Status400BadRequest);
            }
            return Results.LocalRedirect(StoryForm.Url(slug) + "?durum=kaydedildi");
        }));

        staff.MapPost("/{slug}/gonder", (HttpContext context, string slug, IFormCollection form, StoryWorkflow workflow, CancellationToken ct) => Step(context, slug, "gonderildi",
            (user, role) => workflow.SubmitAsync(slug, Version(form), user, role, ct)));
        cataloguers.MapPost("/{slug}/iade", (HttpContext context, string slug, IFormCollection form, StoryWorkflow workflow, CancellationToken ct) => Step(context, slug, "iade-edildi",
            (user, role) => workflow.ReturnAsync(slug, Version(form), user, role, form["yorum"].ToString(), ct)));
        cataloguers.MapPost("/{slug}/yayinla", (HttpContext context, string slug, IFormCollection form, StoryWorkflow workflow, CancellationToken ct) => Step(context, slug, "yayimlandi",
            (user, role) => workflow.PublishAsync(slug, Version(form), user, role, ct)));
        cataloguers.MapPost("/{slug}/geri-cek", (HttpContext context, string slug, IFormCollection form, StoryWorkflow workflow, CancellationToken ct) => Step(context, slug, "geri-cekildi",
            (user, role) => workflow.WithdrawAsync(slug, Version(form), user, role, form["yorum"].ToString(), ct)));
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    private static bool Cataloguer(HttpContext context) => RecordWorkflow.IsCataloguer(KatalogServices.Who(context.User).Role);

    private static async Task<(RenderedStory, RenderedStory?)> PreviewAsync(StoryRenderer renderer, StoryDraft draft, CancellationToken ct) =>
        (await renderer.RenderAsync(draft.Body, SiteLanguage.Turkish, preview: true, ct),
         string.IsNullOrWhiteSpace(draft.BodyEn) ? null : await renderer.RenderAsync(draft.BodyEn, SiteLanguage.English, preview: true, ct));

    private static IResult List(HttpContext context, StoryCatalogue catalogue)
    {
        var (user, role) = KatalogServices.Who(context.User);
        var cataloguer = RecordWorkflow.IsCataloguer(role);
        // Students see their own stories and what is public; cataloguers see every story.
        var stories = catalogue.All().Where(s => cataloguer || s.CreatedBy == user || s.IsPublic).ToList();
        var body = new StringBuilder($"<h1>{T("Story_List")}</h1><p><a href=\"/katalog/hikaye/yeni\">{T("Story_New")}</a></p>");
        if (stories.Count == 0) body.Append($"<p>{T("Story_None")}</p>");
        else
        {
            body.Append($"<table><caption>{T("Story_Caption")}</caption><thead><tr><th scope=\"col\">{T("Field_Title")}</th><th scope=\"col\">{T("Record_State")}</th><th scope=\"col\">{T("Story_Author")}</th><th scope=\"col\">{T("Conflict_LastChange")}</th></tr></thead><tbody>");
            foreach (var s in stories)
                body.Append($"<tr><td><a href=\"{H(StoryForm.Url(s.Slug))}\">{H(s.Title.Tr)}</a>{(s.Featured ? " " + T("Story_Featured") : "")}</td><td>{H(RecordWorkflow.StateName(s.State))}</td>")
                    .Append($"<td>{H(s.Author ?? s.CreatedBy)}</td><td>{s.ChangedAt:yyyy-MM-dd HH:mm}</td></tr>");
            body.Append("</tbody></table>");
        }
        return Render(context, T("Story_List"), body.ToString());
    }

    private static async Task<string> PageAsync(HttpContext context, Versioned<Story> current, StoryDraft draft, IReadOnlyDictionary<string, string> errors,
        (RenderedStory, RenderedStory?)? preview, string? done, string? why, CancellationToken ct)
    {
        var (user, role) = KatalogServices.Who(context.User);
        var cataloguer = RecordWorkflow.IsCataloguer(role);
        var story = current.Value;
        var body = new StringBuilder($"<p><a href=\"/katalog/hikaye\">{T("Story_List")}</a></p><h1>{H(story.Title.Tr)}</h1>");
        if (done is not null && Done.TryGetValue(done, out var message)) body.Append($"<p role=\"status\">{H(T(message))}</p>");
        body.Append($"<p>{T("Record_State")}: <strong id=\"durum\">{H(RecordWorkflow.StateName(story.State))}</strong> · {T("Record_Version")} v{current.Version} · {H(story.ChangedBy)}");
        if (story.IsPublished) body.Append($" · <a href=\"/hikaye/{H(Uri.EscapeDataString(story.Slug))}\">{T("Story_OnSite")}</a>");
        body.Append("</p>");
        if (cataloguer || (story.CreatedBy == user && story.State == WorkflowState.Draft))
            body.Append(StoryForm.Render(context, current, draft, cataloguer, errors, preview, why));
        if (story.State == WorkflowState.Draft && (cataloguer || story.CreatedBy == user))
            body.Append(StepForm(context, current, "gonder", T("Step_Submit")));
        if (cataloguer && story.State == WorkflowState.InReview)
            body.Append(StepForm(context, current, "iade", T("Story_Return"), Comment("iade-yorum", T("Story_NoteToAuthor"))))
                .Append(StepForm(context, current, "yayinla", T("Story_Publish")));
        if (cataloguer && story.State == WorkflowState.Withdrawn) body.Append(StepForm(context, current, "yayinla", T("Step_Republish")));
        if (cataloguer && story.State == WorkflowState.Published)
            body.Append(StepForm(context, current, "geri-cek", T("Step_Withdraw"), Comment("geri-cek-yorum", T("Step_WithdrawReason"))));

        var archive = context.RequestServices.GetRequiredService<Archive.Storage.Archive>();
        if ((await archive.Repository.GetObjectAsync(Archive.Storage.Archive.StoryPrefix + story.Slug, ct))?.Versions is { Count: > 0 } versions)
        {
            body.Append($"<section aria-labelledby=\"gecmis\"><h2 id=\"gecmis\">{T("Record_History")}</h2><ol reversed>");
            foreach (var v in versions.Reverse()) body.Append($"<li>{v.Created:yyyy-MM-dd HH:mm} · {H(v.User)} · {H(v.Message)}</li>");
            body.Append("</ol></section>");
        }
        return body.ToString();
    }

    private static string Comment(string id, string label) => Field(id, label, "", extra: " required").Replace($"name=\"{id}\"", "name=\"yorum\"");

    private static string StepForm(HttpContext context, Versioned<Story> current, string step, string label, string fields = "") =>
        $"<form method=\"post\" action=\"{H(StoryForm.Url(current.Value.Slug))}/{step}\">{Token(context)}<input type=\"hidden\" name=\"surum\" value=\"{current.Version}\">{fields}<p><button type=\"submit\">{H(label)}</button></p></form>";

    private static Task<IResult> Step(HttpContext context, string slug, string done, Func<string, Accounts.Role, Task<OcflCommitResult>> step) => Run(context, async () =>
    {
        var (user, role) = KatalogServices.Who(context.User);
        await step(user, role);
        return Results.LocalRedirect(StoryForm.Url(slug) + "?durum=" + done);
    });

    private static Task<IResult> Run(HttpContext context, Func<Task<IResult>> action) =>
        KatalogOutcome.Run(context, async () =>
        {
            try
            {
                return await action();
            }
            catch (StoryInvalidException e)
            {
                throw new ArgumentException(e.Message, e);
            }
        }, e => ConflictAsync(context, e), back: "/katalog/hikaye");


    /// <summary>The later saver learns who changed the story and why, sees it as it is now, and nothing was overwritten.</summary>
    private static async Task<IResult> ConflictAsync(HttpContext context, OcflConflictException e)
    {
        var archive = context.RequestServices.GetRequiredService<Archive.Storage.Archive>();
        var body = new StringBuilder($"<h1>{T("Story_ConflictHeading")}</h1>");
        body.Append($"<p role=\"alert\">{T("Conflict_SavedMeanwhile", e.CurrentVersion)}</p>");
        if ((await archive.Repository.GetObjectAsync(e.ObjectId, context.RequestAborted))?.Versions is [.., var last])
            body.Append($"<p>{T("Conflict_LastChange")}: <strong>{H(last.User)}</strong>, {last.Created:yyyy-MM-dd HH:mm} — {H(last.Message)}</p>");
        var slug = e.ObjectId[Archive.Storage.Archive.StoryPrefix.Length..];
        if (await archive.GetStoryAsync(slug, context.RequestAborted) is { } current)
            body.Append($"<h2>{T("Story_CurrentState")}</h2><dl><dt>{T("Field_Title")}</dt><dd>{H(current.Value.Title.Tr)}</dd><dt>{T("Record_State")}</dt><dd>{H(RecordWorkflow.StateName(current.Value.State))}</dd></dl>")
                .Append($"<p><a href=\"{H(StoryForm.Url(slug))}\">{T("Conflict_OpenCurrent")}</a></p>");
        return Render(context, T("Conflict_Title"), body.ToString(), StatusCodes.Status409Conflict);
    }

    private static int Version(IFormCollection form) =>
        int.TryParse(form["surum"], out var version) && version > 0 ? version : throw new ArgumentException("the form carries no valid version ('surum')");
}
