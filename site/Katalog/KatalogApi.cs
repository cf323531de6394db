using System.Text.Json;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Text;
using HafizaIzmir.Site.Derived;
using static HafizaIzmir.Site.Katalog.KatalogText;

namespace HafizaIzmir.Site.Katalog;

/// <summary>
/// Small JSON look-ups the describe form's script uses while a person types, under <c>/katalog/api</c> so
/// only signed-in accounts reach them: the human reading of an EDTF date, and parent records (fonds, series,
/// files, drafts included) by reference code or title.
/// </summary>
public static class KatalogApi
{
    public const int MaxParents = 15;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void MapKatalogApi(this WebApplication app)
    {
        var api = app.MapGroup("/katalog/api").RequireAuthorization(KatalogServices.Staff);

        api.MapGet("/tarih", (string? q) =>
        {
            var text = (q ?? "").Trim();
            if (text.Length == 0) return Results.Json(new DateReading(text, false, "", null), Json);
            return EdtfDate.TryParse(text, out var date, out var error)
                ? Results.Json(new DateReading(text, true, date.Describe(KatalogText.Current.Code), date.Describe("en")), Json)
                : Results.Json(new DateReading(text, false, $"{T("Date_NotEdtf")}: {error}", null), Json);
        });

        api.MapGet("/ust", (string? q, RecordTree tree) =>
        {
            var folded = TurkishText.Fold((q ?? "").Trim());
            if (folded.Length == 0) return Results.Json(Array.Empty<ParentChoice>(), Json);
            var found = tree.Matching(n => n.Level != Level.Item
                && (TurkishText.Fold(n.Identifier).StartsWith(folded, StringComparison.Ordinal) || TurkishText.Fold(n.Title).Contains(folded, StringComparison.Ordinal)), MaxParents);
            return Results.Json(found.Select(n => new ParentChoice(n.Identifier, n.Title, n.Level.Code())), Json);
        });
    }

    private sealed record DateReading(string Text, bool Valid, string Reading, string? ReadingEn);

    private sealed record ParentChoice(string Identifier, string Title, string Level);
}
