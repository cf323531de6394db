using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Images.Derivatives;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Site.Accounts;
using HafizaIzmir.Site.Derived;
using HafizaIzmir.Site.Hosting;
using HafizaIzmir.Site.Katalog;
using HafizaIzmir.Tests.Site;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HafizaIzmir.Tests.Iiif;

/// <summary>
/// Tile requests come in bursts of dozens per view: the record behind them is read from storage once, and
/// a change to the record (withdrawn, sent back to draft) still closes its images within a poll or two.
/// </summary>
public sealed class ImageRecordCacheTests : IAsyncLifetime
{
    private const string Kept = "CACHE-1";
    private const string Withdrawn = "CACHE-2";
    private const string BackToDraft = "CACHE-3";

    private readonly TempDirectory _dir = new();
    private CountingBlobStore _store = null!;
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var options = new ArchiveOptions(_dir.Sub("data"));
        _store = new CountingBlobStore(options.CreateBlobStore());
        _app = HafizaHost.Build(options, configure: b =>
        {
            // The requests' execution context reaches the handlers, so reads they cause can be told apart from the
            // background workers' (derivatives, OCR, index), which read the same records at their own pace.
            b.WebHost.UseTestServer(o => o.PreserveExecutionContext = true);
            // Recognised text is a change to the record (its journal entry drops the cached copy), which is
            // not what this test is about.
            b.Configuration["Ocr:Workers"] = "0";
            b.Services.AddSingleton<IBlobStore>(_store);
        });
        var archive = _app.Services.GetRequiredService<HafizaIzmir.Archive.Storage.Archive>();
        await archive.Repository.InitializeAsync(Ct);
        var info = new CommitInfo("test", "seed");
        await archive.SaveRecordAsync(SampleRecords.Fonds, [], null, info, Ct);
        foreach (var identifier in new[] { Kept, Withdrawn, BackToDraft })
        {
            var file = new RecordFile
            {
                Path = "files/0001.png",
                OriginalName = "0001.png",
                MediaType = "image/png",
                Bytes = IiifFixture.Quadrants.Length,
                Sha512 = Convert.ToHexStringLower(SHA512.HashData(IiifFixture.Quadrants)),
                Width = 400,
                Height = 300,
            };
            var record = SampleRecords.Make(identifier, Level.Item, "Önbellek sınaması " + identifier, "SRR") with { Files = [file] };
            await archive.SaveRecordAsync(record, [new NewFile(file.Path, OcflContent.FromBytes(IiifFixture.Quadrants))], null, info, Ct);
        }
        await _app.StartAsync(Ct);
        await _app.Services.GetRequiredService<JournalFollower>().Ready.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        _client = _app.GetTestClient();
        var derivatives = _app.Services.GetRequiredService<DerivativeStore>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await derivatives.ExistsAsync(IiifFixture.Sha(IiifFixture.Quadrants), Ct))
        {
            Assert.True(DateTime.UtcNow < deadline, "the derivatives were not made within 60 seconds");
            await Task.Delay(100, Ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _dir.Dispose();
    }

    private async Task<HttpStatusCode> StatusAsync(string path)
    {
        using var response = await _client.GetAsync(path, Ct);
        return response.StatusCode;
    }

    [Fact]
    public async Task A_burst_of_tile_requests_reads_the_record_from_storage_once()
    {
        CountingBlobStore.Counting.Value = true;
        Assert.Equal(HttpStatusCode.OK, await StatusAsync($"/iiif/3/{Kept}~1/info.json"));
        // The first request of a record does read it, which shows that reads made for requests are counted.
        Assert.InRange(_store.InventoryReads, 1, 3);
        var before = _store.InventoryReads;
        foreach (var (x, y) in new[] { (0, 0), (256, 0), (0, 256), (256, 256) })
            foreach (var size in new[] { "144,", "72,", "max" })
                Assert.Equal(HttpStatusCode.OK, await StatusAsync($"/iiif/3/{Kept}~1/{x},{y},144,44/{size}/0/default.jpg"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync($"/iiif/3/{Kept}~1/info.json"));
        Assert.Equal(0, _store.InventoryReads - before);
    }

    [Fact]
    public async Task Images_of_a_withdrawn_or_unpublished_record_are_gone_within_seconds()
    {
        foreach (var identifier in new[] { Withdrawn, BackToDraft })
        {
            Assert.Equal(HttpStatusCode.OK, await StatusAsync($"/iiif/3/{identifier}~1/info.json"));
            Assert.Equal(HttpStatusCode.OK, await StatusAsync($"/iiif/3/{identifier}~1/0,0,200,150/max/0/default.jpg"));
        }

        var workflow = _app.Services.GetRequiredService<RecordWorkflow>();
        var archive = _app.Services.GetRequiredService<HafizaIzmir.Archive.Storage.Archive>();
        var withdrawn = (await archive.GetRecordAsync(Withdrawn, Ct))!;
        await workflow.WithdrawAsync(Withdrawn, withdrawn.Version, "yonetici", Role.Admin, "hak sahibinin isteği", Ct);
        var draft = (await archive.GetRecordAsync(BackToDraft, Ct))!;
        await archive.SaveRecordAsync(draft.Value with { State = WorkflowState.Draft }, [], draft.Version, new CommitInfo("test", "geri taslağa"), Ct);

        var clock = Stopwatch.StartNew();
        foreach (var identifier in new[] { Withdrawn, BackToDraft })
            foreach (var path in new[] { $"/iiif/3/{identifier}~1/info.json", $"/iiif/3/{identifier}~1/0,0,200,150/max/0/default.jpg" })
            {
                while (await StatusAsync(path) != HttpStatusCode.NotFound)
                {
                    Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"{path} was still served {clock.Elapsed.TotalSeconds:0.0} s after the change");
                    await Task.Delay(50, Ct);
                }
            }
        Assert.Equal(HttpStatusCode.OK, await StatusAsync($"/iiif/3/{Kept}~1/info.json"));
    }

    /// <summary>
    /// Counts reads of OCFL inventories, which is what fetching a record costs in storage, made in a context that
    /// has <see cref="Counting"/> set.
    /// </summary>
    private sealed class CountingBlobStore(IBlobStore inner) : IBlobStore
    {
        public static readonly AsyncLocal<bool> Counting = new();
        private long _inventoryReads;
        public long InventoryReads => Interlocked.Read(ref _inventoryReads);
        public string Description => inner.Description;

        public Task<BlobContent?> GetAsync(string key, CancellationToken ct = default)
        {
            if (Counting.Value && key.EndsWith("/inventory.json", StringComparison.Ordinal)) Interlocked.Increment(ref _inventoryReads);
            return inner.GetAsync(key, ct);
        }

        public Task<BlobProperties?> GetPropertiesAsync(string key, CancellationToken ct = default) => inner.GetPropertiesAsync(key, ct);
        public Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default) => inner.OpenReadAsync(key, ct);
        public Task<string> PutAsync(string key, Stream content, BlobCondition condition, CancellationToken ct = default) => inner.PutAsync(key, content, condition, ct);
        public IAsyncEnumerable<BlobProperties> ListAsync(string prefix, CancellationToken ct = default) => inner.ListAsync(prefix, ct);
        public Task DeleteAsync(string key, CancellationToken ct = default) => inner.DeleteAsync(key, ct);
        public Task FlushAsync(CancellationToken ct = default) => inner.FlushAsync(ct);
    }
}
