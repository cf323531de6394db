using System.Diagnostics;
using System.Net;
using System.Text.Json;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Site.Accounts;
using HafizaIzmir.Site.Derived;
using HafizaIzmir.Tests.Site;
using Microsoft.Extensions.DependencyInjection;

namespace HafizaIzmir.Tests.Reliability;

/// <summary>
/// Storage going away under a running site: Azurite stopped in the middle of a cataloguer's edits, and a
/// filesystem store whose disk fills up. Every request meanwhile gets a clear 503 (never a 500 or a hang),
/// nothing acknowledged is lost, nothing half-written becomes visible, and once storage is back the same
/// process saves again, verifies clean and searches what was saved, without a restart.
/// </summary>
public sealed class StorageOutageTests
{
    private const int Items = 12;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Azurite_stopped_mid_write_gives_clear_errors_corrupts_nothing_and_recovers_when_it_returns()
    {
        if (PrivateAzurite.FindExecutable() is not { } executable)
        {
            Assert.Skip("Azurite is not installed in .tools/azurite (scripts/azurite.sh installs it)");
            return;
        }
        using var temp = new TempDirectory();
        await using var azurite = await PrivateAzurite.StartAsync(executable, temp.Sub("azurite"));
        await using var site = await SiteHost.StartAsync("azure", SeedAsync, blobConnection: azurite.ConnectionString);
        using var cataloguer = await KatalogBrowser.SignedInAsync(site, "kesinti", Role.Cataloguer);
        var writer = new Writer(cataloguer);
        var random = new Random(Environment.TickCount);

        await writer.EditForAsync(TimeSpan.FromMilliseconds(random.Next(300, 1500)), random, untilFailure: false);
        var stopping = azurite.StopAsync();
        // Edits go on while the service goes away: each is refused clearly, and the site stays up.
        var refused = await writer.EditForAsync(TimeSpan.FromSeconds(4), random, untilFailure: false);
        await stopping;
        refused += await writer.EditForAsync(TimeSpan.FromSeconds(2), random, untilFailure: false);
        Assert.True(writer.Refused > 0, "no edit was refused while storage was down");
        await AssertRefusesClearlyAsync(site, cataloguer);

        await azurite.StartAgainAsync();
        await AssertRecoversAsync(site, writer, random);
        TestContext.Current.TestOutputHelper?.WriteLine($"Azurite outage: {writer.Acknowledged.Count} records with acknowledged edits, {writer.Refused} edits refused with 503, {writer.Slowest.TotalMilliseconds:0} ms slowest answer");
    }

