using HafizaIzmir.Archive.Images;
using HafizaIzmir.Archive.Ocr;
using Microsoft.Extensions.Options;

namespace HafizaIzmir.Site.Ocr;

using Archive = HafizaIzmir.Archive.Storage.Archive;

/// <summary>
/// Recognises queued pages in the background, <see cref="OcrOptions.Workers"/> at a time, never inside a
/// request. A job leaves the queue only when its reading is stored (or its page is gone); a failed page is
/// marked with its error and retried later while the others go on; a stop at any point just means the
/// page is read at the next start. A stored reading is announced in the change journal, so the search
/// index and the catalogue pick the text up like any other change.
/// </summary>
public sealed class OcrWorker(OcrQueue queue, OcrStore store, TesseractEngine engine, Archive archive, IOptions<OcrOptions> options, ILogger<OcrWorker> log)
    : BackgroundService
{
    public static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(5);

    private readonly HashSet<string> _running = [];
    private int _completed;
    private int _failed;

    /// <summary>Pages stored since start, and failed attempts, for tests and health.</summary>
    public int Completed => _completed;
    public int Failed => _failed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = Math.Max(0, options.Value.Workers);
        if (workers == 0) return;
        await Task.Yield();
        if (engine.InstalledModels.Count == 0)
            log.LogWarning("OCR is off: '{Executable}' was not found or has no language data (install tesseract-ocr and tesseract-ocr-tur)", engine.Settings.Executable);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => LoopAsync(stoppingToken)));
    }

    private async Task LoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                while (Claim() is { } job)
                {
                    try { await RunAsync(job, ct); }
                    finally { lock (_running) _running.Remove(Name(job)); }
                }
                await queue.WaitAsync(IdlePoll, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Reading the OCR queue in {Directory} failed", queue.Directory);
                try { await Task.Delay(IdlePoll * 6, ct); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>The oldest due job no other worker of this process has taken.</summary>
    private OcrJob? Claim()
    {
        lock (_running)
        {
            var job = queue.Due().FirstOrDefault(j => !_running.Contains(Name(j)));
            if (job is not null) _running.Add(Name(job));
            return job;
        }
    }

    /// <summary>Reads one page; true when the job is finished with, false when it failed and waits for a retry.</summary>
    public async Task<bool> RunAsync(OcrJob job, CancellationToken ct)
    {
        try
        {
            var objectId = Archive.RecordPrefix + job.Record;
            var head = await archive.Repository.GetObjectAsync(objectId, ct);
            if (head is null || !head.State.TryGetValue(job.Path, out var sha) || !sha.Equals(job.Sha512, StringComparison.OrdinalIgnoreCase))
            {
                // The page was replaced or removed; the journal has (or will have) a job for what is there now.
                queue.Complete(job);
                return true;
            }
            if (!await store.ExistsAsync(job.Sha512, job.Models, ct))
            {
                await using var master = await archive.Repository.OpenFileAsync(objectId, job.Path, head.Head, ct)
                    ?? throw new OcrFailedException("the scan is missing from its version");
                var started = DateTimeOffset.UtcNow;
                var hocr = await engine.RecognizeAsync(master, job.Models.Split('+'), ct);
                await store.PutAsync(job.Sha512, job.Models, hocr, ct);
                log.LogInformation("Read page {Page} of {Record} with {Models} in {Seconds:0.0} s", job.Page, job.Record, job.Models, (DateTimeOffset.UtcNow - started).TotalSeconds);
            }
            queue.Complete(job);
            Interlocked.Increment(ref _completed);
            await archive.Journal.AppendAsync(objectId, head.Head, ct);
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            var reason = e is OcrFailedException or UnsupportedImageException ? e.Message : $"{e.GetType().Name}: {e.Message}";
            log.LogWarning("OCR of page {Page} of {Record} failed (attempt {Attempt}); it will be retried: {Reason}", job.Page, job.Record, job.Attempts + 1, reason);
            await queue.FailAsync(job, reason, ct);
            Interlocked.Increment(ref _failed);
            return false;
        }
    }

    private static string Name(OcrJob job) => $"{job.Record}\n{job.Page}\n{job.Sha512}\n{job.Models}";
}
