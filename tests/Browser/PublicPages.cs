using System.Text.Json;

namespace HafizaIzmir.Tests.Browser;

/// <summary>One example of every public page type on the demo collection, by name, as a Turkish path.</summary>
public static class PublicPages
{
    /// <summary>Every page type the public site has; theories take these names.</summary>
    public static readonly TheoryData<string> Kinds = new("home", "search", "search-none", "record", "record-within", "record-text", "person", "institution", "place", "axis", "not-found");

    public static readonly TheoryData<string, string> KindsInBothLanguages = Both();

    private static TheoryData<string, string> Both()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in Kinds)
            foreach (var language in new[] { "tr", "en" })
                data.Add(kind, language);
        return data;
    }

    /// <summary>The Turkish path of an example page of <paramref name="kind"/>.</summary>
    public static async Task<string> PathAsync(BrowserSite site, string kind) => kind switch
    {
        "home" => "/",
        "search" => "/ara?q=" + Uri.EscapeDataString("incir"),
        "search-none" => "/ara?q=" + Uri.EscapeDataString("zzyzx"),
        // The letter with a scan, three kinds of linked authority and a place in the tree.
        "record" => "/kayit/SRR-S01-0007",
        // The same letter searched inside its scans, and the text of its scans.
        "record-within" => "/kayit/SRR-S01-0007?ara=" + Uri.EscapeDataString("incir"),
        "record-text" => "/kayit/SRR-S01-0007/metin",
        "person" => "/kisi/" + Uri.EscapeDataString(await AuthorityIdAsync(site, "person", "Şerif Remzi Reyent")),
        "institution" => "/kurum/" + Uri.EscapeDataString(await AuthorityIdAsync(site, "institution", "Reyent ve Şürekâsı")),
        "place" => "/mekan/" + Uri.EscapeDataString(await AuthorityIdAsync(site, "place", "Kemeraltı")),
        "axis" => "/eksen/liman",
        "not-found" => "/kayit/YOK-0000",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such page type"),
    };

    public static async Task<string> PathAsync(BrowserSite site, string kind, string language)
    {
        var path = await PathAsync(site, kind);
        return language == "en" ? HafizaIzmir.Site.Public.SiteLanguage.ToEnglish(path.Split('?')[0]) + (path.Contains('?') ? path[path.IndexOf('?')..] : "") : path;
    }

    public static async Task<string> AuthorityIdAsync(BrowserSite site, string kind, string name)
    {
        using var client = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
        var json = await client.GetStringAsync($"/api/authorities?kind={kind}&q={Uri.EscapeDataString(name)}", TestContext.Current.CancellationToken);
        using var doc = JsonDocument.Parse(json);
        var results = doc.RootElement.GetProperty("results");
        Assert.True(results.GetArrayLength() > 0, $"no {kind} named {name} in the demo collection");
        return results[0].GetProperty("id").GetString()!;
    }
}