    [Fact]
    public async Task A_full_disk_gives_a_clear_error_corrupts_nothing_and_saving_resumes_when_space_returns()
    {
        using var temp = new TempDirectory();
        await using var disk = await SmallDisk.MountAsync(temp.Sub("disk"), megabytes: 64);
        if (disk.SkipReason is { } why)
        {
            Assert.Skip(why);
            return;
        }
        await using var site = await SiteHost.StartAsync("filesystem", SeedAsync, dataDirectory: Path.Combine(disk.Path, "data"));
        using var cataloguer = await KatalogBrowser.SignedInAsync(site, "dolu", Role.Cataloguer);
        var writer = new Writer(cataloguer);
        var random = new Random(Environment.TickCount);

        await writer.EditForAsync(TimeSpan.FromSeconds(1), random, untilFailure: true);
        var filled = disk.Fill();
        await writer.EditForAsync(TimeSpan.FromSeconds(3), random, untilFailure: false);
        Assert.True(writer.Refused > 0, $"no edit was refused on a full disk ({filled / 1024} KiB filled)");
        var post = await cataloguer.PostAsync("/katalog/kayit/OUT-0001", KatalogBrowser.Token(await cataloguer.HtmlAsync("/katalog/kayit/OUT-0001")),
            ("surum", await cataloguer.VersionAsync("/katalog/kayit/OUT-0001")), ("baslik", "Dolu diskte başlık"), ("tarih", "1923"),
            ("haklar", "http://rightsstatements.org/vocab/InC/1.0/"), ("duzey", "item"), ("ust", "OUT"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, post.StatusCode);
        Assert.Contains("Depolama alanı dolu", await post.Content.ReadAsStringAsync(Ct));
        // Reading needs no space: the public site and search go on answering.
        Assert.Equal(HttpStatusCode.OK, (await site.Client.GetAsync("/api/search?q=kesinti", Ct)).StatusCode);

        disk.Free();
        await AssertRecoversAsync(site, writer, random);
        TestContext.Current.TestOutputHelper?.WriteLine($"Full disk: {writer.Acknowledged.Count} records with acknowledged edits, {writer.Refused} edits refused with 503, {writer.Slowest.TotalMilliseconds:0} ms slowest answer");
    }

    /// <summary>Every surface answers 503 with Retry-After and says nothing was saved, in its own format.</summary>
    private static async Task AssertRefusesClearlyAsync(SiteHost site, KatalogBrowser cataloguer)
    {
        var ready = await site.Client.GetAsync("/readyz", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var page = await cataloguer.Client.GetAsync("/katalog/kayit/OUT-0001", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.NotNull(page.Headers.RetryAfter);
        Assert.Contains("İsteğiniz tamamlanamadı", await page.Content.ReadAsStringAsync(Ct));
        var api = await site.Client.GetAsync("/api/records/OUT-0002", Ct);
        Assert.True(api.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.OK, $"/api/records answered {(int)api.StatusCode}");
        if (api.StatusCode == HttpStatusCode.ServiceUnavailable)
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Back on line: saves work again in the same process, storage holds every acknowledged edit, verify is clean, search agrees.</summary>
    private static async Task AssertRecoversAsync(SiteHost site, Writer writer, Random random)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await site.Client.GetAsync("/readyz", Ct)).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, "the site did not report itself ready within 60 s of storage returning");
            await Task.Delay(250, Ct);
        }
        var before = writer.Acknowledged.Count;
        var refusedBefore = writer.Refused;
        await writer.EditForAsync(TimeSpan.FromSeconds(3), random, untilFailure: true);
        Assert.Equal(refusedBefore, writer.Refused);
        Assert.True(writer.Saves > 0, "no edit went through after storage returned");

        foreach (var (id, title) in writer.Acknowledged.ToList())
        {
            var stored = (await site.Archive.GetRecordAsync(id, Ct))!.Value.Title.Tr;
            Assert.True(stored == title || writer.InFlight.GetValueOrDefault(id)?.Contains(stored) == true,
                $"{id}: acknowledged '{title}' but storage says '{stored}'");
            writer.Acknowledged[id] = stored;
        }
        await foreach (var stored in site.Archive.ListRecordsAsync(Ct))
            Assert.False(string.IsNullOrEmpty(stored.Value.Title.Tr));
        var repository = site.Services.GetRequiredService<OcflRepository>();
        var report = await repository.VerifyAsync(repair: true, ct: Ct);
        report = await repository.VerifyAsync(repair: false, ct: Ct);
        Assert.True(report.IsValid, string.Join("\n", report.Errors.Select(e => $"{e.Where} {e.Code} {e.Message}")));

        foreach (var (id, title) in writer.Acknowledged.ToList())
        {
            var word = title.Split(' ')[^1];
            var searchDeadline = DateTime.UtcNow.AddSeconds(20);
            while (true)
            {
                using var hits = JsonDocument.Parse(await site.Client.GetStringAsync($"/api/search?q={word}", Ct));
                var found = hits.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("identifier").GetString()).ToList();
                if (found.SequenceEqual([id])) break;
                Assert.True(DateTime.UtcNow < searchDeadline, $"search for {word} gives [{string.Join(", ", found)}], storage has it on {id}");
                await Task.Delay(200, Ct);
            }
        }
    }

    private static async Task SeedAsync(HafizaIzmir.Archive.Storage.Archive archive)
    {
        var info = new CommitInfo("test", "seed");
        await archive.SaveRecordAsync(SampleRecords.Make("OUT", Level.Fonds, "Kesinti fonu"), [], null, info);
        for (var i = 1; i <= Items; i++)
            await archive.SaveRecordAsync(SampleRecords.Make($"OUT-{i:D4}", Level.Item, $"Kesinti belgesi {i}", "OUT", date: "1923"), [], null, info);
    }

    /// <summary>A cataloguer saving record titles one after another, and what the site answered.</summary>
    private sealed class Writer(KatalogBrowser browser)
    {
        private readonly HashSet<string> _prefixes = new(StringComparer.Ordinal);

        /// <summary>The last title each record was acknowledged with (a redirect after the save).</summary>
        public Dictionary<string, string> Acknowledged { get; } = [];

        /// <summary>Titles sent after the last acknowledged one and refused: storage may hold one of them, as a save may land just as the service goes.</summary>
        public Dictionary<string, List<string>> InFlight { get; } = [];
        public int Refused { get; private set; }
        public int Saves { get; private set; }
        public TimeSpan Slowest { get; private set; }

        /// <summary>Edits for <paramref name="duration"/>; every answer must be a save or a clear 503, never anything else.</summary>
        public async Task<int> EditForAsync(TimeSpan duration, Random random, bool untilFailure)
        {
            var refused = 0;
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < duration)
            {
                var id = $"OUT-{random.Next(1, Items + 1):D4}";
                var timer = Stopwatch.StartNew();
                var page = await browser.Client.GetAsync($"/katalog/kayit/{id}", Ct);
                if (page.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    Refuse(timer, untilFailure, $"GET {id}");
                    refused++;
                    continue;
                }
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                var html = await page.Content.ReadAsStringAsync(Ct);
                var title = "Kesinti belgesi " + Word(random);
                var post = await browser.PostAsync($"/katalog/kayit/{id}", KatalogBrowser.Token(html), ("surum", KatalogBrowser.Version(html)),
                    ("baslik", title), ("tarih", "1923"), ("haklar", "http://rightsstatements.org/vocab/InC/1.0/"), ("duzey", "item"), ("ust", "OUT"), ("neden", "kesinti sınaması"));
                if (post.StatusCode == HttpStatusCode.Redirect)
                {
                    Acknowledged[id] = title;
                    InFlight.Remove(id);
                    Saves++;
                    Slowest = timer.Elapsed > Slowest ? timer.Elapsed : Slowest;
                    continue;
                }
                Assert.True(post.StatusCode == HttpStatusCode.ServiceUnavailable, $"saving {id} answered {(int)post.StatusCode}: {await post.Content.ReadAsStringAsync(Ct)}");
                Assert.Contains("İsteğiniz tamamlanamadı", await post.Content.ReadAsStringAsync(Ct));
                if (!InFlight.TryGetValue(id, out var sent)) InFlight[id] = sent = [];
                sent.Add(title);
                Refuse(timer, untilFailure, $"POST {id}");
                refused++;
            }
            return refused;
        }

        private void Refuse(Stopwatch timer, bool untilFailure, string what)
        {
            Assert.False(untilFailure, $"{what} was refused after storage returned");
            Refused++;
            Slowest = timer.Elapsed > Slowest ? timer.Elapsed : Slowest;
            Assert.True(timer.Elapsed < TimeSpan.FromSeconds(15), $"{what} took {timer.Elapsed.TotalSeconds:0.0} s to be refused");
        }

        /// <summary>Ten letters whose first five no other word shares, so a search for one finds one record (search also matches five-letter prefixes).</summary>
        private string Word(Random random)
        {
            while (true)
            {
                var word = string.Concat(Enumerable.Range(0, 10).Select(_ => (char)('a' + random.Next(26))));
                if (_prefixes.Add(word[..5])) return word;
            }
        }
    }
}
