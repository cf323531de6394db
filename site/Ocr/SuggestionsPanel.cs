using System.Text;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Site.Katalog;
using static HafizaIzmir.Site.Katalog.KatalogPage;
using static HafizaIzmir.Site.Katalog.KatalogText;

namespace HafizaIzmir.Site.Ocr;

/// <summary>
/// The describe form's panel of authorities found in the record's scans: each not yet linked has its own
/// small form whose button (with an access key 1–9) links it, posting the version the page was read at.
/// Rendered from the locally kept page texts, so it needs no waiting inside the form.
/// </summary>
public static class SuggestionsPanel
{
    public const int MaxShown = 30;

    public static string Render(HttpContext context, Versioned<Record> current)
    {
        var services = context.RequestServices;
        var record = current.Value;
        var pages = services.GetRequiredService<OcrFeed>().StoredText(record.Identifier);
        var body = new StringBuilder($"<section aria-labelledby=\"oneriler\"><h2 id=\"oneriler\">{T("Suggestions_Heading")}</h2>");
        body.Append($"<p><a href=\"{H(TranscriptionPages.Url(record.Identifier))}\">{T("Suggestions_TextsLink")}</a></p>");
        if (pages.Count == 0) return body.Append($"<p>{T("Suggestions_NoText")}</p></section>").ToString();
        var suggestions = services.GetRequiredService<AuthoritySuggestions>().For(record, pages.Select(p => (p.Page, p.Text)));
        if (suggestions.Count == 0) return body.Append($"<p>{T("Suggestions_None")}</p></section>").ToString();
        body.Append("<ul>");
        var key = 0;
        foreach (var s in suggestions.Take(MaxShown))
        {
            var matched = s.Matched == s.Name ? "" : $" ({T("Suggestions_InText", H(s.Matched))})";
            body.Append($"<li><strong>{H(s.Name)}</strong> · {H(KindName(s.Kind))}{matched} · {T("Suggestions_Where", s.Count, string.Join(", ", s.Pages))} ");
            if (s.Linked)
            {
                body.Append($"<em>{T("Suggestions_Linked")}</em></li>");
                continue;
            }
            var accessKey = ++key <= 9 ? $" accesskey=\"{key}\"" : "";
            body.Append($"<form method=\"post\" action=\"{H(LinkUrl(record.Identifier))}\">{Token(context)}")
                .Append($"<input type=\"hidden\" name=\"surum\" value=\"{current.Version}\"><input type=\"hidden\" name=\"otorite\" value=\"{H(s.Id)}\">")
                .Append($"<button type=\"submit\"{accessKey}>{T("Suggestions_Add")}{(key <= 9 ? $" [{key}]" : "")}</button></form></li>");
        }
        return body.Append("</ul></section>").ToString();
    }

    public static string LinkUrl(string identifier) => RecordEditor.Url(identifier) + "/oneri";

    public static string KindName(AuthorityKind kind) => kind == AuthorityKind.Place ? T("Suggestions_Place") : RecordDiff.KindName(kind);
}
