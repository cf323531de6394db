using System.Text.Json;
using System.Text.Json.Serialization;

namespace HafizaIzmir.Site.Web;

using Archive = HafizaIzmir.Archive.Storage.Archive;

public static class RecordApi
{
    /// <summary>
    /// Turkish letters stay readable (served as application/json, never embedded in HTML, so the relaxed
    /// encoder's only risk does not arise).
    /// </summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void MapRecordApi(this IEndpointRouteBuilder app) => app.MapGet("/api/records/{identifier}", async (string identifier, Archive archive, CancellationToken ct) =>
    {
        var record = (await archive.GetRecordAsync(identifier, ct))?.Value;
        if (!PublicationGate.IsPublic(record))
            // Drafts and absent records answer alike, so the API does not reveal what is being catalogued.
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Kayıt bulunamadı", detail: $"No published record '{identifier}'.");
        // Staff names are internal; the public record leaves them out.
        return Results.Json(record! with { CreatedBy = null, ChangedBy = null }, Json);
    });
}
