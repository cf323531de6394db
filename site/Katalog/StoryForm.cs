using System.Text;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Site.Stories;
using static HafizaIzmir.Site.Katalog.KatalogPage;
using static HafizaIzmir.Site.Katalog.KatalogText;

namespace HafizaIzmir.Site.Katalog;

/// <summary>The story form of the cataloguing UI: every field labelled, each problem written beside its field.</summary>
public static class StoryForm
{
    public static string Url(string slug) => "/katalog/hikaye/" + Uri.EscapeDataString(slug);

    public static StoryDraft Read(IFormCollection form) => new()
    {
        Slug = form["kisa-ad"].ToString(),
        Title = form["baslik"].ToString(),
        TitleEn = form["baslik-en"],
        Summary = form["ozet"],
        SummaryEn = form["ozet-en"],
        Body = form["metin"].ToString(),
        BodyEn = form["metin-en"],
        Axes = [.. form["eksen"].Select(a => a ?? "").Where(a => a.Length > 0)],
        Cover = form["kapak"],
        Featured = form["one-cikan"] == "evet",
        Author = form["yazar"],
    };

    /// <summary>
    /// The form for a new story (<paramref name="current"/> null) or for an existing one at the version read.
    /// <paramref name="preview"/> holds the rendered bodies when the preview button was pressed.
    /// </summary>
    public static string Render(HttpContext context, Versioned<Story>? current, StoryDraft draft, bool cataloguer,
        IReadOnlyDictionary<string, string> errors, (RenderedStory Tr, RenderedStory? En)? preview, string? why = null)
    {
        string? Error(string field) => errors.GetValueOrDefault(field);
        var body = new StringBuilder();
        if (errors.Count > 0)
            body.Append($"<p role=\"alert\">{T("Story_NotSaved", errors.Count)}</p>");
        body.Append($"<form method=\"post\" action=\"{H(current is null ? "/katalog/hikaye/yeni" : Url(current.Value.Slug))}\">").Append(Token(context));
        if (current is null) body.Append(Field("kisa-ad", T("Story_Slug"), draft.Slug, extra: " required pattern=\"[a-z0-9]+(-[a-z0-9]+)*\"", error: Error("kisa-ad")));
        else body.Append($"<input type=\"hidden\" name=\"surum\" value=\"{current.Version}\">");
        body.Append(Field("baslik", T("Field_Title"), draft.Title, extra: " required", error: Error("baslik")))
            .Append(Field("baslik-en", T("Field_TitleEn"), draft.TitleEn, extra: " lang=\"en\""))
            .Append(TextArea("ozet", T("Story_Summary"), draft.Summary, 2, null))
            .Append(TextArea("ozet-en", T("Story_SummaryEn"), draft.SummaryEn, 2, null, " lang=\"en\""))
            .Append(TextArea("metin", T("Story_Body"), draft.Body, 16, Error("metin"), " required"))
            .Append(TextArea("metin-en", T("Story_BodyEn"), draft.BodyEn, 16, Error("metin-en"), " lang=\"en\""))
            .Append(Axes(draft.Axes, Error("eksen")))
            .Append(Field("kapak", T("Story_Cover"), draft.Cover, error: Error("kapak")))
            .Append(Field("yazar", T("Story_Author"), draft.Author, extra: " autocomplete=\"name\""));
        if (cataloguer)
            body.Append($"<p><input id=\"one-cikan\" name=\"one-cikan\" type=\"checkbox\" value=\"evet\"{(draft.Featured ? " checked" : "")}> <label for=\"one-cikan\">{T("Story_Feature")}</label></p>");
        if (current is not null) body.Append(Field("neden", T("Field_Reason"), why));
        // A preview needs no valid slug or title yet, so the browser's own checks do not stop it.
        body.Append($"<p><button type=\"submit\" name=\"islem\" value=\"onizle\" formnovalidate>{T("Story_Preview")}</button> <button type=\"submit\" name=\"islem\" value=\"kaydet\">{T("Save")}</button></p></form>");
        if (preview is var (tr, en))
        {
            body.Append($"<section aria-labelledby=\"onizleme\"><h2 id=\"onizleme\">{T("Story_PreviewHeading")}</h2>")
                .Append($"<p>{T("Story_PreviewHelp")}</p>")
                .Append($"<article lang=\"tr\"><h3>{H(draft.Title)}</h3>{tr.Html}</article>");
            if (en is not null) body.Append($"<article lang=\"en\"><h3>{H(draft.TitleEn ?? draft.Title)}</h3>{en.Html}</article>");
            body.Append("</section>");
        }
        return body.ToString();
    }

    private static string TextArea(string id, string label, string? value, int rows, string? error, string extra = "")
    {
        var described = error is null ? "" : $" aria-invalid=\"true\" aria-describedby=\"{id}-error\"";
        var message = error is null ? "" : $"<span id=\"{id}-error\" class=\"error\">{H(error)}</span>";
        return $"<p><label for=\"{id}\">{H(label)}</label><br><textarea id=\"{id}\" name=\"{id}\" rows=\"{rows}\" cols=\"80\"{described}{extra}>{H(value)}</textarea>{message}</p>";
    }

    private static string Axes(IReadOnlyList<string> selected, string? error)
    {
        var html = new StringBuilder($"<fieldset><legend>{T("Field_Axes")}</legend>");
        foreach (var code in Vocabulary.Axes.Keys)
        {
            var id = "eksen-" + Archive.Text.TurkishText.Slug(code);
            html.Append($"<input id=\"{id}\" name=\"eksen\" type=\"checkbox\" value=\"{H(code)}\"{(selected.Contains(code) ? " checked" : "")}> ")
                .Append($"<label for=\"{id}\">{H(T("Axis_" + Vocabulary.Axes[code]))}</label> ");
        }
        if (error is not null) html.Append($"<span class=\"error\">{H(error)}</span>");
        return html.Append("</fieldset>").ToString();
    }
}
