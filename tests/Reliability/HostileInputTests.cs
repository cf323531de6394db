using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using HafizaIzmir.Archive.Ingest;
using HafizaIzmir.Tests.Site;
using Caller = HafizaIzmir.Tests.Reliability.AuthorizationMatrixTests.Caller;

namespace HafizaIzmir.Tests.Reliability;

/// <summary>
/// Thousands of malformed and adversarial inputs against the importer and every endpoint: no 500, no crash,
/// no file outside the data directory, no injected markup unescaped in a page. Every route parameter of the
/// routing table is attacked, so endpoints added later (stories and their Markdown among them) are covered by
/// giving their parameters a sample in <see cref="RouteSamples"/>.
/// </summary>
public sealed class HostileInputTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>What the attacks achieved; every count but <see cref="Inputs"/> must stay zero.</summary>
    private sealed class Tally(string root)
    {
        public int Inputs, ServerErrors, Crashes, Unescaped, OutsideWrites, Leaks;
        public readonly List<string> Findings = [];

        public void Check(string what, HttpStatusCode status, string? mediaType, string body)
        {
            Inputs++;
            // 501 is the IIIF answer for a valid feature this server does not offer (a format, a rotation).
            if ((int)status >= 500 && status != HttpStatusCode.NotImplemented) Add(ref ServerErrors, $"{what}: {(int)status} {body[..Math.Min(300, body.Length)]}");
            if (mediaType is "text/html" or "application/xhtml+xml" or "image/svg+xml")
                foreach (var pattern in HostileInput.Executable)
                    if (body.Contains(pattern, StringComparison.OrdinalIgnoreCase)) Add(ref Unescaped, $"{what}: unescaped '{pattern}'");
            if (body.Contains("root:x:0:0", StringComparison.Ordinal)) Add(ref Leaks, $"{what}: served /etc/passwd");
        }

        public void Add(ref int counter, string finding)
        {
            counter++;
            if (Findings.Count < 40) Findings.Add(finding);
        }

        public void AssertClean(string surface, int minimumInputs)
        {
            if (File.Exists(HostileInput.TraversalTarget(root))) Add(ref OutsideWrites, $"{HostileInput.TraversalTarget(root)} was written");
            var outside = Directory.EnumerateFileSystemEntries(root).Select(Path.GetFileName).Where(n => n != "data").ToList();
            if (outside.Count > 0) Add(ref OutsideWrites, "written beside the data directory: " + string.Join(", ", outside));
            var line = $"{surface}: {Inputs} hostile inputs, {ServerErrors} server errors, {Crashes} crashes, {Unescaped} unescaped markup, {OutsideWrites} files outside the data directory, {Leaks} leaks";
            TestContext.Current.TestOutputHelper?.WriteLine(line);
            Console.WriteLine(line);
            Assert.True(Inputs >= minimumInputs, $"{line}; expected at least {minimumInputs} inputs");
            Assert.True(ServerErrors + Crashes + Unescaped + OutsideWrites + Leaks == 0, line + "\n" + string.Join('\n', Findings));
        }
    }

    private static async Task SendAsync(Tally tally, HttpClient client, HttpRequestMessage request, Func<string, string?, string, string?>? check = null)
    {
        var what = $"{request.Method} {request.RequestUri}";
        try
        {
            using var response = await client.SendAsync(request, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            tally.Check(what, response.StatusCode, mediaType, body);
            if (check?.Invoke(what, mediaType, body) is { } problem) tally.Add(ref tally.Crashes, $"{what}: {problem}");
        }
        catch (InvalidOperationException e) when (e.Message.Contains("null characters", StringComparison.Ordinal))
        {
            // The HTTP layer refuses a NUL in the path before the app sees it (Kestrel answers 400).
            tally.Inputs++;
        }
        catch (Exception e) when (e is not OperationCanceledException || !Ct.IsCancellationRequested)
        {
            tally.Inputs++;
            tally.Add(ref tally.Crashes, $"{what}: {e.GetType().Name}: {e.Message}");
        }
    }

    private static Task GetAsync(Tally tally, HttpClient client, string url, Func<string, string?, string, string?>? check = null) =>
        SendAsync(tally, client, new HttpRequestMessage(HttpMethod.Get, url), check);

    private static string Q(string value) => Uri.EscapeDataString(value);

    /// <summary>A well-formed answer in the format the endpoint promises, or what went wrong.</summary>
    private static string? WellFormed(string what, string? mediaType, string body)
    {
        try
        {
            if (mediaType is "application/json" or "application/problem+json" && body.Length > 0) JsonDocument.Parse(body).Dispose();
            if (mediaType is "text/xml" or "application/xml") XDocument.Parse(body);
            return null;
        }
        catch (Exception e) when (e is JsonException or System.Xml.XmlException)
        {
            return $"malformed {mediaType}: {e.Message}";
        }
    }

    [Fact]
    public async Task Search_OAI_and_IIIF_parameters_survive_hostile_values()
    {
        await using var site = await SiteHost.StartAsync("filesystem", GuardedArchive.SeedAsync);
        var tally = new Tally(site.Root);
        var random = new Random(1923);
        string Value() => random.Next(3) == 0 ? HostileInput.Noise(random) : HostileInput.Pick(random, site.Root);

        var searchParameters = new[] { "q", "person", "institution", "place", "axis", "type", "from", "to", "page", "size", "sort", "decade", "genre", "language" };
        for (var i = 0; i < 300; i++)
        {
            var query = string.Join('&', Enumerable.Range(0, random.Next(1, 4)).Select(_ => $"{searchParameters[random.Next(searchParameters.Length)]}={Q(Value())}"));
            var path = (i % 4) switch { 0 => "/ara", 1 => "/en/search", _ => "/api/search" };
            await GetAsync(tally, site.Client, $"{path}?{query}", (what, type, body) =>
            {
                if (WellFormed(what, type, body) is { } bad) return bad;
                // Snippets are HTML: escaped text with <mark> only.
                return type == "application/json" && body.Contains("\"snippet\"") && HostileInput.Executable.Any(body.Contains) ? "raw markup in a snippet" : null;
            });
        }
        for (var i = 0; i < 100; i++)
            await GetAsync(tally, site.Client, $"/api/authorities?q={Q(Value())}&kind={Q(random.Next(2) == 0 ? "person" : Value())}&size={Q(Value())}", WellFormed);

        var verbs = new[] { "Identify", "ListMetadataFormats", "ListSets", "ListIdentifiers", "ListRecords", "GetRecord", "Bogus", "", "identify" };
        var oaiArguments = new[] { "metadataPrefix", "identifier", "from", "until", "set", "resumptionToken", "verb", "extra" };
        for (var i = 0; i < 300; i++)
        {
            var parts = new List<string> { $"verb={Q(verbs[random.Next(verbs.Length)])}" };
            for (var n = random.Next(0, 4); n > 0; n--)
            {
                var name = oaiArguments[random.Next(oaiArguments.Length)];
                var value = name switch
                {
                    "metadataPrefix" when random.Next(2) == 0 => random.Next(2) == 0 ? "oai_dc" : "edm",
                    "identifier" when random.Next(2) == 0 => "oai:hafiza.izmir:" + Value(),
                    "resumptionToken" when random.Next(2) == 0 => Convert.ToBase64String(Encoding.UTF8.GetBytes(Value())),
                    "from" or "until" when random.Next(2) == 0 => new[] { "2020-01-01", "2020-01-01T00:00:00Z", "2020-13-45", "9999-12-31T23:59:59Z", "0000-00-00" }[random.Next(5)],
                    _ => Value(),
                };
                parts.Add($"{name}={Q(value)}");
            }
            var query = string.Join('&', parts);
            if (i % 5 == 0)
                await SendAsync(tally, site.Client, new HttpRequestMessage(HttpMethod.Post, "/oai") { Content = new StringContent(query, Encoding.UTF8, "application/x-www-form-urlencoded") }, WellFormed);
            else
                await GetAsync(tally, site.Client, "/oai?" + query, WellFormed);
        }

        var regions = new[] { "full", "square", "0,0,100,100", "pct:10,10,50,50", "-1,0,10,10", "0,0,0,0", "999999,999999,1,1", "pct:200,0,10,10", "0,0,99999999999,1", "1.5,2,3,4" };
        var sizes = new[] { "max", "^max", "!200,200", "200,", ",200", "pct:50", "^pct:1000", "99999,99999", "^99999,99999", "0,0", "-5,", "pct:0", "!0,0", "^!100000,100000" };
        var rotations = new[] { "0", "90", "!180", "360", "-90", "45", "1e9", "NaN", "!" };
        var qualities = new[] { "default.jpg", "color.png", "gray.webp", "bitonal.tif", "default.gif", "default.pdf", "x.jpg", "default", "default.jpg.exe" };
        for (var i = 0; i < 300; i++)
        {
            string Part(string[] good) => random.Next(5) == 0 ? Value() : good[random.Next(good.Length)];
            var id = random.Next(4) == 0 ? Value() : $"{GuardedArchive.PublicRecord}~1";
            await GetAsync(tally, site.Client, $"/iiif/3/{Q(id)}/{Q(Part(regions))}/{Q(Part(sizes))}/{Q(Part(rotations))}/{Q(Part(qualities))}");
        }
        tally.AssertClean("search, OAI-PMH and IIIF parameters", 1000);
    }

    /// <summary>An exception out of the test server is what a real server turns into a 500.</summary>
    private static async Task<(int Status, bool Denied, string Body)> SendAsAsync(Tally tally, AuthorizationMatrixTests.Callers callers, Caller caller,
        string method, string path, KeyValuePair<string, string>[] form)
    {
        try
        {
            return await callers.SendAsync(caller, method, path, form);
        }
        catch (InvalidOperationException e) when (e.Message.Contains("null characters", StringComparison.Ordinal))
        {
            return (400, false, "");
        }
        catch (Exception e) when (e is not OperationCanceledException || !Ct.IsCancellationRequested)
        {
            tally.Add(ref tally.ServerErrors, $"{method} {path} as {caller}: unhandled {e.GetType().Name}: {e.Message}");
            return (500, false, "");
        }
    }

    [Fact]
    public async Task Every_route_parameter_resists_traversal_and_injection_for_every_role()
    {
        await using var site = await SiteHost.StartAsync("filesystem", GuardedArchive.SeedAsync);
        var tally = new Tally(site.Root);
        await using var callers = await AuthorizationMatrixTests.Callers.StartAsync(site);
        var payloads = HostileInput.Traversal(site.Root).Concat(HostileInput.Markup).ToArray();
        foreach (var route in RouteEntry.Of(site.Services))
        {
            foreach (var parameter in route.ParameterNames)
            {
                foreach (var payload in payloads)
                {
                    var path = route.Fill(p => p == parameter ? payload : RouteSamples.For(route, p, GuardedArchive.PublicRecord) ?? "x");
                    foreach (var caller in new[] { Caller.Anonymous, Caller.Admin })
                    {
                        var (status, _, body) = await SendAsAsync(tally, callers, caller, route.Method, path,
                            [new("kimlik", payload), new("baslik", payload), new("aciklama", payload), new("surum", "1"), new("returnUrl", payload)]);
                        tally.Check($"{route.Method} {path} as {caller}", (HttpStatusCode)status, body.TrimStart().StartsWith('<') ? "text/html" : null, body);
                    }
                }
            }
            // Query strings and form fields every endpoint might read.
            foreach (var payload in payloads)
            {
                var path = route.Fill(p => RouteSamples.For(route, p, GuardedArchive.PublicRecord) ?? "x") + $"?q={Q(payload)}&returnUrl={Q(payload)}&lang={Q(payload)}&durum={Q(payload)}";
                var (status, _, body) = await SendAsAsync(tally, callers, Caller.Admin, route.Method, path,
                    [new("kullanici", payload), new("parola", payload), new("kimlik", payload), new("baslik", payload), new("ust", payload), new("haklar", payload)]);
                tally.Check($"{route.Method} {path} as Admin", (HttpStatusCode)status, body.TrimStart().StartsWith('<') ? "text/html" : null, body);
            }
        }
        tally.AssertClean("route parameters, query strings and forms", 1000);
    }

    [Fact]
    public async Task The_importer_refuses_malformed_CSV_and_hostile_files_and_writes_nothing()
    {
        await using var site = await SiteHost.StartAsync("filesystem", GuardedArchive.SeedAsync);
        using var inputs = new TempDirectory();
        var tally = new Tally(site.Root);
        var random = new Random(1881);
        var files = inputs.Sub("files");
        Directory.CreateDirectory(files);
        File.WriteAllBytes(Path.Combine(files, "good.jpg"), GuardedArchive.Scan);
        var hostileFiles = HostileInput.HostileImages(GuardedArchive.Scan).ToList();
        foreach (var (name, bytes) in hostileFiles) File.WriteAllBytes(Path.Combine(files, name), bytes);

        var header = "identifier,parent,level,title,date,type,language,persons,places,axes,rights,files";
        string Row(int n, params (int Column, string Value)[] changes)
        {
            var cells = new[] { $"DNM-{n:D5}", "SRR", "item", $"Deneme {n}", "1923", "text", "tr", "Şerif Remzi Reyent", "Kordon", "liman", "http://rightsstatements.org/vocab/InC/1.0/", "good.jpg" };
            foreach (var (column, value) in changes) cells[column] = value;
            return string.Join(',', cells.Select(c => c.Contains(',') || c.Contains('"') || c.Contains('\n') ? $"\"{c.Replace("\"", "\"\"")}\"" : c));
        }

        var cases = new List<(string Name, byte[] Csv)>();
        var n = 0;
        foreach (var value in HostileInput.All(site.Root))
            for (var column = 0; column < 12; column++)
                if (random.Next(12) == 0 || column is 0 or 11)
                    cases.Add(($"cell {column} = {value[..Math.Min(20, value.Length)]}", Encoding.UTF8.GetBytes($"{header}\n{Row(++n, (column, value))}\n")));
        foreach (var (name, _) in hostileFiles)
            cases.Add(($"file {name}", Encoding.UTF8.GetBytes($"{header}\n{Row(++n, (11, name))}\n")));
        var good = Encoding.UTF8.GetBytes($"{header}\n{Row(++n)}\n{Row(++n)}\n");
        cases.Add(("empty", []));
        cases.Add(("header only", Encoding.UTF8.GetBytes(header + "\n")));
        cases.Add(("unknown column", Encoding.UTF8.GetBytes($"{header},evil\n{Row(++n)},x\n")));
        cases.Add(("duplicate column", Encoding.UTF8.GetBytes($"{header},title\n{Row(++n)},x\n")));
        cases.Add(("unbalanced quote", Encoding.UTF8.GetBytes($"{header}\n\"{Row(++n)}\n")));
        cases.Add(("invalid UTF-8", [.. Encoding.UTF8.GetBytes(header + "\n"), 0xC3, 0x28, 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("\n")]));
        cases.Add(("UTF-16", Encoding.Unicode.GetBytes($"{header}\n{Row(++n)}\n")));
        cases.Add(("a 2 MB cell", Encoding.UTF8.GetBytes($"{header}\n{Row(++n, (3, new string('x', 2_000_000)))}\n")));
        cases.Add(("a duplicate identifier", Encoding.UTF8.GetBytes($"{header}\n{Row(++n)}\n{Row(n)}\n")));
        cases.Add(("a parent cycle", Encoding.UTF8.GetBytes($"{header}\n{Row(++n, (1, $"DNM-{n + 1:D5}"))}\n{Row(++n, (1, $"DNM-{n - 1:D5}"))}\n")));
        for (var i = 0; i < 40; i++)
        {
            // Random byte damage to a good file: flipped, dropped, inserted bytes.
            var bytes = good.ToList();
            for (var k = random.Next(1, 6); k > 0; k--)
            {
                var at = random.Next(bytes.Count);
                switch (random.Next(3))
                {
                    case 0: bytes[at] = (byte)random.Next(256); break;
                    case 1: bytes.RemoveAt(at); break;
                    default: bytes.Insert(at, (byte)"\",\n\r\0;|"[random.Next(7)]); break;
                }
            }
            cases.Add(($"damaged {i}", [.. bytes]));
        }

        var importer = new Importer(site.Archive, ImageFileProbe.Create());
        var accepted = 0;
        foreach (var (name, csv) in cases)
        {
            tally.Inputs++;
            var path = inputs.Sub("records.csv");
            await File.WriteAllBytesAsync(path, csv, Ct);
            var before = await CountObjectsAsync(site);
            try
            {
                var report = await importer.ImportAsync(new ImportRequest { RecordsPath = path, FilesDir = files, Publish = true, User = "fuzz" }, ct: Ct);
                if (report.Issues.Count == 0)
                {
                    accepted++;
                    continue;
                }
                if (await CountObjectsAsync(site) != before) tally.Add(ref tally.Crashes, $"{name}: rejected ({report.Issues[0]}) but wrote objects");
                if (report.Issues.Any(issue => issue.Line < 0 || string.IsNullOrWhiteSpace(issue.Message))) tally.Add(ref tally.Crashes, $"{name}: an issue without line or reason");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                tally.Add(ref tally.Crashes, $"{name}: {e.GetType().Name}: {e.Message}");
            }
        }
        Assert.True(accepted > 0, "no generated CSV was accepted, so the importer may refuse everything");
        foreach (var (name, _) in hostileFiles.Where(f => f.Name != "jpeg-named.png"))
            Assert.True(await site.Archive.GetRecordAsync(FindRowIdentifier(cases, name), Ct) is null, $"{name} was accepted as an image");

        // Whatever markup was accepted as text must come out escaped on the public pages.
        await Task.Delay(1500, Ct);
        await foreach (var record in site.Archive.ListRecordsAsync(Ct))
            foreach (var url in new[] { $"/kayit/{Q(record.Value.Identifier)}", $"/en/record/{Q(record.Value.Identifier)}" })
                await GetAsync(tally, site.Client, url);
        foreach (var url in new[] { "/ara?q=deneme", "/api/search?q=deneme&size=100", "/oai?verb=ListRecords&metadataPrefix=edm", "/oai?verb=ListRecords&metadataPrefix=oai_dc" })
            await GetAsync(tally, site.Client, url, WellFormed);
        tally.AssertClean($"CSV importer and image probe ({accepted} of {cases.Count} CSVs accepted)", 300);
    }

    private static string FindRowIdentifier(List<(string Name, byte[] Csv)> cases, string file)
    {
        var text = Encoding.UTF8.GetString(cases.First(c => c.Name == $"file {file}").Csv);
        return text.Split('\n')[1].Split(',')[0];
    }

    private static async Task<int> CountObjectsAsync(SiteHost site)
    {
        var count = 0;
        await foreach (var _ in site.Archive.Repository.ListObjectIdsAsync(Ct)) count++;
        return count;
    }
}
