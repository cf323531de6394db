using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Site.Accounts;
using HafizaIzmir.Site.Katalog;
using HafizaIzmir.Site.Public;
using static HafizaIzmir.Site.Katalog.KatalogText;

namespace HafizaIzmir.Site.Stories;

/// <summary>The fields of the story form, as typed.</summary>
public sealed record StoryDraft
{
    public string Slug { get; init; } = "";
    public string Title { get; init; } = "";
    public string? TitleEn { get; init; }
    public string? Summary { get; init; }
    public string? SummaryEn { get; init; }
    public string Body { get; init; } = "";
    public string? BodyEn { get; init; }
    public IReadOnlyList<string> Axes { get; init; } = [];
    public string? Cover { get; init; }
    public bool Featured { get; init; }
    public string? Author { get; init; }

    public static StoryDraft From(Story s) => new()
    {
        Slug = s.Slug,
        Title = s.Title.Tr,
        TitleEn = s.Title.En,
        Summary = s.Summary?.Tr,
        SummaryEn = s.Summary?.En,
        Body = s.Body.Tr,
        BodyEn = s.Body.En,
        Axes = [.. s.Axes.Select(a => a.Code())],
        Cover = s.Cover,
        Featured = s.Featured,
        Author = s.Author,
    };
}

/// <summary>What is wrong with a form, field by field (field name → message), so each message sits beside its field.</summary>
public sealed class StoryInvalidException(IReadOnlyDictionary<string, string> errors) : Exception(string.Join("; ", errors.Values))
{
    public IReadOnlyDictionary<string, string> Errors { get; } = errors;
}

/// <summary>
/// Draft → review → publish for stories, with the rules of <see cref="RecordWorkflow"/>: students create,
/// edit and submit their own drafts; cataloguers edit anything, return with a comment, publish and withdraw,
/// and alone choose what the home page features. Every save is against the version the person read.
/// </summary>
public sealed class StoryWorkflow(Archive.Storage.Archive archive, StoryRenderer renderer)
{
    public async Task<OcflCommitResult> CreateAsync(StoryDraft draft, string user, Role role, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var slug = draft.Slug.Trim();
        if (!Story.IsValidSlug(slug))
            errors["kisa-ad"] = T("Story_SlugInvalid", Story.MaxSlugLength);
        else if (await archive.GetStoryAsync(slug, ct) is not null)
            errors["kisa-ad"] = T("Story_SlugTaken", slug);
        var story = await ApplyAsync(new Story { Slug = slug, Title = new LocalizedText(""), Body = new LocalizedText("") }, draft, role, errors, ct);
        return await archive.SaveStoryAsync(story with { State = WorkflowState.Draft }, null, new CommitInfo(user, "Yeni hikâye taslağı"), ct);
    }

    public async Task<OcflCommitResult> EditAsync(string slug, int expectedVersion, StoryDraft draft, string user, Role role, string? why, CancellationToken ct = default)
    {
        var current = await GetAsync(slug, ct);
        if (!RecordWorkflow.IsCataloguer(role))
        {
            if (current.Value.CreatedBy != user) throw new WorkflowRefusedException(T("Story_EditOwnOnly"), forbidden: true);
            if (current.Value.State != WorkflowState.Draft) throw new WorkflowRefusedException(T("Story_EditNotDraft"), forbidden: true);
        }
        var story = await ApplyAsync(current.Value, draft, role, [], ct);
        return await archive.SaveStoryAsync(story, expectedVersion, new CommitInfo(user, Blank(why) ?? "Düzenleme"), ct);
    }

    public async Task<OcflCommitResult> SubmitAsync(string slug, int expectedVersion, string user, Role role, CancellationToken ct = default)
    {
        var current = await GetAsync(slug, ct);
        if (!RecordWorkflow.IsCataloguer(role) && current.Value.CreatedBy != user)
            throw new WorkflowRefusedException(T("Story_SubmitOwnOnly"), forbidden: true);
        Require(current.Value, WorkflowState.Draft, "Story_WrongState_Submit");
        return await Move(current.Value, WorkflowState.InReview, expectedVersion, new CommitInfo(user, "İncelemeye gönderildi"), ct);
    }

    public async Task<OcflCommitResult> ReturnAsync(string slug, int expectedVersion, string user, Role role, string comment, CancellationToken ct = default)
    {
        RequireCataloguer(role);
        if (string.IsNullOrWhiteSpace(comment)) throw new WorkflowRefusedException(T("Story_ReturnNeedsComment"), forbidden: false);
        var current = await GetAsync(slug, ct);
        Require(current.Value, WorkflowState.InReview, "Story_WrongState_Return");
        return await Move(current.Value, WorkflowState.Draft, expectedVersion, new CommitInfo(user, "İade: " + comment.Trim()), ct);
    }

