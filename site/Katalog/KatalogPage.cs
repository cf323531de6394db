using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using HafizaIzmir.Site.Public;
using HafizaIzmir.Site.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using static HafizaIzmir.Site.Katalog.KatalogText;

namespace HafizaIzmir.Site.Katalog;

/// <summary>The cataloguing UI's page frame and form pieces, rendered on the server in the cataloguer's language (<see cref="KatalogText"/>).</summary>
public static class KatalogPage
{
    // Turkish letters pass through as themselves; markup characters are always escaped.
    public static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static string H(string? text) => Html.Encode(text ?? "");

    public static IResult Render(HttpContext context, string title, string body, int status = StatusCodes.Status200OK)
    {
        var user = context.User.Identity is { IsAuthenticated: true } ? context.User.Identity.Name : null;
        var page = new StringBuilder();
        page.Append($"<!DOCTYPE html><html lang=\"{KatalogText.Current.Code}\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append($"<title>{H(title)} · {T("Frame_Katalog")} · Hafıza İzmir</title>")
            .Append("<link rel=\"stylesheet\" href=\"/assets/katalog.css\"><script src=\"/assets/katalog.js\" defer></script>");
        if (context.Items.ContainsKey(MapPickerKey))
            page.Append("<link rel=\"stylesheet\" href=\"/assets/leaflet/leaflet.css\"><script src=\"/assets/leaflet/leaflet.js\" defer></script>")
                .Append("<script src=\"/assets/coordinate-picker.js\" defer></script>");
        page.Append("</head><body>")
            .Append($"<header><a href=\"/katalog\">Hafıza İzmir · {T("Frame_Katalog")}</a>");
        if (user is not null) page.Append($"<a href=\"/katalog/kayit/yeni\">{T("Frame_NewRecord")}</a>");
        if (user is not null)
            page.Append($"<form method=\"post\" action=\"{KatalogServices.SignOutPath}\"><span>{H(user)}</span> ")
                .Append(Token(context)).Append($"<button type=\"submit\">{T("Frame_SignOut")}</button></form>");
        page.Append(KatalogLanguage.Switch(context));
        page.Append("</header><main>").Append(body).Append("</main></body></html>");
        return Results.Content(page.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    private const string MapPickerKey = "katalog.map-picker";

    /// <summary>
    /// A map beside typed coordinate fields: a click, or panning with the arrow keys and the button, fills them
    /// in, and typing moves the marker. Hidden until its script runs, so without script (or without a tile
    /// server in <see cref="MapOptions"/>) the typed fields are the whole form. The page then loads Leaflet and
    /// admits the tile server's images.
    /// </summary>
    public static string MapPicker(HttpContext context, string latitudeField, string longitudeField)
    {
        var map = context.RequestServices.GetRequiredService<IOptions<MapOptions>>().Value;
        if (map.TileOrigin is not { } origin) return "";
        context.Items[MapPickerKey] = true;
        SecurityHeaders.AllowImagesFrom(context.Response, origin);
        return $"<div class=\"coordinate-picker\" data-coordinate-picker data-lat-input=\"{H(latitudeField)}\" data-lon-input=\"{H(longitudeField)}\" "
            + $"data-tiles=\"{H(map.TileUrl)}\" data-attribution=\"{H(map.Attribution)}\" data-max-zoom=\"{map.MaxZoom}\" data-zoom=\"{map.Zoom}\" hidden>"
            + $"<p id=\"harita-yardim\">{T("Map_Help")}</p>"
            + $"<div class=\"coordinate-map\" role=\"region\" aria-label=\"{T("Map_Label")}\" aria-describedby=\"harita-yardim\"></div>"
            + $"<p><button type=\"button\" data-take-center>{T("Map_TakeCentre")}</button></p></div>";
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
