using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using HafizaIzmir.Site.Accounts;
using HafizaIzmir.Site.Web;
using HafizaIzmir.Tests.Site;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HafizaIzmir.Tests.Reliability;

/// <summary>Rate limits, body limits, security headers, readiness and what the logs may not contain.</summary>
public sealed class HardeningTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Action<WebApplicationBuilder> Limits(int signIn, int search) => b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        [$"{Hardening.Section}:SignIn:PermitLimit"] = signIn.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"{Hardening.Section}:SignIn:WindowSeconds"] = "60",
        [$"{Hardening.Section}:Search:PermitLimit"] = search.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"{Hardening.Section}:Search:WindowSeconds"] = "60",
    });

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429_with_Retry_After_and_other_pages_stay_open()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SiteHost.SeedSamplesAsync, Limits(signIn: 3, search: 1000));
        using var browser = new KatalogBrowser(site);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SignInAsync("kimse", "yanlis-parola-123")).StatusCode);
        var limited = await browser.SignInAsync("kimse", "yanlis-parola-123");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 and <= 60 }, $"Retry-After: {limited.Headers.RetryAfter}");
        // The form itself, and the public site, are not limited.
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/katalog/giris", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.Client.GetAsync("/kayit/SRR-0001", Ct)).StatusCode);
    }

    [Fact]
    public async Task Searches_beyond_the_limit_get_429_on_every_search_surface()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SiteHost.SeedSamplesAsync, Limits(signIn: 1000, search: 4));
        var urls = new[] { "/api/search?q=incir", "/ara?q=incir", "/en/search?q=incir", "/api/authorities?q=ser" };
        foreach (var url in urls) Assert.Equal(HttpStatusCode.OK, (await site.Client.GetAsync(url, Ct)).StatusCode);
        foreach (var url in urls)
        {
            using var response = await site.Client.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.NotNull(response.Headers.RetryAfter);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
        Assert.Equal(HttpStatusCode.OK, (await site.Client.GetAsync("/api/records/SRR-0001", Ct)).StatusCode);
    }

    [Fact]
    public async Task Security_headers_forbid_inline_script_and_framing_and_HSTS_comes_only_over_HTTPS()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SiteHost.SeedSamplesAsync);
        foreach (var url in new[] { "/", "/kayit/SRR-0001", "/api/search?q=x", "/oai?verb=Identify", "/katalog/giris", "/nope" })
        {
            using var response = await site.Client.GetAsync(url, Ct);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("script-src 'self'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), $"{url} sent HSTS over plain HTTP");
        }
        using var https = await site.Client.GetAsync("https://localhost/kayit/SRR-0001", Ct);
        Assert.Equal(SecurityHeaders.StrictTransportSecurity, https.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task A_form_post_larger_than_the_limit_is_refused_with_413_before_it_is_read()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SiteHost.SeedSamplesAsync);
        var big = new FormUrlEncodedContent([new("verb", "Identify"), new("pad", new string('a', (int)Hardening.DefaultMaxFormBytes + 10))]);
        using var response = await site.Client.PostAsync("/oai", big, Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var small = await site.Client.PostAsync("/oai", new FormUrlEncodedContent([new("verb", "Identify")]), Ct);
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
    }

    [Fact]
    public async Task Readiness_reports_storage_and_derived_data_caught_up()
    {
        await using var site = await SiteHost.StartAsync("filesystem", SiteHost.SeedSamplesAsync);
        using var response = await site.Client.GetAsync("/readyz", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("ready", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("reachable", json.RootElement.GetProperty("storage").GetString());
        Assert.Equal("current", json.RootElement.GetProperty("derived").GetString());
        Assert.Equal(HttpStatusCode.OK, (await site.Client.GetAsync("/healthz", Ct)).StatusCode);
    }

    [Fact]
    public async Task Passwords_and_cookies_of_a_sign_in_never_reach_the_logs()
    {
        var sink = new LogSink();
        await using var site = await SiteHost.StartAsync("filesystem", SiteHost.SeedSamplesAsync, b =>
        {
            b.Logging.SetMinimumLevel(LogLevel.Trace);
            b.Logging.AddFilter(_ => true);
            b.Logging.AddProvider(sink);
        });
        const string password = "gizli-parola-Zx81-çok-uzun";
        await site.Services.GetRequiredService<AccountStore>().CreateAsync("denetci", Role.Cataloguer, password, Ct);
        using var browser = new KatalogBrowser(site);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SignInAsync("denetci", password + "-yanlis")).StatusCode);
        var signedIn = await browser.SignInAsync("denetci", password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookies = signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0].Split('=', 2)[1]).Where(v => v.Length > 16).ToList();
        Assert.NotEmpty(cookies);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/katalog", Ct)).StatusCode);

        var logged = sink.Text;
        Assert.NotEmpty(logged);
        Assert.DoesNotContain(password, logged);
        Assert.DoesNotContain(Uri.EscapeDataString(password), logged);
        foreach (var cookie in cookies) Assert.DoesNotContain(cookie, logged);
    }

    /// <summary>Every log message with its structured values and scopes, as text.</summary>
    private sealed class LogSink : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();
        public string Text => string.Join('\n', _lines);
        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
        public void Dispose() { }

        private sealed class Logger(LogSink sink, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull
            {
                sink._lines.Enqueue($"scope {category}: {Describe(state)}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                sink._lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {Describe(state)} {exception}");

            private static string Describe<T>(T state) => state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join("; ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : state?.ToString() ?? "";
        }
    }
}