    public async Task<OcflCommitResult> PublishAsync(string slug, int expectedVersion, string user, Role role, CancellationToken ct = default)
    {
        RequireCataloguer(role);
        var current = await GetAsync(slug, ct);
        if (current.Value.State is not (WorkflowState.InReview or WorkflowState.Withdrawn))
            throw new WorkflowRefusedException(T("Story_PublishState"), forbidden: false);
        return await Move(current.Value, WorkflowState.Published, expectedVersion, new CommitInfo(user, "Yayımlandı"), ct);
    }

    public async Task<OcflCommitResult> WithdrawAsync(string slug, int expectedVersion, string user, Role role, string reason, CancellationToken ct = default)
    {
        RequireCataloguer(role);
        if (string.IsNullOrWhiteSpace(reason)) throw new WorkflowRefusedException(T("Workflow_WithdrawNeedsReason"), forbidden: false);
        var current = await GetAsync(slug, ct);
        Require(current.Value, WorkflowState.Published, "Story_WrongState_Withdraw");
        return await Move(current.Value, WorkflowState.Withdrawn, expectedVersion, new CommitInfo(user, "Geri çekildi: " + reason.Trim()), ct);
    }

    public async Task<Versioned<Story>> GetAsync(string slug, CancellationToken ct) =>
        await archive.GetStoryAsync(slug, ct) ?? throw new KeyNotFoundException(T("Story_NotFound", slug));

    private Task<OcflCommitResult> Move(Story story, WorkflowState to, int expectedVersion, CommitInfo info, CancellationToken ct) =>
        archive.SaveStoryAsync(story with { State = to }, expectedVersion, info, ct);

    /// <summary>Checks every field, collecting all problems before refusing, and returns the story with the form's values.</summary>
    private async Task<Story> ApplyAsync(Story story, StoryDraft draft, Role role, Dictionary<string, string> errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(draft.Title)) errors["baslik"] = T("Story_TitleRequired");
        if (string.IsNullOrWhiteSpace(draft.Body)) errors["metin"] = T("Story_BodyRequired");
        var axes = new List<Axis>();
        foreach (var code in draft.Axes)
            if (Vocabulary.Axes.TryGetValue(code, out var axis)) axes.Add(axis);
            else errors["eksen"] = T("Story_NotAnAxis", code);
        var cover = Blank(draft.Cover);
        if (cover is not null && (!Archive.Storage.Archive.IsIdentifier(cover) || await archive.GetRecordAsync(cover, ct) is null))
            errors["kapak"] = T("Story_NoCoverRecord", cover);
        await CheckReferencesAsync("metin", draft.Body, errors, ct);
        await CheckReferencesAsync("metin-en", draft.BodyEn, errors, ct);
        if (errors.Count > 0) throw new StoryInvalidException(errors);
        return story with
        {
            Title = new LocalizedText(draft.Title.Trim(), Blank(draft.TitleEn)),
            Summary = Blank(draft.Summary) is null && Blank(draft.SummaryEn) is null ? null : new LocalizedText(Blank(draft.Summary) ?? "", Blank(draft.SummaryEn)),
            Body = new LocalizedText(Normalize(draft.Body)!, Normalize(draft.BodyEn)),
            Axes = [.. axes.Distinct()],
            Cover = cover,
            // Featuring is an editor's choice: a student's form keeps whatever the story had.
            Featured = RecordWorkflow.IsCataloguer(role) ? draft.Featured : story.Featured,
            Author = Blank(draft.Author),
        };
    }

    private async Task CheckReferencesAsync(string field, string? markdown, Dictionary<string, string> errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return;
        var rendered = await renderer.RenderAsync(markdown, SiteLanguage.Turkish, preview: true, ct);
        if (rendered.Unresolved.Count > 0)
            errors[field] = T("Story_UnresolvedReferences", string.Join(", ", rendered.Unresolved));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Line endings as the browser sends them (CRLF) are stored as LF, so a re-save without edits writes no version.</summary>
    private static string? Normalize(string? text) => Blank(text)?.Replace("\r\n", "\n");

    private static void RequireCataloguer(Role role)
    {
        if (!RecordWorkflow.IsCataloguer(role)) throw new WorkflowRefusedException(T("Workflow_NeedsCataloguer"), forbidden: true);
    }

    private static void Require(Story story, WorkflowState state, string refusal)
    {
        if (story.State != state)
            throw new WorkflowRefusedException(T(refusal, RecordWorkflow.StateName(story.State), RecordWorkflow.StateName(state)), forbidden: false);
    }
}
