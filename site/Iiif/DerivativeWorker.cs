using HafizaIzmir.Archive.Images;
using HafizaIzmir.Archive.Images.Derivatives;

namespace HafizaIzmir.Site.Iiif;

using Archive = HafizaIzmir.Archive.Storage.Archive;

/// <summary>
/// Works through the derivative queue in the background, one master at a time (a pyramid of a large scan
/// already keeps a core busy). A job leaves the queue only when its derivatives exist or its master can
/// never yield any, so a stop at any point just means the job is redone at the next start.
/// </summary>
public sealed class DerivativeWorker(DerivativeQueue queue, DerivativeStore store, Archive archive, ILogger<DerivativeWorker> log) : BackgroundService
{
    public static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(5);

    /// <summary>Jobs finished since start (made or found already made), for tests and health.</summary>
    public int Completed => _completed;
    private int _completed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var retryLater = false;
            try
            {
                foreach (var job in queue.Pending())
                {
                    stoppingToken.ThrowIfCancellationRequested();
                    retryLater |= !await RunAsync(job, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Reading the derivative queue in {Directory} failed", queue.Directory);
                retryLater = true;
            }
            try
            {
                // After a failure wait the full interval so a broken store is not hammered; else wake on new work.
                await queue.WaitAsync(retryLater ? IdlePoll * 6 : IdlePoll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>True when the job is finished with (done, obsolete or hopeless); false to retry it later.</summary>
    public async Task<bool> RunAsync(DerivativeJob job, CancellationToken ct)
    {
        try
        {
            var made = await store.MakeAsync(job.Sha512, c => OpenMasterAsync(job, c), ct);
            if (made) log.LogInformation("Made the pyramid and thumbnail of {Record} {Path}", job.Record, job.Path);
            Finish(job);
            return true;
        }
        catch (MasterChangedException e)
        {
            // The journal has (or will have) a job for the file as it is now.
            log.LogInformation("Skipping {Record} {Path}: {Reason}", job.Record, job.Path, e.Message);
            Finish(job);
            return true;
        }
        catch (UnsupportedImageException e)
        {
            log.LogWarning("No derivatives for {Record} {Path}: {Reason}", job.Record, job.Path, e.Message);
            Finish(job);
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            log.LogError(e, "Making derivatives of {Record} {Path} failed; it will be retried", job.Record, job.Path);
            return false;
        }
    }

    private void Finish(DerivativeJob job)
    {
        queue.Complete(job);
        Interlocked.Increment(ref _completed);
    }

    /// <summary>Opens the file at the head version whose state still gives it the job's digest.</summary>
    private async Task<Stream> OpenMasterAsync(DerivativeJob job, CancellationToken ct)
    {
        var objectId = Archive.RecordPrefix + job.Record;
        var head = await archive.Repository.GetObjectAsync(objectId, ct) ?? throw new MasterChangedException("the record no longer exists");
        if (!head.State.TryGetValue(job.Path, out var sha) || !sha.Equals(job.Sha512, StringComparison.OrdinalIgnoreCase))
            throw new MasterChangedException("the file has been replaced or removed since the job was queued");
        return await archive.Repository.OpenFileAsync(objectId, job.Path, head.Head, ct)
            ?? throw new MasterChangedException("the file is missing from its version");
    }

    private sealed class MasterChangedException(string message) : Exception(message);
}
