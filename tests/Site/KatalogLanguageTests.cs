using System.Collections;
using System.Globalization;
using System.Net;
using System.Resources;
using System.Text.RegularExpressions;
using HafizaIzmir.Site.Accounts;
using HafizaIzmir.Site.Katalog;
using HafizaIzmir.Tests.Reliability;

namespace HafizaIzmir.Tests.Site;

/// <summary>
/// The cataloguing UI in Turkish and English: the two resource files say the same things with the same
/// values, the header switch keeps the choice and goes back only to a katalog page, and with English chosen
/// no page still shows Turkish interface text.
/// </summary>
public sealed partial class KatalogLanguageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;


    [Fact]
    public void Every_string_has_both_languages_with_the_same_placeholders()
    {
        var tr = ResourceStrings.Turkish;
        var en = ResourceStrings.English;
        Assert.True(tr.Count > 300, $"only {tr.Count} Turkish strings were found; is KatalogText.resx embedded?");
        Assert.Empty(tr.Keys.Except(en.Keys).Select(k => "missing in English: " + k));
        Assert.Empty(en.Keys.Except(tr.Keys).Select(k => "missing in Turkish: " + k));
        Assert.Empty(tr.Where(p => string.IsNullOrWhiteSpace(p.Value) || string.IsNullOrWhiteSpace(en[p.Key])).Select(p => "empty: " + p.Key));
        var mismatched = tr.Keys
            .Where(k => !Placeholders(tr[k]).SetEquals(Placeholders(en[k])))
            .Select(k => $"{k}: '{tr[k]}' vs '{en[k]}'").ToList();
        Assert.Empty(mismatched);
        // A format string that does not format would throw in front of the cataloguer instead.
        foreach (var (key, value) in tr.Concat(en))
            _ = string.Format(CultureInfo.InvariantCulture, value, Enumerable.Range(0, 10).Select(i => (object)i).ToArray());
    }

    [Fact]
    public void Placeholders_are_told_apart_from_literal_braces()
    {
        Assert.Equal(["0", "1"], Placeholders("'{0}' ve {1:N0}").Order());
        Assert.Empty(Placeholders("no values"));
        Assert.False(Placeholders("{0}").SetEquals(Placeholders("{1}")));
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value)];

    [Fact]
    public async Task Turkish_is_the_default_whatever_the_browser_asks_for()
    {
        await using var site = await SiteHost.StartAsync("filesystem");
        using var browser = new KatalogBrowser(site);
        using var request = new HttpRequestMessage(HttpMethod.Get, KatalogServices.SignInPath);
        request.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
        var html = await (await browser.Client.SendAsync(request, Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("<html lang=\"tr\">", html);
        Assert.Contains(">Kullanıcı adı</label>", html);
        // The switch offers the other language, named in that language and marked as such for screen readers.
        Assert.Contains("<input type=\"hidden\" name=\"dil\" value=\"en\"><input type=\"submit\" value=\"English\" lang=\"en\">", html);
    }

    [Fact]
    public async Task The_switch_works_before_signing_in_and_returns_to_the_page_it_was_sent_from()
    {
        await using var site = await SiteHost.StartAsync("filesystem");
        using var browser = new KatalogBrowser(site);
        var back = "/katalog/giris?ReturnUrl=%2Fkatalog%2Fkayit%2Fyeni";
        var response = await Switch(browser, back, "en");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(back, response.Headers.Location?.OriginalString);
        var english = await browser.HtmlAsync(back);
        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains("<label for=\"kullanici\">Username</label>", english);
        Assert.Contains("<input type=\"submit\" value=\"Türkçe\" lang=\"tr\">", english);

        // Wrong passwords are refused in the chosen language too.
        var refused = await browser.SignInAsync("nobody", "yanlış-parola-123");
        Assert.Contains("Wrong username or password.", await refused.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("https://evil.example/katalog")]
    [InlineData("//evil.example/katalog")]
    [InlineData("/\\evil.example")]
    [InlineData("/ara")]
    [InlineData("/katalogx")]
    [InlineData("")]
    public async Task The_switch_refuses_to_send_anyone_outside_the_katalog(string returnUrl)
    {
        await using var site = await SiteHost.StartAsync("filesystem");
        using var browser = new KatalogBrowser(site);
        var response = await Switch(browser, returnUrl, "en");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(KatalogText.CookieName, StringComparison.Ordinal)),
            "a refused switch must not change the language");
        Assert.Contains("<html lang=\"tr\">", await browser.HtmlAsync("/katalog/giris"));
    }

    [Fact]
    public async Task The_switch_needs_the_antiforgery_token_and_a_known_language()
    {
        await using var site = await SiteHost.StartAsync("filesystem");
        using var browser = new KatalogBrowser(site);
        var forged = await browser.PostAsync(KatalogLanguage.SwitchPath, null, ("dil", "en"), ("returnUrl", "/katalog"));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var unknown = await Switch(browser, "/katalog", "fr");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("<html lang=\"tr\">", await browser.HtmlAsync("/katalog/giris"));
    }

    [Fact]
    public async Task A_page_answering_a_form_offers_the_switch_back_to_the_form_it_came_from()
    {
        await using var site = await SiteHost.StartAsync("filesystem");
        using var student = await KatalogBrowser.SignedInAsync(site, "ogrenci", Role.Student);
        var token = await student.TokenAsync("/katalog/kayit/yeni");
        async Task<string> RefusedFrom(string referer)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/katalog/kayit/yeni")
            {
                Content = new FormUrlEncodedContent([new("kimlik", "X-1"), new("baslik", ""), new("__af", token)]),
            };
            request.Headers.Referrer = new Uri(referer);
            var response = await student.Client.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return ReturnField().Match(await response.Content.ReadAsStringAsync(Ct)).Groups[1].Value;
        }
        Assert.Equal("/katalog/kayit/yeni?kaynak=1", WebUtility.HtmlDecode(await RefusedFrom(new Uri(student.Client.BaseAddress!, "/katalog/kayit/yeni?kaynak=1").ToString())));
        // Another site's address is not taken as where the form came from.
        Assert.Equal("/katalog/kayit/yeni", await RefusedFrom("https://evil.example/katalog/x"));
    }

    [Fact]
    public async Task Story_form_refusals_speak_the_chosen_language()
    {
        await using var site = await SiteHost.StartAsync("filesystem");
        using var student = await KatalogBrowser.SignedInAsync(site, "ogrenci", Role.Student);
        async Task<string> Refused()
        {
            var response = await student.PostAsync("/katalog/hikaye/yeni", await student.TokenAsync("/katalog/hikaye/yeni"),
                ("kisa-ad", "Kötü Ad"), ("baslik", ""), ("metin", ""), ("eksen", "deniz"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        }
        var turkish = await Refused();
        Assert.Contains("Kısa ad yalnızca küçük harf (a–z)", turkish);
        Assert.Contains("Başlık (Türkçe) boş olamaz.", turkish);

        Assert.Equal(HttpStatusCode.Redirect, (await Switch(student, "/katalog/hikaye/yeni", "en")).StatusCode);
        var english = await Refused();
        Assert.Contains("The short name may use only lower-case letters (a–z)", english);
        Assert.Contains("The title (Turkish) cannot be empty.", english);
        Assert.Contains("The text (Turkish) cannot be empty.", english);
        Assert.Contains("'deniz' is not an axis.", english);
        Assert.DoesNotContain("boş olamaz", english);
    }

    internal static async Task<HttpResponseMessage> Switch(KatalogBrowser browser, string returnUrl, string language)
    {
        var token = await browser.TokenAsync(KatalogServices.SignInPath);
        return await browser.PostAsync(KatalogLanguage.SwitchPath, token, ("dil", language), ("returnUrl", returnUrl));
    }

    [GeneratedRegex("name=\"returnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnField();

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}

/// <summary>The katalog's strings as compiled into the program, key → value; English without falling back to Turkish.</summary>
internal static class ResourceStrings
{
    private static readonly ResourceManager Resources = new("HafizaIzmir.Site.Katalog.KatalogText", typeof(KatalogText).Assembly);

    public static Dictionary<string, string> Turkish => Of(CultureInfo.InvariantCulture);
    public static Dictionary<string, string> English => Of(CultureInfo.GetCultureInfo("en"));

    private static Dictionary<string, string> Of(CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!.Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);
}
