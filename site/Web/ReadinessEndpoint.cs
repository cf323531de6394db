using HafizaIzmir.Archive.Derived;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Site.Derived;

namespace HafizaIzmir.Site.Web;

/// <summary>
/// <c>GET /readyz</c>: whether this instance should receive traffic. Unlike <c>/healthz</c> (is the process
/// alive and storage reachable) it also asks whether the derived data (search, OAI lists, browse tree) has
/// been loaded and has caught up with the change journal, so a fresh replica is not sent searches it would
/// answer from an empty index.
/// </summary>
public static class ReadinessEndpoint
{
    /// <summary>The oldest change not yet applied may be this old before the instance reports itself behind.</summary>
    public static readonly TimeSpan MaxLag = TimeSpan.FromSeconds(30);

    private const string ProbeKey = "healthz/probe";

    public static void MapReadiness(this IEndpointRouteBuilder app) => app.MapGet("/readyz", async (
        IBlobStore store, JournalFollower follower, DerivedData derived,
        ILogger<JournalFollower> log, CancellationToken ct) =>
    {
        try
        {
            await store.GetPropertiesAsync(ProbeKey, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Readiness: storage unreachable");
            return Results.Json(new { status = "unavailable", storage = "unreachable", derived = "unknown" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        if (!follower.Ready.IsCompleted)
            return Results.Json(new { status = "starting", storage = "reachable", derived = "loading" }, statusCode: StatusCodes.Status503ServiceUnavailable);

        var (pending, oldest) = await derived.BacklogAsync(ct);
        var lag = oldest is { } at ? DateTimeOffset.UtcNow - at : TimeSpan.Zero;
        var behind = lag > MaxLag;
        return Results.Json(new
        {
            status = behind ? "behind" : "ready",
            storage = "reachable",
            derived = behind ? "behind" : "current",
            pendingChanges = pending,
            lagSeconds = Math.Round(Math.Max(0, lag.TotalSeconds), 1),
        }, statusCode: behind ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    });
}
