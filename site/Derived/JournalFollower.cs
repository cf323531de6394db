using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using HafizaIzmir.Archive.Derived;

namespace HafizaIzmir.Site.Derived;

/// <summary>
/// Keeps the derived data current while the site runs: rebuilds it at startup when it is missing or
/// unreadable, then polls the change journal and applies what is new. Restartable at any point.
/// </summary>
public sealed class JournalFollower(DerivedData derived, ILogger<JournalFollower> log, TimeSpan? pollInterval = null) : BackgroundService
{
    /// <summary>
    /// A publish must be searchable within two seconds on every replica, including changes saved by another
    /// process, so the journal is polled well inside that; a poll that finds nothing costs one listing.
    /// </summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMilliseconds(400);

    /// <summary>Configuration key (milliseconds) that overrides <see cref="DefaultPollInterval"/>.</summary>
    public const string PollIntervalSetting = "Hafiza:JournalPollMilliseconds";

    public TimeSpan PollInterval { get; } = pollInterval is { } p && p > TimeSpan.Zero ? p : DefaultPollInterval;

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the derived data has been loaded or rebuilt.</summary>
    public Task Ready => _ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await FollowAsync(stoppingToken);
        }
        finally
        {
            // Polls save at most every few seconds; what was applied since is saved on the way out.
            try
            {
                await derived.FlushAsync(CancellationToken.None);
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Saving the derived data on stop failed; the next start re-applies the journal from the saved position");
            }
        }
    }

    private async Task FollowAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!_ready.Task.IsCompleted)
                {
                    var stale = await derived.LoadAsync(stoppingToken);
                    if (stale.Count > 0)
                    {
                        log.LogWarning("Derived data in {Directory} is missing or unreadable ({Stores}); rebuilding it from blob storage",
                            derived.Directory, string.Join(", ", stale.Select(s => s.Name)));
                        await derived.RebuildAsync(stale, _ => new Progress<int>(), stoppingToken);
                        log.LogInformation("Derived data rebuilt");
                    }
                    _ready.TrySetResult();
                }
                var applied = await derived.CatchUpAsync(stoppingToken, saveNow: false);
                if (applied > 0) log.LogInformation("Applied {Count} journal changes to derived data", applied);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Storage may be briefly unreachable; the next round retries from the saved position.
                log.LogError(e, "Following the change journal failed; retrying");
            }
            try { await Task.Delay(PollInterval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
