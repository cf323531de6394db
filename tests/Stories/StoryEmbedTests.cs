namespace HafizaIzmir.Tests.Stories;

/// <summary>Archive references in stories: cards and links for what is public, nothing at all for what is not.</summary>
public sealed class StoryEmbedTests
{
    [Fact]
    public async Task A_public_record_on_its_own_line_becomes_a_card_with_title_date_and_iiif_thumbnail()
    {
        using var fixture = await StoryFixture.CreateAsync(StoryFixture.SeedAsync);
        var html = (await fixture.PublicAsync("Giriş.\n\n[[kayit:SRR-0001]]\n\nSon.")).Html;
        Assert.Contains("<div class=\"story-embed story-embed-record\"><a href=\"/kayit/SRR-0001\">", html);
        Assert.Contains("<img src=\"/iiif/3/SRR-0001~1/full/400,/0/default.jpg\" alt=\"\" loading=\"lazy\" width=\"400\" height=\"533\">", html);
        Assert.Contains("12 Mayıs 1923", html);
        // The card is a block of its own, never inside a paragraph.
        Assert.DoesNotContain("<p><div", html);
        SafeHtml.Assert(html);
    }

    [Fact]
    public async Task Html_in_an_embedded_records_title_is_escaped()
    {
        using var fixture = await StoryFixture.CreateAsync(StoryFixture.SeedAsync);
        var tr = (await fixture.PublicAsync("[[kayit:SRR-0001]]")).Html;
        Assert.Contains("İncir &lt;b&gt;ihracatına&lt;/b&gt; dair mektup", tr);
        Assert.DoesNotContain("<b>", tr);
        var en = (await fixture.PublicAsync("See [[kayit:SRR-0001]] here.", english: true)).Html;
        Assert.Contains("<a class=\"story-ref\" href=\"/en/record/SRR-0001\">Letter about &lt;i&gt;fig&lt;/i&gt; exports</a>", en);
    }

    [Fact]
    public async Task A_reference_inside_running_text_is_a_link_in_the_pages_language()
    {
        using var fixture = await StoryFixture.CreateAsync(StoryFixture.SeedAsync);
        var tr = (await fixture.PublicAsync("[[kisi:Şerif Remzi]] ve [[mekan:quai de smyrne]] üzerine.")).Html;
        Assert.Contains("<a class=\"story-ref\" href=\"/kisi/kisi-serif-remzi-reyent\">Şerif Remzi Reyent</a> ve <a class=\"story-ref\" href=\"/mekan/l-kordon\">Kordon</a>", tr);
        var en = (await fixture.PublicAsync("[[kisi:kisi-serif-remzi-reyent]]", english: true)).Html;
        Assert.Contains("<a href=\"/en/person/kisi-serif-remzi-reyent\"><span class=\"story-embed-title\">Şerif Remzi Reyent</span></a><span class=\"story-embed-meta\">Person · 1890 – 1957</span>", en);
    }

    [Fact]
    public async Task A_record_that_is_not_public_or_does_not_exist_renders_as_nothing_on_the_public_site()
    {
        using var fixture = await StoryFixture.CreateAsync(StoryFixture.SeedAsync);
        var rendered = await fixture.PublicAsync("Önce [[kayit:SRR-0002]] sonra.\n\n[[kayit:SRR-0002]]\n\n[[kayit:YOK-1]] ve [[kurum:Olmayan Firma]] ve [[kisi:l-kordon]]");
        Assert.DoesNotContain("SRR-0002", rendered.Html);
        Assert.DoesNotContain("Gizli taslak", rendered.Html);
        Assert.DoesNotContain("YOK-1", rendered.Html);
        Assert.DoesNotContain("[[", rendered.Html);
        Assert.DoesNotContain("Kordon", rendered.Html);
        Assert.Contains("<p>Önce  sonra.</p>", rendered.Html);
        Assert.Empty(rendered.PublicRecords);
        // A place's id under kisi: names no person; unknown names are reported for the form's validation.
        Assert.Equal(["[[kayit:YOK-1]]", "[[kurum:Olmayan Firma]]", "[[kisi:l-kordon]]"], rendered.Unresolved.Select(r => r.ToString()));
    }

    [Fact]
    public async Task The_cataloguing_preview_says_what_the_public_will_not_see()
    {
        using var fixture = await StoryFixture.CreateAsync(StoryFixture.SeedAsync);
        var html = (await fixture.PreviewAsync("[[kayit:SRR-0002]]\n\n[[kayit:YOK-1]]")).Html;
        Assert.Contains("[[kayit:SRR-0002]] — Gizli taslak konşimento: yayımlanmamış; kamuya açık sitede görünmeyecek", html);
        Assert.Contains("[[kayit:YOK-1]] — arşivde bulunamadı", html);
        Assert.DoesNotContain("/iiif/3/SRR-0002", html);
    }

    [Fact]
    public async Task A_reference_in_code_is_left_as_code()
    {
        using var fixture = await StoryFixture.CreateAsync(StoryFixture.SeedAsync);
        var html = (await fixture.PublicAsync("Yazım: `[[kayit:SRR-0001]]`")).Html;
        Assert.Contains("<code>[[kayit:SRR-0001]]</code>", html);
    }
}
