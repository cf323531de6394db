using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Site.Derived;
using HafizaIzmir.Archive.Derived;

namespace HafizaIzmir.Site.Web;

using Archive = HafizaIzmir.Archive.Storage.Archive;

/// <summary>The public page of one record, <c>/kayit/{identifier}</c>, rendered on the server in Turkish.</summary>
public static class RecordPage
{
    // Turkish letters pass through as themselves; markup characters are always escaped.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static void MapRecordPage(this IEndpointRouteBuilder app) => app.MapGet("/kayit/{identifier}", async (string identifier, Archive archive, RecordTree tree, CancellationToken ct) =>
    {
        var record = (await archive.GetRecordAsync(identifier, ct))?.Value;
        if (!PublicationGate.IsPublic(record)) return NotFound();
        var names = new Dictionary<AuthorityKind, List<string>>();
        foreach (var link in record!.Authorities)
        {
            var authority = (await archive.GetAuthorityAsync(link.AuthorityId, ct))?.Value;
            if (authority is null) continue;
            if (!names.TryGetValue(link.Kind, out var list)) names[link.Kind] = list = [];
            list.Add(authority.Name);
        }
        return Results.Content(Render(record, tree, names), "text/html; charset=utf-8");
    });

    public static string LevelName(Level level) => level switch
    {
        Level.Fonds => "Fon",
        Level.Series => "Seri",
        Level.File => "Dosya",
        _ => "Belge",
    };

    public static string Url(string identifier) => "/kayit/" + Uri.EscapeDataString(identifier);

    private static string Render(Record record, RecordTree tree, Dictionary<AuthorityKind, List<string>> names)
    {
        var title = record.Title.Tr;
        var body = new StringBuilder();
        var ancestors = tree.Ancestors(record.Identifier).Where(n => n.IsPublic).ToList();
        if (ancestors.Count > 0)
        {
            body.Append("<nav aria-label=\"Konum\"><ol class=\"breadcrumb\">");
            foreach (var node in ancestors)
                body.Append($"<li><a href=\"{Html.Encode(Url(node.Identifier))}\">{Html.Encode(node.Title)}</a></li>");
            body.Append($"<li aria-current=\"page\">{Html.Encode(title)}</li></ol></nav>");
        }
        body.Append($"<h1>{Html.Encode(title)}</h1>");
        if (!string.IsNullOrWhiteSpace(record.Title.En)) body.Append($"<p lang=\"en\">{Html.Encode(record.Title.En)}</p>");

        body.Append("<dl>");
        Field(body, "Kimlik", record.Identifier);
        Field(body, "Düzey", LevelName(record.Level));
        if (record.Date is { } date) Field(body, "Tarih", date.Describe("tr"));
        if (record.Genre is { } genre) Field(body, "Tür", genre);
        Field(body, "Kişiler", names.GetValueOrDefault(AuthorityKind.Person));
        Field(body, "Kurumlar", names.GetValueOrDefault(AuthorityKind.Institution));
        Field(body, "Mekânlar", names.GetValueOrDefault(AuthorityKind.Place));
        if (record.Rights is { } rights)
        {
            body.Append("<dt>Haklar</dt><dd>");
            body.Append(Uri.TryCreate(rights, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? $"<a href=\"{Html.Encode(uri.AbsoluteUri)}\" rel=\"license\">{Html.Encode(rights)}</a>"
                : Html.Encode(rights));
            body.Append("</dd>");
        }
        body.Append("</dl>");

        if (record.Description is { } description)
        {
            body.Append("<section><h2>Açıklama</h2>");
            foreach (var paragraph in description.In("tr").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                body.Append($"<p>{Html.Encode(paragraph)}</p>");
            body.Append("</section>");
        }

        body.Append(Iiif.RecordViewer.Render(record));

        var children = tree.Children(record.Identifier).Where(n => n.IsPublic).ToList();
        if (children.Count > 0)
        {
            body.Append("<section><h2>İçindekiler</h2><ul class=\"children\">");
            foreach (var child in children)
            {
                var childDate = child.Date is { } d && EdtfDate.TryParse(d, out var parsed, out _) ? $" ({parsed.Describe("tr")})" : "";
                body.Append($"<li><a href=\"{Html.Encode(Url(child.Identifier))}\">{Html.Encode(child.Title)}</a>{Html.Encode(childDate)}</li>");
            }
            body.Append("</ul></section>");
        }
        return Page(title, body.ToString());
    }

    private static IResult NotFound() => Results.Content(
        Page("Kayıt bulunamadı", "<h1>Kayıt bulunamadı</h1><p>Aradığınız kayıt yok ya da henüz yayımlanmadı.</p><p><a href=\"/\">Ana sayfa</a></p>"),
        "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);

    private static void Field(StringBuilder body, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) body.Append($"<dt>{label}</dt><dd>{Html.Encode(value)}</dd>");
    }

    private static void Field(StringBuilder body, string label, List<string>? values)
    {
        if (values is { Count: > 0 }) Field(body, label, string.Join("; ", values));
    }

    private static string Page(string title, string body) => $"""
        <!DOCTYPE html>
        <html lang="tr">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{Html.Encode(title)} · Hafıza İzmir</title></head>
        <body><header><a href="/">Hafıza İzmir</a></header><main>{body}</main></body>
        </html>
        """;
}
