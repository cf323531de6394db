using System.Net;
using HafizaIzmir.Site.Accounts;
using HafizaIzmir.Site.Katalog;
using HafizaIzmir.Tests.Site;

namespace HafizaIzmir.Tests.Reliability;

/// <summary>
/// Every endpoint in the routing table against every role, with an explicit expectation for each; an
/// endpoint added later fails this test until it is classified here.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    /// <summary>Who may use an endpoint: everyone, any signed-in account, cataloguers and admins, or admins.</summary>
    public enum Access { Public, Staff, Cataloguer, Admin }

    public enum Caller { Anonymous, Student, Cataloguer, Admin }

    /// <summary>The classification of every endpoint. New endpoints must be added here with their intended access.</summary>
    public static readonly IReadOnlyDictionary<string, Access> Expected = new Dictionary<string, Access>(StringComparer.Ordinal)
    {
        ["GET /"] = Access.Public,
        ["GET /en"] = Access.Public,
        ["GET /ara"] = Access.Public,
        ["GET /en/search"] = Access.Public,
        ["GET /kayit/{identifier}"] = Access.Public,
        ["GET /en/record/{identifier}"] = Access.Public,
        ["GET /kayit/{identifier}/metin"] = Access.Public,
        ["GET /en/record/{identifier}/metin"] = Access.Public,
        ["GET /eksen/{axis}"] = Access.Public,
        ["GET /en/axis/{axis}"] = Access.Public,
        ["GET /kisi/{id}"] = Access.Public,
        ["GET /kurum/{id}"] = Access.Public,
        ["GET /mekan/{id}"] = Access.Public,
        ["GET /en/person/{id}"] = Access.Public,
        ["GET /en/institution/{id}"] = Access.Public,
        ["GET /en/place/{id}"] = Access.Public,
        ["GET /healthz"] = Access.Public,
        ["GET /readyz"] = Access.Public,
        ["GET /api/records/{identifier}"] = Access.Public,
        ["GET /api/records/{identifier}/tiers"] = Access.Public,
        ["GET /api/search"] = Access.Public,
        ["GET /api/authorities"] = Access.Public,
        ["GET /oai"] = Access.Public,
        ["POST /oai"] = Access.Public,
        ["GET /iiif/3/{id}"] = Access.Public,
        ["GET /iiif/3/{id}/info.json"] = Access.Public,
        ["GET /iiif/3/{id}/{region}/{size}/{rotation}/{qualityFormat}"] = Access.Public,
        ["GET /iiif/manifest/{identifier}"] = Access.Public,
        ["GET /iiif/collection/{identifier}"] = Access.Public,
        ["GET /indir/{identifier}/{page:int}"] = Access.Public,
        ["GET /katalog/giris"] = Access.Public,
        ["POST /katalog/giris"] = Access.Public,
        ["POST /katalog/dil"] = Access.Public,
        ["POST /katalog/cikis"] = Access.Staff,
        ["GET /katalog"] = Access.Staff,
        ["GET /katalog/kayit/yeni"] = Access.Staff,
        ["POST /katalog/kayit/yeni"] = Access.Staff,
        ["GET /katalog/kayit/{identifier}"] = Access.Staff,
        ["POST /katalog/kayit/{identifier}"] = Access.Staff,
        ["POST /katalog/kayit/{identifier}/gonder"] = Access.Staff,
        ["POST /katalog/kayit/{identifier}/iade"] = Access.Cataloguer,
        ["POST /katalog/kayit/{identifier}/yayinla"] = Access.Cataloguer,
        ["POST /katalog/kayit/{identifier}/geri-cek"] = Access.Cataloguer,
        ["GET /en/about"] = Access.Public,
        ["GET /en/decades"] = Access.Public,
        ["GET /en/fonds"] = Access.Public,
        ["GET /en/stories"] = Access.Public,
        ["GET /en/stories/{slug}"] = Access.Public,
        ["GET /en/streets"] = Access.Public,
        ["GET /fonlar"] = Access.Public,
        ["GET /hakkinda"] = Access.Public,
        ["GET /hikaye"] = Access.Public,
        ["GET /hikaye/{slug}"] = Access.Public,
        ["GET /iiif/search/{identifier}"] = Access.Public,
        ["GET /onyillar"] = Access.Public,
        ["GET /robots.txt"] = Access.Public,
        ["GET /sitemap-authorities.xml"] = Access.Public,
        ["GET /sitemap-pages.xml"] = Access.Public,
        ["GET /sitemap-records-{part:int}.xml"] = Access.Public,
        ["GET /sitemap.xml"] = Access.Public,
        ["GET /sokaklar"] = Access.Public,
        ["GET /katalog/api/records/{identifier}/suggestions"] = Access.Staff,
        ["GET /katalog/api/tarih"] = Access.Staff,
        ["GET /katalog/api/ust"] = Access.Staff,
        ["GET /katalog/hikaye/"] = Access.Staff,
        ["GET /katalog/hikaye/yeni"] = Access.Staff,
        ["GET /katalog/hikaye/{slug}"] = Access.Staff,
        ["POST /katalog/hikaye/yeni"] = Access.Staff,
        ["POST /katalog/hikaye/{slug}"] = Access.Staff,
        ["POST /katalog/hikaye/{slug}/gonder"] = Access.Staff,
        ["GET /katalog/kayit/{identifier}/gecmis"] = Access.Staff,
        ["GET /katalog/kayit/{identifier}/metin"] = Access.Staff,
        ["GET /katalog/kayit/{identifier}/onizleme"] = Access.Staff,
        ["GET /katalog/kayit/{identifier}/surum/{version:int}"] = Access.Staff,
        ["POST /katalog/kayit/{identifier}/surum/{version:int}/geri-al"] = Access.Staff,
        ["POST /katalog/kayit/{identifier}/oneri"] = Access.Staff,
        ["POST /katalog/kayit/{identifier}/sayfalar/"] = Access.Staff,
        ["POST /katalog/kayit/{identifier}/sayfalar/sira"] = Access.Staff,
        ["POST /katalog/kayit/{identifier}/sayfalar/{page:int}/{action}"] = Access.Staff,
        ["GET /katalog/otoriteler/"] = Access.Staff,
        ["GET /katalog/otoriteler/{id}"] = Access.Staff,
        ["GET /katalog/otoriteler/{id}/gecmis"] = Access.Staff,
        ["GET /katalog/otoriteler/{id}/gecmis/{version:int}"] = Access.Staff,
        ["GET /katalog/bagislar/"] = Access.Cataloguer,
        ["GET /katalog/bagislar/yeni"] = Access.Cataloguer,
        ["GET /katalog/bagislar/{id}"] = Access.Cataloguer,
        ["GET /katalog/bagislar/{id}/gecmis"] = Access.Cataloguer,
        ["POST /katalog/bagislar/yeni"] = Access.Cataloguer,
        ["POST /katalog/bagislar/{id}"] = Access.Cataloguer,
        ["GET /katalog/ice-aktar/"] = Access.Cataloguer,
        ["POST /katalog/ice-aktar/"] = Access.Cataloguer,
        ["POST /katalog/ice-aktar/onayla"] = Access.Cataloguer,
        ["GET /katalog/otoriteler/yeni"] = Access.Cataloguer,
        ["POST /katalog/otoriteler/yeni"] = Access.Cataloguer,
        ["POST /katalog/otoriteler/{id}"] = Access.Cataloguer,
        ["GET /katalog/otoriteler/{id}/birlestir"] = Access.Cataloguer,
        ["POST /katalog/otoriteler/{id}/birlestir"] = Access.Cataloguer,
        ["POST /katalog/otoriteler/{id}/geri-al"] = Access.Cataloguer,
        ["POST /katalog/hikaye/{slug}/iade"] = Access.Cataloguer,
        ["POST /katalog/hikaye/{slug}/yayinla"] = Access.Cataloguer,
        ["POST /katalog/hikaye/{slug}/geri-cek"] = Access.Cataloguer,
        ["POST /katalog/kayit/{identifier}/europeana"] = Access.Cataloguer,
        ["POST /katalog/kayit/{identifier}/metin/{page:int}"] = Access.Cataloguer,
        ["POST /katalog/kayit/{identifier}/ocr"] = Access.Cataloguer,
        ["GET /katalog/kullanicilar/"] = Access.Admin,
        ["POST /katalog/kullanicilar/yeni"] = Access.Admin,
        ["POST /katalog/kullanicilar/{name}/durum"] = Access.Admin,
        ["POST /katalog/kullanicilar/{name}/parola"] = Access.Admin,
        ["POST /katalog/kullanicilar/{name}/rol"] = Access.Admin,
    };

    public static bool Allows(Access access, Caller caller) => access switch
    {
        Access.Public => true,
        Access.Staff => caller != Caller.Anonymous,
        Access.Cataloguer => caller is Caller.Cataloguer or Caller.Admin,
        Access.Admin => caller == Caller.Admin,
        _ => false,
    };

    [Fact]
    public async Task Every_endpoint_answers_every_role_as_classified()
    {
        await using var site = await SiteHost.StartAsync("filesystem", GuardedArchive.SeedAsync);
        var routes = RouteEntry.Of(site.Services);
        var unclassified = routes.Where(r => !Expected.ContainsKey(r.Key)).Select(r => r.Key).ToList();
        Assert.True(unclassified.Count == 0,
            "endpoints without an expected access (add them to AuthorizationMatrixTests.Expected):\n" + string.Join('\n', unclassified));
        var unfillable = routes.SelectMany(r => r.ParameterNames.Where(p => RouteSamples.For(r, p, GuardedArchive.PublicRecord) is null).Select(p => $"{r.Key}: {{{p}}}")).ToList();
        Assert.True(unfillable.Count == 0, "route parameters without a sample value (add them to RouteSamples):\n" + string.Join('\n', unfillable));
        var gone = Expected.Keys.Except(routes.Select(r => r.Key)).ToList();
        Assert.True(gone.Count == 0, "classified endpoints that no longer exist:\n" + string.Join('\n', gone));

        await using var callers = await Callers.StartAsync(site);
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var route in routes)
        {
            var path = route.Fill(p => RouteSamples.For(route, p, GuardedArchive.PublicRecord)!);
            foreach (var caller in Enum.GetValues<Caller>())
            {
                var (status, denied, body) = await callers.SendAsync(caller, route.Method, path);
                checkedCount++;
                var allowed = Allows(Expected[route.Key], caller);
                if (status >= 500) failures.Add($"{route.Key} as {caller}: {status}\n{body}");
                else if (allowed && denied) failures.Add($"{route.Key} as {caller}: denied ({status}) but should be allowed");
                else if (!allowed && !denied) failures.Add($"{route.Key} as {caller}: answered {status} but should be denied");
            }
        }
        TestContext.Current.SendDiagnosticMessage($"authorization matrix: {routes.Count} endpoints x {Enum.GetValues<Caller>().Length} roles = {checkedCount} requests");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    /// <summary>One signed-in browser per role (re-signed after an endpoint signs it out) and an anonymous one.</summary>
    public sealed class Callers : IAsyncDisposable
    {
        private readonly SiteHost _site;
        private readonly Dictionary<Caller, (KatalogBrowser Browser, string? Token)> _browsers = [];

        private Callers(SiteHost site) => _site = site;

        public static async Task<Callers> StartAsync(SiteHost site)
        {
            var callers = new Callers(site);
            var accounts = (AccountStore)site.Services.GetService(typeof(AccountStore))!;
            foreach (var (caller, role) in new[] { (Caller.Student, Role.Student), (Caller.Cataloguer, Role.Cataloguer), (Caller.Admin, Role.Admin) })
                await accounts.CreateAsync("matris-" + caller.ToString().ToLowerInvariant(), role, KatalogBrowser.Password);
            foreach (var caller in Enum.GetValues<Caller>()) await callers.OpenAsync(caller);
            return callers;
        }

        private async Task OpenAsync(Caller caller)
        {
            if (_browsers.Remove(caller, out var old)) old.Browser.Dispose();
            var browser = new KatalogBrowser(_site);
            if (caller != Caller.Anonymous)
            {
                var response = await browser.SignInAsync("matris-" + caller.ToString().ToLowerInvariant(), KatalogBrowser.Password);
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            }
            _browsers[caller] = (browser, await browser.TokenAsync(KatalogServices.SignInPath));
        }

        /// <summary>Sends a request with the caller's cookies (and antiforgery token on POST); "denied" means the
        /// authorization layer refused: a redirect to sign-in, or a bodiless 401 or 403.</summary>
        public async Task<(int Status, bool Denied, string Body)> SendAsync(Caller caller, string method, string path, IEnumerable<KeyValuePair<string, string>>? form = null)
        {
            var (browser, token) = _browsers[caller];
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method != "GET" && method != "HEAD")
                request.Content = new FormUrlEncodedContent([.. form ?? [], new("__af", token ?? "")]);
            using var response = await browser.Client.SendAsync(request, TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            var status = (int)response.StatusCode;
            var location = response.Headers.Location?.ToString() ?? "";
            // A page that explains (wrong password, workflow refused) is an answer of the endpoint, not a denial.
            var denied = (status is 401 or 403 && !body.Contains('<'))
                || (status == 302 && location.Contains(KatalogServices.SignInPath, StringComparison.Ordinal) && location.Contains("ReturnUrl", StringComparison.OrdinalIgnoreCase))
;
            var signedOut = response.Headers.TryGetValues("Set-Cookie", out var cookies)
                && cookies.Any(c => c.StartsWith(KatalogServices.CookieName + "=;", StringComparison.Ordinal));
            if (signedOut && caller != Caller.Anonymous) await OpenAsync(caller);
            return (status, denied, body);
        }

        public ValueTask DisposeAsync()
        {
            foreach (var (browser, _) in _browsers.Values) browser.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
