using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Tests.Site;
using static HafizaIzmir.Tests.Oai.OaiClient;

namespace HafizaIzmir.Tests.Oai;

/// <summary>The OAI-PMH endpoint of the real host over the imported demo collection, kept current by the journal.</summary>
public sealed class HostHarvestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<string>> PublishedIdentifiersAsync(HafizaIzmir.Archive.Storage.Archive archive)
    {
        var ids = new List<string>();
        await foreach (var r in archive.ListRecordsAsync(Ct))
            if (r.Value.State == WorkflowState.Published) ids.Add(r.Value.Identifier);
        return ids;
    }

    [Fact]
    public async Task A_full_harvest_in_both_formats_validates_and_shows_published_records_only()
    {
        using var dir = new TempDirectory();
        await using var site = await OaiSite.StartAsync(dir.Sub("data"), OaiSite.SeedDemoAsync);
        var published = await PublishedIdentifiersAsync(site.Archive);
        Assert.InRange(published.Count, 90, 130);

        foreach (var prefix in new[] { "oai_dc", "edm" })
        {
            var records = await site.HarvestAsync("ListRecords", prefix);
            Assert.Equal(published.Order(StringComparer.Ordinal), records.Select(r => r.Identifier).Order(StringComparer.Ordinal));
            Assert.DoesNotContain(records, r => r.Deleted);
        }
        var identifiers = await site.HarvestAsync("ListIdentifiers", "edm", "set=fonds:SRR");
        Assert.Equal(published.Count, identifiers.Count);

        Assert.Equal("idDoesNotExist", ErrorCode(await site.Get($"verb=GetRecord&metadataPrefix=edm&identifier=oai:hafiza.izmir:{OaiSite.DraftId}")));
        var sets = (await site.Get("verb=ListSets")).Descendants(OaiNs + "setSpec").Select(s => s.Value).ToList();
        Assert.Contains("fonds:SRR", sets);
        Assert.Contains("europeana", sets);
        Assert.Contains(sets, s => s.StartsWith("fonds:SRR:series:", StringComparison.Ordinal));

        // The protocol's POST form gives the same answer as GET.
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["verb"] = "GetRecord", ["metadataPrefix"] = "oai_dc", ["identifier"] = "oai:hafiza.izmir:SRR" });
        var posted = await site.Client.PostAsync("/oai", form, Ct);
        Assert.Equal("text/xml; charset=utf-8", posted.Content.Headers.ContentType?.ToString());
        Assert.Equal("SRR", OaiSite.Headers(XDocument.Parse(await posted.Content.ReadAsStringAsync(Ct))).Single().Identifier);
    }

    [Fact]
    public async Task Each_published_record_shows_its_tiers_and_what_would_raise_them()
    {
        using var dir = new TempDirectory();
        await using var site = await OaiSite.StartAsync(dir.Sub("data"), OaiSite.SeedDemoAsync);
        var response = await site.Client.GetAsync("/api/records/SRR/tiers", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(["media", "rights", "language", "enabling elements", "contextual classes"],
            findings.Select(f => f.GetProperty("criterion").GetString()));
        Assert.All(findings, f => Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("why").GetString())));
        // InC permits no reuse, so the rights criterion holds the fonds at content tier 2 and says what would raise it.
        var rights = findings.Single(f => f.GetProperty("criterion").GetString() == "rights");
        Assert.Equal("2", rights.GetProperty("tier").GetString());
        Assert.Contains("tier 3", rights.GetProperty("toRaise").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client.GetAsync($"/api/records/{OaiSite.DraftId}/tiers", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client.GetAsync("/api/records/NOPE/tiers", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_record_changed_during_a_harvest_is_delivered_again_and_none_is_skipped()
    {
        using var dir = new TempDirectory();
        await using var site = await OaiSite.StartAsync(dir.Sub("data"), OaiSite.SeedDemoAsync);
        var published = await PublishedIdentifiersAsync(site.Archive);
        string? alreadySeen = null, notYetSeen = null;
        var seen = await site.HarvestAsync("ListIdentifiers", "oai_dc", betweenPages: async page =>
        {
            if (page != 1) return;
            var first = OaiSite.Headers(await site.Get("verb=ListIdentifiers&metadataPrefix=oai_dc")).ToList();
            // An item: a fonds' or series' new title reaches everything below it, which would be delivered again too.
            foreach (var h in first)
                if ((await site.Archive.GetRecordAsync(h.Identifier, Ct))!.Value.Level == Level.Item) alreadySeen ??= h.Identifier;
            notYetSeen = (await Task.WhenAll(published.Where(id => first.All(h => h.Identifier != id))
                .Select(async id => (await site.Archive.GetRecordAsync(id, Ct))!.Value))).First(r => r.Level == Level.Item).Identifier;
            foreach (var id in new[] { alreadySeen!, notYetSeen })
            {
                var before = await site.HeaderAsync(id);
                var current = await site.Archive.GetRecordAsync(id, Ct);
                await site.Archive.SaveRecordAsync(current!.Value with { Title = new LocalizedText(current.Value.Title.Tr + " (düzeltildi)") }, [],
                    current.Version, new CommitInfo("test", "edit during harvest"), Ct);
                var after = await site.WaitForAsync(id, h => h is not null && h.Datestamp != before!.Datestamp);
                await OaiSite.SettleAsync(after.Datestamp);
            }
        });
        Assert.Equal(published.Order(StringComparer.Ordinal), seen.Select(h => h.Identifier).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(2, seen.Count(h => h.Identifier == alreadySeen));
        Assert.Single(seen, h => h.Identifier == notYetSeen);
        Assert.Equal(published.Count + 1, seen.Count);
    }

    [Fact]
    public async Task Renames_and_withdrawals_move_datestamps_and_survive_a_restart()
    {
        using var dir = new TempDirectory();
        var data = dir.Sub("data");
        List<Harvested> before;
        string tokenFromFirstHost;
        string withdrawn;
        await using (var site = await OaiSite.StartAsync(data, OaiSite.SeedDemoAsync))
        {
            // Rename a person: every published record linking to it is disseminated anew.
            Authority? person = null;
            await foreach (var a in site.Archive.ListAuthoritiesAsync(Ct))
                if (a.Value.Name == "Şerif Remzi Reyent") person = a.Value;
            Assert.NotNull(person);
            var linked = new List<string>();
            await foreach (var r in site.Archive.ListRecordsAsync(Ct))
                if (r.Value.State == WorkflowState.Published && r.Value.Authorities.Any(l => l.AuthorityId == person.Id)) linked.Add(r.Value.Identifier);
            Assert.True(linked.Count >= 3, "the demo person should be linked to several records");
            var old = (await site.HarvestAsync("ListIdentifiers", "oai_dc")).ToDictionary(h => h.Identifier);
            // The rename's datestamps must fall in a later second than any the import gave, or from= would
            // also select records that merely share that second.
            await OaiSite.SettleAsync(old.Values.Max(h => h.Datestamp)!);
            var stored = await site.Archive.GetAuthorityAsync(person.Id, Ct);
            await site.Archive.SaveAuthorityAsync(person with { Name = "Şerif Remzi Reyent Bey" }, stored!.Version, new CommitInfo("test", "rename"), Ct);
            var bumped = new List<Harvested>();
            foreach (var id in linked) bumped.Add(await site.WaitForAsync(id, h => h!.Datestamp != old[id].Datestamp));
            var from = bumped.Min(h => h.Datestamp)!;
            await OaiSite.SettleAsync(bumped.Max(h => h.Datestamp)!);
            var selected = await site.HarvestAsync("ListIdentifiers", "oai_dc", $"from={from}");
            Assert.Equal(linked.Order(StringComparer.Ordinal), selected.Select(h => h.Identifier).Order(StringComparer.Ordinal));
            var until = DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture).AddSeconds(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
            Assert.DoesNotContain((await site.HarvestAsync("ListIdentifiers", "oai_dc", $"until={until}")).Select(h => h.Identifier), linked.Contains);
            var edm = await site.Get($"verb=GetRecord&metadataPrefix=edm&identifier=oai:hafiza.izmir:{linked[0]}");
            Assert.Contains("Şerif Remzi Reyent Bey", edm.Descendants().Where(e => e.Name.LocalName == "prefLabel").Select(e => e.Value));

            // Withdraw one: a deleted header from then on, in lists and GetRecord alike.
            withdrawn = linked[^1];
            var published = await site.HeaderAsync(withdrawn);
            var current = await site.Archive.GetRecordAsync(withdrawn, Ct);
            await site.Archive.SaveRecordAsync(current!.Value with { State = WorkflowState.Withdrawn }, [], current.Version, new CommitInfo("test", "withdraw"), Ct);
            // Until the follower applies the withdrawal, a read of the record already answers "deleted" (the
            // publication gate decides), but with the old datestamp; the applied change gives it a new one.
            var deleted = await site.WaitForAsync(withdrawn, h => h is { Deleted: true } && h.Datestamp != published!.Datestamp);
            await OaiSite.SettleAsync(deleted.Datestamp);
            Assert.Equal("noMetadataFormats", ErrorCode(await site.Get($"verb=ListMetadataFormats&identifier=oai:hafiza.izmir:{withdrawn}")));
            var records = await site.HarvestAsync("ListRecords", "edm", $"from={deleted.Datestamp}");
            Assert.Contains(new Harvested(withdrawn, deleted.Datestamp, true), records);

            before = await site.HarvestAsync("ListIdentifiers", "oai_dc");
            tokenFromFirstHost = Token(await site.Get("verb=ListIdentifiers&metadataPrefix=oai_dc"))!.Value;
        }

        await using (var restarted = await OaiSite.StartAsync(data))
        {
            Assert.Equal(before, await restarted.HarvestAsync("ListIdentifiers", "oai_dc"));
            Assert.True((await restarted.HeaderAsync(withdrawn))!.Deleted);
            // The token key lives in blob storage, so a token outlives the process that issued it.
            var next = await restarted.Get("verb=ListIdentifiers&resumptionToken=" + Uri.EscapeDataString(tokenFromFirstHost));
            Assert.Null(ErrorCode(next));
            Assert.Equal(before.Skip(OaiSite.PageSize).Take(OaiSite.PageSize), OaiSite.Headers(next));
        }
    }
}
