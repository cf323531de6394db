using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Site.Accounts;
using static HafizaIzmir.Site.Katalog.KatalogText;

namespace HafizaIzmir.Site.Katalog;

/// <summary>A step the account may not take (wrong role, not the owner, wrong state); shown as 403 or 400.</summary>
public sealed class WorkflowRefusedException(string message, bool forbidden) : Exception(message)
{
    public bool Forbidden { get; } = forbidden;
}

/// <summary>The fields a describer edits on the form; the rest of the record is kept as it was.</summary>
public sealed record RecordDraft(string Title, string? TitleEn, string? Date, string? Description, string? Rights, Level Level = Level.Item, string? Parent = null)
{
    /// <summary>The rest of the describe form; null keeps what the record says.</summary>
    public RecordDetails? Details { get; init; }
}

/// <summary>The describe form's fields beyond the basic ones, already checked.</summary>
public sealed record RecordDetails(
    EuropeanaType? Type, string? Genre, string? DescriptionEn, IReadOnlyList<string> Languages,
    IReadOnlyList<Axis> Axes, IReadOnlyList<string> Subjects, IReadOnlyList<AuthorityLink> Authorities);

/// <summary>
/// Draft → review → publish on records, every step a new OCFL version saying who and why, and every save
/// against the version the person read (a concurrent save makes the later one fail, never overwrite).
/// Students create and edit their own drafts and submit them; cataloguers edit anything, return with a
/// comment, publish (rights required) and withdraw.
/// </summary>
public sealed class RecordWorkflow(Archive.Storage.Archive archive)
{
    public Archive.Storage.Archive Archive => archive;

    public static bool IsCataloguer(Role role) => role is Role.Cataloguer or Role.Admin;

    public async Task<OcflCommitResult> CreateAsync(string identifier, RecordDraft draft, string user, CancellationToken ct = default)
    {
        var record = Apply(new Record { Identifier = identifier, Level = draft.Level, Title = new LocalizedText(draft.Title) }, draft)
            with
        { State = WorkflowState.Draft };
        return await archive.SaveRecordAsync(record, [], null, new CommitInfo(user, "Yeni taslak"), ct);
    }

    public async Task<OcflCommitResult> EditAsync(string identifier, int expectedVersion, RecordDraft draft, string user, Role role, string? why, CancellationToken ct = default)
    {
        var current = await GetAsync(identifier, ct);
        RequireEditable(current.Value, user, role);
        return await archive.SaveRecordAsync(Apply(current.Value, draft), [], expectedVersion, new CommitInfo(user, Why(why, "Düzenleme")), ct);
    }

    /// <summary>
    /// Any other change to the record (pages, a revert, the Europeana mark), under the same rules as an edit:
    /// students only touch their own drafts. <paramref name="files"/> are the new or replaced files to store.
    /// </summary>
    public async Task<OcflCommitResult> ChangeAsync(string identifier, int expectedVersion, Func<Record, Record> change, IReadOnlyList<NewFile> files,
        string user, Role role, string why, CancellationToken ct = default)
    {
        var current = await GetAsync(identifier, ct);
        RequireEditable(current.Value, user, role);
        if (current.Version != expectedVersion) throw new OcflConflictException(HafizaIzmir.Archive.Storage.Archive.RecordPrefix + identifier, current.Version);
        return await archive.SaveRecordAsync(change(current.Value), files, expectedVersion, new CommitInfo(user, why), ct);
    }

    /// <summary>Only a cataloguer says whether a record is offered to Europeana.</summary>
    public async Task<OcflCommitResult> MarkForEuropeanaAsync(string identifier, int expectedVersion, bool ready, string user, Role role, CancellationToken ct = default)
    {
        RequireCataloguer(role);
        return await ChangeAsync(identifier, expectedVersion, r => r with { ForEuropeana = ready }, [], user, role,
            ready ? "Europeana için hazır işaretlendi" : "Europeana işareti kaldırıldı", ct);
    }

    public async Task<OcflCommitResult> SubmitAsync(string identifier, int expectedVersion, string user, Role role, CancellationToken ct = default)
    {
        var current = await GetAsync(identifier, ct);
        if (!IsCataloguer(role) && current.Value.CreatedBy != user)
            throw new WorkflowRefusedException(T("Workflow_SubmitOwnOnly"), forbidden: true);
        Require(current.Value, WorkflowState.Draft, "Workflow_WrongState_Submit");
        // The last round's notes leave the head (they stay in the version that returned the record).
        return await archive.SaveRecordAsync(current.Value with { State = WorkflowState.InReview }, [], expectedVersion,
            new CommitInfo(user, "İncelemeye gönderildi"), ct, removing: [ReviewNotes.FilePath]);
    }

