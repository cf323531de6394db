using System.Net;
using System.Text.RegularExpressions;
using HafizaIzmir.Site.Accounts;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HafizaIzmir.Tests.Site;

/// <summary>
/// A client of the cataloguing UI that keeps cookies like a browser and does not follow redirects, so the
/// tests see every redirect and can sign in through the real form.
/// </summary>
public sealed partial class KatalogBrowser : IDisposable
{
    public const string Password = "uzun-bir-parola-42";

    private readonly CookieContainer _cookies = new();
    public HttpClient Client { get; }
    public SiteHost Site { get; }

    public KatalogBrowser(SiteHost site)
    {
        Site = site;
        var server = (TestServer)site.Services.GetRequiredService<IServer>();
        Client = new HttpClient(new CookieHandler(_cookies, server.CreateHandler())) { BaseAddress = server.BaseAddress };
    }

    public static async Task<KatalogBrowser> SignedInAsync(SiteHost site, string name, Role role)
    {
        await site.Services.GetRequiredService<AccountStore>().CreateAsync(name, role, Password);
        var browser = new KatalogBrowser(site);
        var response = await browser.SignInAsync(name, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    public async Task<HttpResponseMessage> SignInAsync(string name, string password, string returnUrl = "/katalog")
    {
        var token = await TokenAsync("/katalog/giris");
        return await PostAsync("/katalog/giris", token, ("kullanici", name), ("parola", password), ("returnUrl", returnUrl));
    }

    /// <summary>The antiforgery token of the first form on the page at <paramref name="path"/>.</summary>
    public async Task<string> TokenAsync(string path)
    {
        var html = await Client.GetStringAsync(path, TestContext.Current.CancellationToken);
        return TokenField().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"no antiforgery token on {path}");
    }

    /// <summary>The antiforgery token of the first form in <paramref name="html"/>.</summary>
    public static string Token(string html) => WebUtility.HtmlDecode(TokenField().Match(html).Groups[1].Value);

    /// <summary>The version a form in <paramref name="html"/> was rendered from.</summary>
    public static string Version(string html) => VersionField().Match(html).Groups[1].Value;

    /// <summary>The version the page at <paramref name="path"/> was rendered from.</summary>
    public async Task<string> VersionAsync(string path)
    {
        var html = await Client.GetStringAsync(path, TestContext.Current.CancellationToken);
        return VersionField().Match(html).Groups[1].Value;
    }

    public Task<HttpResponseMessage> PostAsync(string path, string? token, params (string Name, string Value)[] fields)
    {
        var all = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        if (token is not null) all.Add(new("__af", token));
        return Client.PostAsync(path, new FormUrlEncodedContent(all), TestContext.Current.CancellationToken);
    }

    /// <summary>A multipart form post, as a browser sends a form with file inputs.</summary>
    public Task<HttpResponseMessage> PostFilesAsync(string path, string? token, (string Name, string Value)[] fields, params (string Field, string FileName, byte[] Bytes)[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        if (token is not null) content.Add(new StringContent(token), "__af");
        foreach (var (field, fileName, bytes) in files) content.Add(new ByteArrayContent(bytes), field, fileName);
        return Client.PostAsync(path, content, TestContext.Current.CancellationToken);
    }

    public async Task<string> HtmlAsync(string path) => await Client.GetStringAsync(path, TestContext.Current.CancellationToken);

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__af\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("name=\"surum\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();

    private sealed class CookieHandler(CookieContainer cookies, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var header = cookies.GetCookieHeader(request.RequestUri!);
            if (header.Length > 0) request.Headers.Add("Cookie", header);
            var response = await base.SendAsync(request, ct);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
                foreach (var value in values) cookies.SetCookies(request.RequestUri!, value);
            return response;
        }
    }
}

public static class SiteHostVersions
{
    /// <summary>The record's head version as a form field value, as the page the person read would carry it.</summary>
    public static async Task<string> VersionOf(this SiteHost site, string identifier) =>
        (await site.Archive.GetRecordAsync(identifier, TestContext.Current.CancellationToken))!.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
