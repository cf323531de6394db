using HafizaIzmir.Archive.Storage;

namespace HafizaIzmir.Site.Web;

public static class HealthEndpoint
{
    /// <summary>A key that never exists: reading it proves the store answers without touching real data.</summary>
    private const string ProbeKey = "healthz/probe";

    public static void MapHealth(this IEndpointRouteBuilder app) => app.MapGet("/healthz", async (IBlobStore store, ILogger<IBlobStore> log, CancellationToken ct) =>
    {
        try
        {
            await store.GetPropertiesAsync(ProbeKey, ct);
            return Results.Json(new { status = "ok", storage = "reachable" });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Details stay in the log: they may name paths or accounts.
            log.LogError(e, "Health check: storage unreachable");
            return Results.Json(new { status = "unavailable", storage = "unreachable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    });
}