    /// <summary>Sends the record back to its author; <paramref name="notes"/> (per-field comments) are committed in the same version.</summary>
    public async Task<OcflCommitResult> ReturnAsync(string identifier, int expectedVersion, string user, Role role, string comment, CancellationToken ct = default,
        ReviewNotes? notes = null)
    {
        RequireCataloguer(role);
        if (string.IsNullOrWhiteSpace(comment)) throw new WorkflowRefusedException(T("Workflow_ReturnNeedsComment"), forbidden: false);
        var current = await GetAsync(identifier, ct);
        Require(current.Value, WorkflowState.InReview, "Workflow_WrongState_Return");
        notes ??= new ReviewNotes(expectedVersion + 1, user, DateTimeOffset.UtcNow, comment.Trim(), new Dictionary<string, string>());
        return await archive.SaveRecordAsync(current.Value with { State = WorkflowState.Draft }, [notes.ToFile()], expectedVersion,
            new CommitInfo(user, "İade: " + comment.Trim()), ct);
    }

    public async Task<OcflCommitResult> PublishAsync(string identifier, int expectedVersion, string user, Role role, CancellationToken ct = default)
    {
        RequireCataloguer(role);
        var current = await GetAsync(identifier, ct);
        if (current.Value.State is not (WorkflowState.InReview or WorkflowState.Withdrawn))
            throw new WorkflowRefusedException(T("Workflow_PublishState"), forbidden: false);
        if (string.IsNullOrWhiteSpace(current.Value.Rights))
            throw new WorkflowRefusedException(T("Workflow_PublishNeedsRights"), forbidden: false);
        return await Move(current.Value, WorkflowState.Published, expectedVersion, new CommitInfo(user, "Yayımlandı"), ct);
    }

    public async Task<OcflCommitResult> WithdrawAsync(string identifier, int expectedVersion, string user, Role role, string reason, CancellationToken ct = default)
    {
        RequireCataloguer(role);
        if (string.IsNullOrWhiteSpace(reason)) throw new WorkflowRefusedException(T("Workflow_WithdrawNeedsReason"), forbidden: false);
        var current = await GetAsync(identifier, ct);
        Require(current.Value, WorkflowState.Published, "Workflow_WrongState_Withdraw");
        return await Move(current.Value, WorkflowState.Withdrawn, expectedVersion, new CommitInfo(user, "Geri çekildi: " + reason.Trim()), ct);
    }

    public async Task<Versioned<Record>> GetAsync(string identifier, CancellationToken ct) =>
        await archive.GetRecordAsync(identifier, ct) ?? throw new KeyNotFoundException(T("Record_NotFound", identifier));

    private Task<OcflCommitResult> Move(Record record, WorkflowState to, int expectedVersion, CommitInfo info, CancellationToken ct) =>
        archive.SaveRecordAsync(record with { State = to }, [], expectedVersion, info, ct);

    internal static Record Apply(Record record, RecordDraft draft) => record with
    {
        Title = new LocalizedText(draft.Title.Trim(), Blank(draft.TitleEn)),
        Date = Blank(draft.Date) is not { } text ? null
            : EdtfDate.TryParse(text, out var date, out var error) ? date
            : throw new WorkflowRefusedException(T("Workflow_BadDate", text, error), forbidden: false),
        Description = Blank(draft.Description) is { } description ? new LocalizedText(description) : null,
        Rights = Blank(draft.Rights),
        Level = draft.Level,
        Parent = Blank(draft.Parent),
    } is var basic && draft.Details is { } d
        ? basic with
        {
            Type = d.Type,
            Genre = Blank(d.Genre),
            Description = Blank(draft.Description) is { } tr ? new LocalizedText(tr, Blank(d.DescriptionEn)) : null,
            Languages = d.Languages,
            Axes = d.Axes,
            Subjects = d.Subjects,
            Authorities = d.Authorities,
        }
        : basic;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Why(string? why, string fallback) => Blank(why) ?? fallback;

    /// <summary>Students change only their own drafts; cataloguers and admins change anything.</summary>
    public static void RequireEditable(Record record, string user, Role role)
    {
        if (IsCataloguer(role)) return;
        if (record.CreatedBy != user) throw new WorkflowRefusedException(T("Workflow_EditOwnOnly"), forbidden: true);
        if (record.State != WorkflowState.Draft) throw new WorkflowRefusedException(T("Workflow_EditNotDraft"), forbidden: true);
    }

    private static void RequireCataloguer(Role role)
    {
        if (!IsCataloguer(role)) throw new WorkflowRefusedException(T("Workflow_NeedsCataloguer"), forbidden: true);
    }

    /// <param name="refusal">The refusal sentence's key; it names the state the record is in and the one the step needs.</param>
    private static void Require(Record record, WorkflowState state, string refusal)
    {
        if (record.State != state) throw new WorkflowRefusedException(T(refusal, StateName(record.State), StateName(state)), forbidden: false);
    }

    public static string StateName(WorkflowState state) => T("State_" + state);
}
