using HafizaIzmir.Archive.Derived;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Images.Derivatives;
using HafizaIzmir.Site.Web;

namespace HafizaIzmir.Site.Iiif;

using Archive = HafizaIzmir.Archive.Storage.Archive;

/// <summary>
/// Feeds the derivative queue from the change journal: every image of a published record becomes a job.
/// Only enqueues; <see cref="DerivativeWorker"/> does the work in the background. Its state is the queue
/// itself and the derivatives in blob storage, so there is nothing to load or save here, and a rebuild
/// (<c>reindex</c>) enqueues every published image again (those already made are skipped cheaply).
/// </summary>
public sealed class DerivativeFeed(DerivativeQueue queue) : IDerivedData
{
    public string Name => "image derivatives (queued)";

    public Task<bool> LoadAsync(CancellationToken ct) => Task.FromResult(true);

    public async Task RebuildAsync(Archive archive, IProgress<int> progress, CancellationToken ct)
    {
        var done = 0;
        await foreach (var record in archive.ListRecordsAsync(ct))
        {
            await EnqueueAsync(record.Value, ct);
            progress.Report(++done);
        }
    }

    public async Task ApplyAsync(ArchiveChange change, CancellationToken ct)
    {
        if (change.Record is { } record) await EnqueueAsync(record, ct);
    }

    public Task SaveAsync(CancellationToken ct) => Task.CompletedTask;

    private async Task EnqueueAsync(Record record, CancellationToken ct)
    {
        if (!PublicationGate.IsPublic(record)) return;
        foreach (var (_, file) in ImageCatalog.Images(record))
            await queue.EnqueueAsync(new DerivativeJob(record.Identifier, file.Path, file.Sha512), ct);
    }
}
