using System.Text;
using HafizaIzmir.Archive.Storage;
using static HafizaIzmir.Site.Katalog.KatalogPage;
using static HafizaIzmir.Site.Katalog.KatalogText;

namespace HafizaIzmir.Site.Katalog;

/// <summary>Input the form cannot accept, with a message per field (by the field's id) to show beside it.</summary>
public sealed class FormInvalidException(IReadOnlyDictionary<string, string> errors)
    : Exception(string.Join(" ", errors.Values))
{
    public IReadOnlyDictionary<string, string> Errors { get; } = errors;
}

/// <summary>
/// How the authority, accession, account and import pages answer when an action cannot go through: a refused
/// step, a missing object, bad input, or a concurrent save (the conflict page, nothing overwritten).
/// </summary>
public static class KatalogOutcome
{
    /// <param name="conflict">The page for a concurrent save, when the object has a richer one than <see cref="Conflict"/>.</param>
    /// <param name="back">Where the refusal pages lead back to.</param>
    public static async Task<IResult> Run(HttpContext context, Func<Task<IResult>> action,
        Func<OcflConflictException, Task<IResult>>? conflict = null, string back = "/katalog")
    {
        try
        {
            return await action();
        }
        catch (OcflConflictException e)
        {
            return conflict is null ? await Conflict(context, e) : await conflict(e);
        }
        catch (WorkflowRefusedException e)
        {
            return Message(context, T("Outcome_Refused"), e.Message, e.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest, back);
        }
        catch (KeyNotFoundException e)
        {
            return Message(context, T("Outcome_NotFound"), e.Message, StatusCodes.Status404NotFound, back);
        }
        catch (ArgumentException e)
        {
            return Message(context, T("Outcome_Invalid"), e.Message, StatusCodes.Status400BadRequest, back);
        }
    }

    public static IResult Message(HttpContext context, string title, string text, int status, string back = "/katalog") =>
        Render(context, title, $"<h1>{H(title)}</h1><p role=\"alert\">{H(text)}</p><p><a href=\"{H(back)}\">{T("Outcome_Back")}</a></p>", status);

    /// <summary>The later saver learns who saved in between, when and why, and opens the current version to decide again.</summary>
    public static async Task<IResult> Conflict(HttpContext context, OcflConflictException e)
    {
        var archive = context.RequestServices.GetRequiredService<Archive.Storage.Archive>();
        var body = new StringBuilder($"<h1>{T("Conflict_Heading")}</h1>");
        body.Append(e.CurrentVersion is null
            ? $"<p role=\"alert\">{T("Conflict_NoObject")}</p>"
            : $"<p role=\"alert\">{T("Conflict_SavedMeanwhile", e.CurrentVersion)}</p>");
        var info = await archive.Repository.GetObjectAsync(e.ObjectId, context.RequestAborted);
        if (info?.Versions is [.., var last])
            body.Append($"<p>{T("Conflict_LastChange")}: <strong>{H(last.User)}</strong>, {last.Created:yyyy-MM-dd HH:mm} — {H(last.Message)}</p>");
        if (EditorUrl(e.ObjectId) is { } url)
            body.Append($"<p><a href=\"{H(url)}\">{T("Conflict_OpenCurrent")}</a></p>");
        return Render(context, T("Conflict_Title"), body.ToString(), StatusCodes.Status409Conflict);
    }

    private static string? EditorUrl(string objectId)
    {
        if (objectId.StartsWith(Archive.Storage.Archive.AuthorityPrefix, StringComparison.Ordinal))
            return AuthorityEditor.Url(objectId[Archive.Storage.Archive.AuthorityPrefix.Length..]);
        if (objectId.StartsWith(Archive.Storage.Archive.AccessionPrefix, StringComparison.Ordinal))
            return AccessionEditor.Url(objectId[Archive.Storage.Archive.AccessionPrefix.Length..]);
        if (objectId.StartsWith(Archive.Storage.Archive.RecordPrefix, StringComparison.Ordinal))
            return RecordEditor.Url(objectId[Archive.Storage.Archive.RecordPrefix.Length..]);
        return null;
    }

    /// <summary>The version the form was read at (<c>surum</c>).</summary>
    public static int Version(IFormCollection form) =>
        int.TryParse(form["surum"], out var version) && version > 0 ? version : throw new ArgumentException(T("Form_NoVersion"));

    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A labelled multi-line field, with its error beside it like <see cref="Field"/>.</summary>
    public static string TextArea(string id, string label, string? value, int rows = 4, string? hint = null, string? error = null, string extra = "")
    {
        var describedBy = string.Join(' ', new[] { hint is null ? null : id + "-hint", error is null ? null : id + "-error" }.OfType<string>());
        var aria = (describedBy.Length > 0 ? $" aria-describedby=\"{describedBy}\"" : "") + (error is null ? "" : " aria-invalid=\"true\"");
        return $"<p><label for=\"{id}\">{H(label)}</label> "
            + (hint is null ? "" : $"<span id=\"{id}-hint\" class=\"hint\">{H(hint)}</span> ")
            + $"<textarea id=\"{id}\" name=\"{id}\" rows=\"{rows}\"{aria}{extra}>{H(value)}</textarea>"
            + (error is null ? "" : $"<span id=\"{id}-error\" class=\"error\">{H(error)}</span>") + "</p>";
    }

    /// <summary>A labelled choice from fixed options (value, label).</summary>
    public static string Select(string id, string label, IEnumerable<(string Value, string Label)> options, string? selected, string? error = null)
    {
        var html = new StringBuilder($"<p><label for=\"{id}\">{H(label)}</label> <select id=\"{id}\" name=\"{id}\"");
        if (error is not null) html.Append($" aria-invalid=\"true\" aria-describedby=\"{id}-error\"");
        html.Append('>');
        foreach (var (value, text) in options)
            html.Append($"<option value=\"{H(value)}\"{(value == selected ? " selected" : "")}>{H(text)}</option>");
        html.Append("</select>");
        if (error is not null) html.Append($"<span id=\"{id}-error\" class=\"error\">{H(error)}</span>");
        return html.Append("</p>").ToString();
    }

    /// <summary>A summary of the form's errors at its top, each linking to its field, announced to screen readers.</summary>
    public static string ErrorSummary(IReadOnlyDictionary<string, string>? errors)
    {
        if (errors is null || errors.Count == 0) return "";
        var html = new StringBuilder($"<div role=\"alert\" class=\"error-summary\"><p>{T("Form_NotSaved")}</p><ul>");
        foreach (var (field, message) in errors) html.Append($"<li><a href=\"#{H(field)}\">{H(message)}</a></li>");
        return html.Append("</ul></div>").ToString();
    }
}
