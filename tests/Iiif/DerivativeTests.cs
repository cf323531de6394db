using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Images;
using HafizaIzmir.Archive.Images.Derivatives;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Site.Hosting;
using HafizaIzmir.Site.Iiif;
using HafizaIzmir.Tests.Site;
using Microsoft.Extensions.Logging.Abstractions;
using NetVips;

namespace HafizaIzmir.Tests.Iiif;

public class DerivativeTests
{
    private static readonly byte[] Scan = SyntheticScan.Render(1600, 1200, seed: 11, "Kemeraltı", ScanFormat.Jpeg);

    private sealed class World : IDisposable
    {
        public readonly TempDirectory Dir = new();
        public readonly ArchiveOptions Options;
        public readonly IBlobStore Blobs;
        public readonly HafizaIzmir.Archive.Storage.Archive Archive;
        public readonly DerivativeStore Store;

        public World()
        {
            Options = new ArchiveOptions(Dir.Sub("data"));
            Blobs = Options.CreateBlobStore();
            var repository = new OcflRepository(Blobs);
            repository.InitializeAsync().GetAwaiter().GetResult();
            Archive = new HafizaIzmir.Archive.Storage.Archive(repository, new ChangeJournal(Blobs));
            Store = NewStore();
        }

        public DerivativeStore NewStore() => new(Blobs, new VipsImageEngine(), IiifServices.CacheDirectory(Options));
        public DerivativeQueue NewQueue() => new(IiifServices.QueueDirectory(Options));
        public DerivativeWorker NewWorker(DerivativeQueue queue) => new(queue, NewStore(), Archive, NullLogger<DerivativeWorker>.Instance);

        public async Task SaveAsync(string identifier, WorkflowState state, byte[] scan)
        {
            var file = new RecordFile
            {
                Path = "files/0001.jpg",
                OriginalName = "a.jpg",
                MediaType = "image/jpeg",
                Bytes = scan.Length,
                Sha512 = IiifFixture.Sha(scan),
                Width = 1600,
                Height = 1200,
            };
            var head = await Archive.GetRecordAsync(identifier);
            await Archive.SaveRecordAsync(SampleRecords.Make(identifier, Level.Item, "Tarama", state: state) with { Files = [file] },
                [new NewFile(file.Path, OcflContent.FromBytes(scan))], head?.Version, new CommitInfo("test", "scan"));
        }

        public void Dispose() => Dir.Dispose();
    }

    [Fact]
    public async Task A_job_interrupted_before_it_finished_is_redone_after_a_restart()
    {
        using var world = new World();
        var ct = TestContext.Current.CancellationToken;
        await world.SaveAsync("D-1", WorkflowState.Published, Scan);
        await world.SaveAsync("D-2", WorkflowState.Draft, SyntheticScan.Render(300, 200, 3, "taslak"));

        // First run: the journal feed enqueues, then the process stops before the work is done.
        var queue = world.NewQueue();
        await new DerivativeFeed(queue).RebuildAsync(world.Archive, new Progress<int>(), ct);
        var job = Assert.Single(queue.Pending()); // the draft's scan is not queued
        Assert.Equal(("D-1", IiifFixture.Sha(Scan)), (job.Record, job.Sha512));
        using (var stopped = new CancellationTokenSource())
        {
            await stopped.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => world.NewWorker(queue).RunAsync(job, stopped.Token));
        }
        Assert.False(await world.Store.ExistsAsync(job.Sha512, ct));

        // Next start: a fresh queue over the same directory still holds the job, and the worker does it.
        var restarted = world.NewQueue();
        Assert.Equal(job, Assert.Single(restarted.Pending()));
        var worker = world.NewWorker(restarted);
        await worker.StartAsync(ct);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (restarted.Pending().Count > 0 && DateTime.UtcNow < deadline) await Task.Delay(50, ct);
        await worker.StopAsync(ct);
        Assert.Empty(restarted.Pending());
        Assert.True(await world.Store.ExistsAsync(job.Sha512, ct));

        // The stored pyramid is tiled 256×256 with halving levels down to a tile, outside the OCFL objects.
        var pyramid = await world.Blobs.GetAsync(DerivativeStore.Key(job.Sha512, DerivativeStore.PyramidName), ct);
        Assert.StartsWith("derived/", DerivativeStore.Key(job.Sha512, DerivativeStore.PyramidName));
        using var top = Image.NewFromBuffer(pyramid!.Bytes);
        Assert.Equal((1600, 1200), (top.Width, top.Height));
        Assert.Equal(256, (int)top.Get("tile-width"));
        Assert.True((int)top.Get("n-pages") >= 3, $"{top.Get("n-pages")} levels");
        var thumbnail = await world.Store.ThumbnailAsync(job.Sha512, ct);
        using var thumb = Image.NewFromBuffer(thumbnail!);
        Assert.Equal((400, 300), (thumb.Width, thumb.Height));

        // Unchanged masters are never redone.
        Assert.False(await world.NewStore().MakeAsync(job.Sha512, _ => throw new InvalidOperationException("must not read the master"), ct));
    }

    [Fact]
    public async Task The_pyramid_is_fetched_into_the_local_cache_when_missing_there()
    {
        using var world = new World();
        var ct = TestContext.Current.CancellationToken;
        var sha = IiifFixture.Sha(Scan);
        Assert.Null(await world.Store.PyramidPathAsync(sha, ct));
        Assert.True(await world.Store.MakeAsync(sha, _ => Task.FromResult<Stream>(new MemoryStream(Scan)), ct));
        var local = await world.Store.PyramidPathAsync(sha, ct);
        Assert.True(File.Exists(local));
        File.Delete(local!);
        var fetched = await world.Store.PyramidPathAsync(sha, ct);
        Assert.Equal(local, fetched);
        Assert.Equal((await world.Blobs.GetAsync(DerivativeStore.Key(sha, DerivativeStore.PyramidName), ct))!.Bytes, await File.ReadAllBytesAsync(fetched!, ct));
    }

    [Fact]
    public async Task A_job_for_a_replaced_master_is_dropped_without_making_anything()
    {
        using var world = new World();
        var ct = TestContext.Current.CancellationToken;
        await world.SaveAsync("D-1", WorkflowState.Published, Scan);
        var queue = world.NewQueue();
        await new DerivativeFeed(queue).RebuildAsync(world.Archive, new Progress<int>(), ct);
        var job = Assert.Single(queue.Pending());
        await world.SaveAsync("D-1", WorkflowState.Published, SyntheticScan.Render(800, 600, 5, "yeni"));
        Assert.True(await world.NewWorker(queue).RunAsync(job, ct));
        Assert.Empty(queue.Pending());
        Assert.False(await world.Store.ExistsAsync(job.Sha512, ct));
    }

    [Fact]
    public async Task A_job_whose_record_is_gone_does_not_block_the_queue()
    {
        using var world = new World();
        var ct = TestContext.Current.CancellationToken;
        var notAnImage = "%PDF-1.4 gone"u8.ToArray();
        var queue = world.NewQueue();
        var job = new DerivativeJob("X-1", "files/0001.jpg", IiifFixture.Sha(notAnImage));
        await queue.EnqueueAsync(job, ct);
        await queue.EnqueueAsync(job, ct);
        Assert.Single(queue.Pending());
        // The record does not exist: the job is finished with, not retried forever.
        Assert.True(await world.NewWorker(queue).RunAsync(job, ct));
        Assert.Empty(queue.Pending());
    }
}
