using System.Diagnostics;
using System.Text.Json;
using HafizaIzmir.Site.Accounts;
using HafizaIzmir.Tests.Images;
using HafizaIzmir.Tests.Site;
using Microsoft.Playwright;

namespace HafizaIzmir.Tests.Browser;

/// <summary>
/// A student catalogues an item from scans to submission with the keyboard only, a cataloguer returns it
/// with a note, the student fixes it, the cataloguer publishes it, and the public sees it: search, record page
/// and OAI-PMH. Every catalogue page on the way is checked with axe; the student's keystrokes and clicks are counted.
/// </summary>
public sealed class KatalogJourneyTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string Identifier = "SRR-S01-0500";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Title = "Leblebici dükkânı önünde kalabalık";

    [Fact]
    public async Task A_student_describes_with_the_keyboard_a_cataloguer_returns_and_publishes_and_the_public_finds_it()
    {
        var student = await site.NewPageAsync();
        var keys = new KeyCount(student);

        // Sign in with the keyboard: the user name field has focus, Tab to the password, Enter submits.
        await site.Service<AccountStore>().CreateAsync("ogrenci", Role.Student, KatalogBrowser.Password, Ct);
        await student.GotoAsync("/katalog/giris");
        await student.AxeCheckAsync();
        await keys.Type("ogrenci");
        await keys.Press("Tab");
        await keys.Type(KatalogBrowser.Password);
        await keys.PressAndWaitForUrl("Enter", "**/katalog");
        await student.AxeCheckAsync();

        await keys.Click(student.GetByRole(AriaRole.Link, new() { Name = "Yeni kayıt" }).First);
        await student.WaitForURLAsync("**/katalog/kayit/yeni");
        await student.AxeCheckAsync();
        await keys.Type(Identifier);
        await keys.Press("Tab");
        await keys.Type("Dükkân önünde kalabalık");
        await keys.PressAndWaitForUrl("Enter", $"**/katalog/kayit/{Identifier}");

        // Three scans at once: the upload sits just above the title, which has focus, so Shift+Tab twice reaches it.
        var scans = new[] { 1, 2, 3 }.Select(n => new FilePayload { Name = $"tarama-{n}.jpg", MimeType = "image/jpeg", Buffer = TestImages.Encode(900 + n, 700, ".jpg") }).ToArray();
        await keys.Focused("baslik");
        await keys.Press("Shift+Tab", 2);
        await keys.Focused("tarama");
        var chooser = await student.RunAndWaitForFileChooserAsync(() => keys.Press("Space"));
        await chooser.SetFilesAsync(scans);
        keys.FileDialogs++;
        await keys.Press("Tab");
        await keys.Press("Enter"); // "Yükle": the script sends the files with a progress bar
        await Assertions.Expect(student.Locator("#sayfalar-baslik")).ToHaveTextAsync("Sayfalar (3)");
        await student.AxeCheckAsync();

        // Describe: the title field has focus on arrival; Tab moves through the form in reading order.
        await keys.Focused("baslik");
        await keys.Press("Control+a");
        await keys.Type(Title);
        await keys.TabTo("tarih");
        await keys.Type("1925~");
        await Assertions.Expect(student.Locator("#tarih-okuma")).ToHaveTextAsync("yaklaşık 1925");
        await keys.TabTo("ust");
        await keys.Type("SRR-S01");
        await keys.Pick("ust");
        await keys.TabTo("tur");
        await keys.Press("g");
        await keys.TabTo("aciklama");
        await keys.Type("Kemeraltı'nda bir leblebici dükkânının önünde bekleyen kalabalık.");
        await keys.TabTo("dil");
        await keys.Type("tr");
        await keys.TabTo("eksen-0");
        await keys.Press("Space");
        await keys.TabTo("yetke-0-ad");
        await keys.Type("Şerif Remzi");
        await keys.Pick("yetke-0-ad");
        await keys.TabTo("yetke-0-rol");
        await keys.Press("f");
        await keys.TabTo("yetke-1-tur");
        await keys.Press("m");
        await keys.TabTo("yetke-1-ad");
        await keys.Type("Kızlarağası");
        await keys.Pick("yetke-1-ad");
        await keys.TabTo("yetke-2-tur");
        await keys.Press("k");
        await Assertions.Expect(student.Locator("#yetke-2-tur")).ToHaveValueAsync("institution");
        await keys.TabTo("yetke-2-ad");
        await keys.Type("Ege Vapur");
        await keys.Pick("yetke-2-ad");
        await keys.TabTo("haklar-yok");
        await keys.Press("ArrowDown", 3);
        await Assertions.Expect(student.Locator("#haklar-2")).ToBeCheckedAsync();
        await keys.PressAndWaitForUrl("Control+s", "**/katalog/kayit/*?durum=kaydedildi");
        await student.AxeCheckAsync();
        var saved = (await site.Archive.GetRecordAsync(Identifier, Ct))!.Value;
        Assert.Equal(Title, saved.Title.Tr);
        Assert.Equal(3, saved.Authorities.Count);
        Assert.Equal(3, saved.Files.Count);
        Assert.Equal("SRR-S01", saved.Parent);
        await keys.PressAndWaitForUrl("Alt+g", "**/katalog/kayit/*?durum=gonderildi");

        // The cataloguer reviews the diff and returns the record with a note on the title.
        var cataloguer = await site.NewPageAsync();
        await site.SignInAsync(cataloguer, "katalogcu", Role.Cataloguer);
        await cataloguer.AxeCheckAsync();
        await cataloguer.GotoAsync($"/katalog/kayit/{Identifier}");
        await Assertions.Expect(cataloguer.Locator("tr[data-field=yetke] ins")).ToContainTextAsync("Kızlarağası Hanı");
        await Assertions.Expect(cataloguer.Locator("tr[data-field=baslik] ins")).ToHaveTextAsync(Title);
        await cataloguer.AxeCheckAsync();
        await cataloguer.FillAsync("#not-baslik", "Başlığa yeri ekleyin: Kemeraltı.");
        await cataloguer.FillAsync("#iade-yorum", "Başlığı düzeltip yeniden gönderin.");
        await cataloguer.GetByRole(AriaRole.Button, new() { Name = "Notlarla iade et" }).ClickAsync();
        await cataloguer.WaitForURLAsync("**?durum=iade-edildi");
        foreach (var path in new[] { $"/katalog/kayit/{Identifier}/gecmis", $"/katalog/kayit/{Identifier}/surum/3", $"/katalog/kayit/{Identifier}/onizleme" })
        {
            await cataloguer.GotoAsync(path);
            await cataloguer.AxeCheckAsync();
        }

        // The student sees the note beside the title, fixes it and sends it again.
        await student.GotoAsync("/katalog");
        await Assertions.Expect(student.Locator("#iade + ul")).ToContainTextAsync("Başlığı düzeltip yeniden gönderin.");
        await student.AxeCheckAsync();
        await student.GotoAsync($"/katalog/kayit/{Identifier}");
        await Assertions.Expect(student.Locator("#baslik-not")).ToContainTextAsync("Başlığa yeri ekleyin");
        await student.AxeCheckAsync();
        await keys.Focused("baslik");
        await keys.Press("End");
        await keys.Type(", Kemeraltı");
        await keys.PressAndWaitForUrl("Control+s", "**/katalog/kayit/*?durum=kaydedildi");
        await keys.PressAndWaitForUrl("Alt+g", "**/katalog/kayit/*?durum=gonderildi");

        // Publish, then the public finds it: search within two seconds, the record page, OAI-PMH.
        await cataloguer.GotoAsync($"/katalog/kayit/{Identifier}");
        await cataloguer.GetByRole(AriaRole.Button, new() { Name = "Onayla ve yayımla" }).ClickAsync();
        await cataloguer.WaitForURLAsync("**?durum=yayimlandi");
        var clock = Stopwatch.StartNew();
        using var http = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
        while (true)
        {
            using var hits = JsonDocument.Parse(await http.GetStringAsync("/api/search?q=leblebici", Ct));
            if (hits.RootElement.GetProperty("hits").EnumerateArray().Any(h => h.GetProperty("identifier").GetString() == Identifier)) break;
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), "the published record was not searchable within 2 s");
            await Task.Delay(50, Ct);
        }
        var searchable = clock.Elapsed;
        Assert.True(searchable < TimeSpan.FromSeconds(2), $"the published record became searchable after {searchable.TotalMilliseconds:0} ms");
        var visitor = await site.NewPageAsync();
        await visitor.GotoAsync($"/kayit/{Identifier}");
        await Assertions.Expect(visitor.Locator("h1")).ToHaveTextAsync(Title + ", Kemeraltı");
        var oai = await http.GetStringAsync($"/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:hafiza.izmir:{Identifier}", Ct);
        Assert.Contains(Title + ", Kemeraltı", oai);
        Assert.Contains("Kızlarağası Hanı", oai);

        var report = $"student: {keys.Keys} keystrokes ({keys.Typed} characters of text, {keys.Pressed} other keys), {keys.Clicks} clicks, {keys.FileDialogs} file dialog; searchable {searchable.TotalMilliseconds:0} ms after publishing";
        Console.WriteLine(report);
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        TestContext.Current.SendDiagnosticMessage(report);
        Directory.CreateDirectory(PageChecks.ScreenshotDirectory);
        await File.WriteAllTextAsync(Path.Combine(PageChecks.ScreenshotDirectory, "..", "katalog-journey.txt"), report + "\n", Ct);
    }

    /// <summary>The student's input, counted: each key press (a chord is one), each character typed, each click.</summary>
    private sealed class KeyCount(IPage page)
    {
        public int Keys => Typed + Pressed;
        /// <summary>Characters of text typed (names, titles, the description).</summary>
        public int Typed { get; private set; }
        /// <summary>Other keys: Tab, Enter, arrows, shortcuts.</summary>
        public int Pressed { get; private set; }
        public int Clicks { get; private set; }
        public int FileDialogs { get; set; }

        public async Task Type(string text)
        {
            await page.Keyboard.TypeAsync(text);
            Typed += text.Length;
        }

        public async Task Press(string key, int times = 1)
        {
            for (var i = 0; i < times; i++) await page.Keyboard.PressAsync(key);
            Pressed += times;
        }

        public async Task PressAndWaitForUrl(string key, string url)
        {
            await Press(key);
            await page.WaitForURLAsync(url);
        }

        public async Task Click(ILocator locator)
        {
            await locator.ClickAsync();
            Clicks++;
        }

        public async Task Focused(string id) =>
            Assert.Equal(id, await page.EvaluateAsync<string>("() => document.activeElement && document.activeElement.id"));

        /// <summary>Presses Tab until the field has focus, as a keyboard user would.</summary>
        public async Task TabTo(string id)
        {
            for (var i = 0; i < 60; i++)
            {
                if (await page.EvaluateAsync<string>("() => document.activeElement && document.activeElement.id") == id) return;
                await Press("Tab");
            }
            Assert.Fail($"Tab never reached #{id}");
        }

        /// <summary>Waits for the suggestions and takes the first with Enter.</summary>
        public async Task Pick(string id)
        {
            await Assertions.Expect(page.Locator($"#{id}-liste li").First).ToBeVisibleAsync();
            await Press("Enter");
        }
    }
}
