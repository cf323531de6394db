using System.Text;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Site.Katalog;
using HafizaIzmir.Site.Public;

namespace HafizaIzmir.Site.Web;

/// <summary>
/// What a request answers when blob storage cannot be reached or the disk is full: 503 with
/// <c>Retry-After</c> and a message that nothing half-done is visible, instead of a bare 500. Writes are atomic
/// (a version is visible only once its inventory lands), so a request that fails here changed nothing a
/// reader can see; what a dead write leaves behind is removed by <c>verify --repair</c>. Browsers keep the
/// form that was sent, so a cataloguer goes back and sends it again once storage returns.
/// </summary>
public static class StorageOutage
{
    public const int RetryAfterSeconds = 10;

    public static WebApplication UseStorageOutage(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (BlobStoreUnavailableException e) when (!context.Response.HasStarted)
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StorageOutage))
                    .LogError("{Method} {Path} failed: storage unavailable: {Reason}", context.Request.Method, context.Request.Path, e.Message);
                await AnswerAsync(context, e.DiskFull);
            }
        });
        return app;
    }

    private static Task AnswerAsync(HttpContext context, bool diskFull)
    {
        var response = context.Response;
        response.Clear();
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        var language = SiteLanguage.Of(context.Request);
        var title = language[diskFull ? "Outage_DiskFull_Title" : "Outage_Title"];
        var text = language["Outage_Text"];
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/iiif") || path.StartsWithSegments("/katalog/api"))
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: title, detail: text).ExecuteAsync(context);
        if (path.StartsWithSegments("/oai"))
            return Results.Text($"{title} {text}", "text/plain; charset=utf-8", Encoding.UTF8, StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context);
        var page = $"<!DOCTYPE html><html lang=\"{language.Code}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + $"<title>{KatalogPage.H(title)} · Hafıza İzmir</title></head><body><main><h1>{KatalogPage.H(title)}</h1>"
            + $"<p role=\"alert\">{KatalogPage.H(text)}</p></main></body></html>";
        return Results.Content(page, "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context);
    }
}
