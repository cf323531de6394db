using System.Text.Json;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Site.Public;
using HafizaIzmir.Site.Stories;
using HafizaIzmir.Site.Web;
using Microsoft.AspNetCore.Mvc;

namespace HafizaIzmir.Site.Pages;

using Archive = HafizaIzmir.Archive.Storage.Archive;

/// <summary>
/// <c>/hikaye/{slug}</c> (<c>/en/stories/{slug}</c>): one published story with its cover, body and the archive
/// records it shows, described for search engines (schema.org Article) and for sharing (Open Graph).
/// </summary>
public sealed class StoryModel(Archive archive, StoryRenderer renderer, EmbedResolver resolver) : SitePage
{
    public Story Story { get; private set; } = null!;
    public RenderedStory Body { get; private set; } = null!;
    /// <summary>True when the English page shows the Turkish text because there is no English one.</summary>
    public bool TurkishOnly { get; private set; }
    public EmbedTarget? Cover { get; private set; }

    public string Origin => $"{Request.Scheme}://{Request.Host}";
    public string CanonicalUrl => Origin + Language.Path(StoryPath(Story.Slug));
    public string? ImageUrl => Cover?.Thumbnail is { } t ? Origin + t : null;

    public static string StoryPath(string slug) => "/hikaye/" + Uri.EscapeDataString(slug);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var story = (await archive.GetStoryAsync(slug, ct))?.Value;
        if (!PublicationGate.IsPublic(story)) return NotFoundPage("Story_NotFound");
        Story = story!;
        Title = Story.Title.In(Language.Code);
        Summary = Story.Summary?.In(Language.Code) is { Length: > 0 } s ? s : null;
        TurkishOnly = Language.IsEnglish && string.IsNullOrWhiteSpace(Story.Body.En);
        var markdown = Language.IsEnglish && !TurkishOnly ? Story.Body.En! : Story.Body.Tr;
        Body = await renderer.RenderAsync(markdown, Language, preview: false, ct);
        if (Story.Cover is { } cover
            && (await resolver.ResolveAsync([new EmbedReference("kayit", cover)], ct)).Values.SingleOrDefault() is { IsPublic: true } target)
            Cover = target;
        PreviewType = "article";
        PreviewImage = Cover?.Thumbnail;
        JsonLd = SchemaOrg();
        return Page();
    }

    public string Describe(DateTimeOffset at) => at.ToString("d MMMM yyyy", Language.Culture);

    private string SchemaOrg()
    {
        var data = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Article",
            ["@id"] = CanonicalUrl,
            ["url"] = CanonicalUrl,
            ["mainEntityOfPage"] = CanonicalUrl,
            ["headline"] = Title,
            ["name"] = Title,
            ["description"] = Summary,
            ["inLanguage"] = TurkishOnly ? "tr" : Language.Code,
            ["datePublished"] = Story.PublishedAt?.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["dateModified"] = Story.ChangedAt?.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["author"] = Story.Author is { } author ? new Dictionary<string, string> { ["@type"] = "Person", ["name"] = author } : null,
            ["publisher"] = new Dictionary<string, string> { ["@type"] = "ArchiveOrganization", ["name"] = T("Site_Name") },
            ["image"] = ImageUrl,
            ["keywords"] = Story.Axes.Count > 0 ? string.Join(", ", Story.Axes.Select(a => T("axis_" + a.Code()))) : null,
            ["isBasedOn"] = Body.PublicRecords.Count > 0 ? Body.PublicRecords.Select(r => Origin + r.Path).ToList() : null,
        };
        // The default encoder escapes '<', '>' and '&', so story text cannot close the script element.
        return JsonSerializer.Serialize(data.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value));
    }
}
