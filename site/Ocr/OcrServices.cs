using System.Text.Json;
using System.Text.Json.Serialization;
using HafizaIzmir.Archive.Derived;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Ocr;
using HafizaIzmir.Site.Derived;
using HafizaIzmir.Site.Hosting;
using HafizaIzmir.Site.Iiif;
using HafizaIzmir.Site.Katalog;
using HafizaIzmir.Site.Web;
using Microsoft.Extensions.Options;

namespace HafizaIzmir.Site.Ocr;

using Archive = HafizaIzmir.Archive.Storage.Archive;

/// <summary>
/// Full text from the scans: the journal-fed queue and page texts (for every host, so <c>reindex</c>
/// rebuilds them), the background recogniser, the IIIF Content Search endpoint and the catalogue's
/// suggestions and transcription pages.
/// </summary>
public static class OcrServices
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static IServiceCollection AddOcr(this IServiceCollection services, ArchiveOptions options)
    {
        services.AddOptions<OcrOptions>().Configure<IServiceProvider>((o, sp) => sp.GetService<IConfiguration>()?.GetSection(OcrOptions.Section).Bind(o));
        services.AddSingleton(sp => new TesseractEngine(sp.GetRequiredService<IOptions<OcrOptions>>().Value.ToSettings()));
        services.AddSingleton(sp => new OcrStore(sp.GetRequiredService<HafizaIzmir.Archive.Storage.IBlobStore>()));
        services.AddSingleton(sp => new OcrQueue(Path.Combine(options.DerivedDirectory, "ocr-queue"), firstBackoff:
            TimeSpan.FromSeconds(Math.Max(1, sp.GetRequiredService<IOptions<OcrOptions>>().Value.RetrySeconds))));
        services.AddSingleton(sp =>
        {
            var engine = sp.GetRequiredService<TesseractEngine>();
            return new RecordText(sp.GetRequiredService<Archive>(), sp.GetRequiredService<OcrStore>(), () => engine.InstalledModels);
        });
        services.AddSingleton(sp => new OcrFeed(sp.GetRequiredService<OcrQueue>(), sp.GetRequiredService<RecordText>(), sp.GetRequiredService<Archive>(),
            sp.GetRequiredService<RecordTree>(), options.DerivedDirectory));
        services.AddSingleton<IDerivedData>(sp => sp.GetRequiredService<OcrFeed>());
        services.AddSingleton<AuthoritySuggestions>();
        services.AddSingleton<OcrWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<OcrWorker>());
        return services;
    }

    public static void MapOcr(this WebApplication app)
    {
        app.MapGet("/iiif/search/{identifier}", ContentSearchAsync);
        app.MapGet("/katalog/api/records/{identifier}/suggestions", SuggestionsAsync).RequireAuthorization(KatalogServices.Staff);
        app.MapTranscriptionPages();
    }

    /// <summary>IIIF Content Search 2.0 over a published record's pages; anything unpublished is 404.</summary>
    private static async Task<IResult> ContentSearchAsync(string identifier, string? q, HttpContext http, Archive archive, RecordText text,
        ImageCatalog catalog, IOptions<IiifOptions> iiif, CancellationToken ct)
    {
        http.Response.Headers.AccessControlAllowOrigin = "*";
        var record = await PublicationGate.PublicRecordAsync(archive, identifier, ct);
        if (record is null || !ImageCatalog.Images(record).Any())
            return Results.Text($"there is no public manifest '{identifier}'\n", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        if (q is { Length: > SearchApi.MaxQueryLength })
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "q is too long", detail: $"at most {SearchApi.MaxQueryLength} characters");
        var sizes = new Dictionary<int, (int, int)>();
        foreach (var (page, _) in ImageCatalog.Images(record!))
        {
            var image = await catalog.FindAsync($"{record!.Identifier}~{page}", ct);
            sizes[page] = (image.Width, image.Height);
        }
        var hits = string.IsNullOrWhiteSpace(q) ? [] : ContentSearch.Find(q, await text.PagesAsync(record!, ct), page => sizes[page]);
        var baseUrl = ImageApi.BaseUrl(http.Request, iiif.Value);
        var escaped = Uri.EscapeDataString(record!.Identifier);
        var id = $"{baseUrl}/iiif/search/{escaped}?q={Uri.EscapeDataString(q ?? "")}";
        var body = ContentSearch.Page(id, $"{baseUrl}/iiif/manifest/{escaped}", hits).ToJsonString();
        return Results.Text(body, "application/ld+json;profile=\"http://iiif.io/api/search/2/context.json\"", System.Text.Encoding.UTF8);
    }

    /// <summary>The authorities named in a record's scans, for the describe form; drafts included (signed-in staff only).</summary>
    private static async Task<IResult> SuggestionsAsync(string identifier, Archive archive, RecordText text, AuthoritySuggestions suggestions, CancellationToken ct)
    {
        Record? record;
        try
        {
            record = (await archive.GetRecordAsync(identifier, ct))?.Value;
        }
        catch (ArgumentException)
        {
            record = null;
        }
        if (record is null)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Kayıt bulunamadı", detail: $"No record '{identifier}'.");
        var pages = await text.PagesAsync(record, ct);
        var found = suggestions.For(record, pages.Select(p => (p.Page, p.Text)));
        return Results.Json(new SuggestionsResponse(record.Identifier, pages.Count, found), Json);
    }

    private sealed record SuggestionsResponse(string Record, int PagesWithText, IReadOnlyList<AuthoritySuggestion> Suggestions);
}
