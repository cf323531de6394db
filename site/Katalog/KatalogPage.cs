using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Antiforgery;

namespace HafizaIzmir.Site.Katalog;

/// <summary>The cataloguing UI's page frame and form pieces, rendered on the server in Turkish.</summary>
public static class KatalogPage
{
    // Turkish letters pass through as themselves; markup characters are always escaped.
    public static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static string H(string? text) => Html.Encode(text ?? "");

    public static IResult Render(HttpContext context, string title, string body, int status = StatusCodes.Status200OK)
    {
        var user = context.User.Identity is { IsAuthenticated: true } ? context.User.Identity.Name : null;
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html><html lang=\"tr\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append($"<title>{H(title)} · Katalog · Hafıza İzmir</title><link rel=\"stylesheet\" href=\"/assets/katalog.css\"></head><body>")
            .Append("<header><a href=\"/katalog\">Hafıza İzmir · Katalog</a>");
        if (user is not null)
            page.Append($"<form method=\"post\" action=\"{KatalogServices.SignOutPath}\"><span>{H(user)}</span> ")
                .Append(Token(context)).Append("<button type=\"submit\">Çıkış</button></form>");
        page.Append("</header><main>").Append(body).Append("</main></body></html>");
        return Results.Content(page.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>The hidden antiforgery field every form carries.</summary>
    public static string Token(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return $"<input type=\"hidden\" name=\"{H(tokens.FormFieldName)}\" value=\"{H(tokens.RequestToken)}\">";
    }

    /// <summary>A labelled text input; the label is tied to the input so screen readers and clicks find it.</summary>
    public static string Field(string id, string label, string? value, string type = "text", string extra = "", string? error = null)
    {
        var described = error is null ? "" : $" aria-invalid=\"true\" aria-describedby=\"{id}-error\"";
        var message = error is null ? "" : $"<span id=\"{id}-error\" class=\"error\">{H(error)}</span>";
        return $"<p><label for=\"{id}\">{H(label)}</label> <input id=\"{id}\" name=\"{id}\" type=\"{type}\" value=\"{H(value)}\"{described}{extra}>{message}</p>";
    }
}
