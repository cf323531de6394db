using System.Text.Json;

namespace HafizaIzmir.Archive.Images.Derivatives;

/// <summary>One master to make derivatives for: which record's file it is and the digest it must have.</summary>
public sealed record DerivativeJob(string Record, string Path, string Sha512);

/// <summary>
/// Durable queue of <see cref="DerivativeJob"/>s: one small file per master digest in a directory, written
/// whole (write beside, rename) and removed only when the job is done. Enqueuing the same master twice is
/// one job; a job enqueued and not done before a stop is still there at the next start.
/// </summary>
public sealed class DerivativeQueue
{
    private const string Extension = ".job";
    private readonly SemaphoreSlim _signal = new(0);

    public DerivativeQueue(string directory) => Directory = directory;

    public string Directory { get; }

    public async Task EnqueueAsync(DerivativeJob job, CancellationToken ct = default)
    {
        var path = PathOf(job.Sha512);
        if (File.Exists(path)) return;
        System.IO.Directory.CreateDirectory(Directory);
        var temp = path + $".{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temp, JsonSerializer.SerializeToUtf8Bytes(job), ct);
        File.Move(temp, path, overwrite: true);
        if (_signal.CurrentCount == 0) _signal.Release();
    }

    /// <summary>Jobs not yet completed, oldest first; unreadable leftovers are removed.</summary>
    public IReadOnlyList<DerivativeJob> Pending()
    {
        if (!System.IO.Directory.Exists(Directory)) return [];
        var jobs = new List<DerivativeJob>();
        foreach (var file in new DirectoryInfo(Directory).GetFiles("*" + Extension).OrderBy(f => f.LastWriteTimeUtc))
        {
            try
            {
                if (JsonSerializer.Deserialize<DerivativeJob>(File.ReadAllBytes(file.FullName)) is { } job) jobs.Add(job);
            }
            catch (Exception e) when (e is JsonException or IOException)
            {
                file.Delete();
            }
        }
        return jobs;
    }

    public void Complete(DerivativeJob job) => File.Delete(PathOf(job.Sha512));

    /// <summary>Waits until something is enqueued in this process or <paramref name="timeout"/> passes.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct) => await _signal.WaitAsync(timeout, ct);

    private string PathOf(string sha512)
    {
        DerivativeStore.Key(sha512, "check"); // validates the digest, so it is safe as a file name
        return System.IO.Path.Combine(Directory, sha512 + Extension);
    }
}
