using System.Text.Json;

namespace HafizaIzmir.Archive.Ocr;

/// <summary>One page to recognise: the record's file, the digest it must still have, and the models to use.</summary>
public sealed record OcrJob(string Record, int Page, string Path, string Sha512, string Models)
{
    /// <summary>Failed attempts so far; the job waits until <see cref="NotBefore"/> before the next.</summary>
    public int Attempts { get; init; }
    public DateTimeOffset? NotBefore { get; init; }
    public string? LastError { get; init; }

    public bool Failed => Attempts > 0;
}

/// <summary>
/// Durable queue of <see cref="OcrJob"/>s: one small file per page of a record (with its digest and models) in a local
/// directory, written whole (write beside, rename) and removed only when the reading is stored. Jobs still
/// there at a restart simply run then. A failed job stays, marked with its error, and is retried after a
/// growing pause, while the jobs behind it go on.
/// </summary>
public sealed class OcrQueue(string directory, TimeProvider? clock = null, TimeSpan? firstBackoff = null)
{
    private const string Extension = ".job";
    /// <summary>First pause after a failure; it doubles with every further failure up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; } = firstBackoff ?? TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(6);

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly SemaphoreSlim _signal = new(0);

    public string Directory { get; } = directory;

    /// <summary>Adds the job unless the same reading is already queued (a failed one keeps its state).</summary>
    public async Task EnqueueAsync(OcrJob job, CancellationToken ct = default)
    {
        var path = PathOf(job);
        if (File.Exists(path)) return;
        await WriteAsync(path, job with { Attempts = 0, NotBefore = null, LastError = null }, ct);
        if (_signal.CurrentCount == 0) _signal.Release();
    }

    /// <summary>Every queued job, oldest first (a failed job goes behind the others); unreadable leftovers are removed.</summary>
    public IReadOnlyList<OcrJob> All()
    {
        if (!System.IO.Directory.Exists(Directory)) return [];
        var jobs = new List<OcrJob>();
        foreach (var file in new DirectoryInfo(Directory).GetFiles("*" + Extension).OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal))
        {
            try
            {
                if (JsonSerializer.Deserialize<OcrJob>(File.ReadAllBytes(file.FullName)) is { } job) jobs.Add(job);
            }
            catch (JsonException)
            {
                file.Delete();
            }
            catch (IOException)
            {
                // Completed by another worker meanwhile.
            }
        }
        return jobs;
    }

    /// <summary>Jobs that may run now: never failed, or whose pause after the last failure is over.</summary>
    public IReadOnlyList<OcrJob> Due()
    {
        var now = _clock.GetUtcNow();
        return [.. All().Where(j => j.NotBefore is not { } t || t <= now)];
    }

    /// <summary>The queued jobs of one record (for showing which pages wait or failed).</summary>
    public IReadOnlyList<OcrJob> Of(string record) => [.. All().Where(j => j.Record == record)];

    public void Complete(OcrJob job) => File.Delete(PathOf(job));

    /// <summary>Marks the job failed with <paramref name="error"/> and schedules its retry.</summary>
    public async Task FailAsync(OcrJob job, string error, CancellationToken ct = default)
    {
        var attempts = job.Attempts + 1;
        var pause = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks << Math.Min(attempts - 1, 20)));
        var path = PathOf(job);
        if (!File.Exists(path)) return;
        await WriteAsync(path, job with { Attempts = attempts, NotBefore = _clock.GetUtcNow() + pause, LastError = error }, ct);
    }

    /// <summary>Waits until something is enqueued in this process or <paramref name="timeout"/> passes.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct) => await _signal.WaitAsync(timeout, ct);

    private static async Task WriteAsync(string path, OcrJob job, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var temp = path + $".{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temp, JsonSerializer.SerializeToUtf8Bytes(job), ct);
        File.Move(temp, path, overwrite: true);
    }

    private string PathOf(OcrJob job)
    {
        // The digest and models are validated here and identifiers by the archive, so all are safe in a file name.
        OcrStore.Key(job.Sha512, job.Models);
        return System.IO.Path.Combine(Directory, $"{Storage.Archive.Checked(job.Record)}-{job.Page}-{job.Sha512[..32]}-{job.Models}{Extension}");
    }
}
