using System.Text;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using static HafizaIzmir.Site.Katalog.KatalogPage;
using static HafizaIzmir.Site.Katalog.KatalogText;

namespace HafizaIzmir.Site.Katalog;

/// <summary>
/// The cataloguer's review of a record in review: what changed since it was last published (everything,
/// for a record never published), a comment box per changed field, and return or publish.
/// </summary>
public static class RecordReview
{
    public static async Task<string> PanelAsync(HttpContext context, Versioned<Record> current, IReadOnlyDictionary<string, string> names)
    {
        var archive = context.RequestServices.GetRequiredService<Archive.Storage.Archive>();
        var (published, version) = await RecordHistory.LastPublishedAsync(archive, current.Value.Identifier, current.Version, context.RequestAborted);
        var authorityNames = new Dictionary<string, string>(names, StringComparer.Ordinal);
        foreach (var link in published?.Authorities ?? [])
            if (!authorityNames.ContainsKey(link.AuthorityId) && await archive.GetAuthorityAsync(link.AuthorityId, context.RequestAborted) is { } a)
                authorityNames[link.AuthorityId] = a.Value.Name;
        var changes = RecordDiff.Compare(published, current.Value, id => authorityNames.GetValueOrDefault(id, id))
            .Where(c => c.Key != "durum").ToList();
        var caption = published is null ? T("Review_FirstCaption") : T("Review_ChangesCaption", $"v{version}");
        var url = RecordEditor.Url(current.Value.Identifier);
        var body = new StringBuilder($"<section aria-labelledby=\"inceleme-baslik\" class=\"review\"><h2 id=\"inceleme-baslik\">{T("Review_Heading")}</h2>")
            .Append($"<form method=\"post\" action=\"{H(url)}/iade\">{Token(context)}<input type=\"hidden\" name=\"surum\" value=\"{current.Version}\">")
            .Append(RecordDiff.Table(changes, caption, published is null ? T("Diff_Before") : $"v{version}", $"v{current.Version}",
                c => $"<label for=\"not-{H(c.Key)}\" class=\"visually-hidden\">{H(T("Review_FieldNoteLabel", c.Label))}</label><textarea id=\"not-{H(c.Key)}\" name=\"not-{H(c.Key)}\" rows=\"2\"></textarea>", T("Review_FieldNote")))
            .Append($"<p><label for=\"iade-yorum\">{T("Review_GeneralNote")}</label> <textarea id=\"iade-yorum\" name=\"yorum\" rows=\"3\" required></textarea></p>")
            .Append($"<p><button type=\"submit\">{T("Review_Return")}</button></p></form>")
            .Append($"<form method=\"post\" action=\"{H(url)}/yayinla\">{Token(context)}<input type=\"hidden\" name=\"surum\" value=\"{current.Version}\"><p><button type=\"submit\">{T("Review_Publish")}</button></p></form>");
        return body.Append("</section>").ToString();
    }

    /// <summary>Returns the record with its notes, which are committed in the version the return creates.</summary>
    public static async Task<OcflCommitResult> ReturnAsync(HttpContext context, string identifier, IFormCollection form, RecordWorkflow workflow, CancellationToken ct)
    {
        var (user, role) = KatalogServices.Who(context.User);
        var comment = form["yorum"].ToString();
        var version = int.TryParse(form["surum"], out var v) ? v : 0;
        var fields = RecordDiff.Fields
            .Select(f => (f.Key, Text: form["not-" + f.Key].ToString().Trim()))
            .Where(f => f.Text.Length > 0)
            .ToDictionary(f => f.Key, f => f.Text, StringComparer.Ordinal);
        var notes = new ReviewNotes(version + 1, user, TimeProvider.System.GetUtcNow(), comment.Trim(), fields);
        return await workflow.ReturnAsync(identifier, version, user, role, comment, ct, notes);
    }
}
