using System.Net;
using System.Xml.Linq;
using HafizaIzmir.Tests.Site;

namespace HafizaIzmir.Tests.Reliability;

/// <summary>
/// Drafts, records in review and withdrawn records never appear on a public surface: every public GET
/// endpoint of the routing table is asked for each of them, and every public answer is searched for their
/// marker words (pages, search, suggestions, JSON-LD, OAI-PMH, IIIF images, thumbnails and manifests, and
/// any sitemap or other public endpoint added later).
/// </summary>
public sealed class PublicSurfaceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Hidden_records_never_appear_on_any_public_surface()
    {
        await using var site = await SiteHost.StartAsync("filesystem", GuardedArchive.SeedAsync);
        var publicGets = RouteEntry.Of(site.Services)
            .Where(r => r.Method == "GET" && AuthorizationMatrixTests.Expected.GetValueOrDefault(r.Key) == AuthorizationMatrixTests.Access.Public)
            .ToList();
        var failures = new List<string>();
        var requests = 0;

        // A redirect is followed (within the site); a search page may echo its own query, so that word is not counted.
        async Task<(HttpStatusCode Status, string Body)> GetAsync(string url, string? echoed = null)
        {
            requests++;
            using var response = await site.Client.GetAsync(url, Ct);
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location && !location.IsAbsoluteUri)
                return await GetAsync(location.ToString(), echoed);
            var body = System.Text.Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(Ct));
            foreach (var marker in GuardedArchive.Markers)
                if (marker != echoed && body.Contains(marker, StringComparison.OrdinalIgnoreCase)) failures.Add($"{url} shows '{marker}'");
            if ((int)response.StatusCode >= 500) failures.Add($"{url}: {(int)response.StatusCode}");
            return (response.StatusCode, body);
        }

        // Each record-naming public endpoint, asked for each hidden record: not found.
        foreach (var route in publicGets.Where(r => r.ParameterNames.Any(p => RouteSamples.NamesRecord(r, p))))
        {
            foreach (var (identifier, _, _) in GuardedArchive.Hidden)
            {
                var url = route.Fill(p => RouteSamples.For(route, p, identifier)!);
                var (status, _) = await GetAsync(url);
                if (status != HttpStatusCode.NotFound) failures.Add($"{url}: {(int)status}, expected 404");
            }
        }

        // Every public endpoint with public values, and searches for the hidden records' words.
        foreach (var route in publicGets)
            await GetAsync(route.Fill(p => RouteSamples.For(route, p, GuardedArchive.PublicRecord)!));
        foreach (var (identifier, marker, descriptionMarker) in GuardedArchive.Hidden)
        {
            foreach (var url in new[] { "/api/search?q=", "/ara?q=", "/en/search?q=", "/api/authorities?q=", "/ara?sort=date&q=" })
            {
                await GetAsync(url + Uri.EscapeDataString(marker), marker);
                await GetAsync(url + Uri.EscapeDataString(descriptionMarker), descriptionMarker);
            }
            await GetAsync("/api/search?q=" + identifier);
        }
        foreach (var query in new[] { "/api/search", "/api/search?person=" + GuardedArchive.Authority, "/api/search?axis=liman&size=100",
                     "/api/search?type=image", "/ara?q=gizli", "/kisi/" + GuardedArchive.Authority, "/en/person/" + GuardedArchive.Authority })
            await GetAsync(query);

        // OAI-PMH: lists in both formats, and GetRecord for each hidden record.
        foreach (var prefix in new[] { "oai_dc", "edm" })
        {
            var (_, list) = await GetAsync($"/oai?verb=ListRecords&metadataPrefix={prefix}");
            Assert.Contains(GuardedArchive.PublicRecord, list);
            await GetAsync($"/oai?verb=ListIdentifiers&metadataPrefix={prefix}");
            foreach (var (identifier, _, _) in GuardedArchive.Hidden)
            {
                var (_, body) = await GetAsync($"/oai?verb=GetRecord&metadataPrefix={prefix}&identifier=oai:hafiza.izmir:{identifier}");
                var xml = XDocument.Parse(body);
                var header = xml.Descendants().FirstOrDefault(e => e.Name.LocalName == "header");
                var hasMetadata = xml.Descendants().Any(e => e.Name.LocalName == "metadata");
                // Never published: no such record. Withdrawn: a deleted header, nothing else.
                if (hasMetadata || (header is not null && (string?)header.Attribute("status") != "deleted"))
                    failures.Add($"OAI GetRecord {identifier} ({prefix}) disseminates a hidden record");
            }
        }

        // The public record itself is visible on these surfaces, so the checks above look at real answers.
        Assert.Contains(GuardedArchive.PublicRecord, (await GetAsync("/api/search?q=incir")).Body);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync($"/iiif/3/{GuardedArchive.PublicRecord}~1/full/!200,200/0/default.jpg")).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync($"/iiif/manifest/{GuardedArchive.PublicRecord}")).Status);
        TestContext.Current.SendDiagnosticMessage($"public surfaces: {publicGets.Count} public GET endpoints, {requests} requests, {failures.Count} leaks");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }
}
