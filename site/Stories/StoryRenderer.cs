using HafizaIzmir.Archive.Domain;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using HafizaIzmir.Site.Public;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace HafizaIzmir.Site.Stories;

/// <summary>A story body as HTML, with the references it makes and what they point at.</summary>
public sealed record RenderedStory(string Html, IReadOnlyList<EmbedReference> References, IReadOnlyDictionary<EmbedReference, EmbedTarget?> Targets)
{
    /// <summary>References that name nothing in the archive (a typo, or a record that was never created).</summary>
    public IReadOnlyList<EmbedReference> Unresolved => [.. References.Distinct().Where(r => Targets.GetValueOrDefault(r) is null)];

    /// <summary>Public records the story shows, for the page's structured data.</summary>
    public IReadOnlyList<EmbedTarget> PublicRecords => [.. References.Distinct().Select(r => Targets.GetValueOrDefault(r)).OfType<EmbedTarget>().Where(t => t.IsPublic && t.Reference.IsRecord)];
}

/// <summary>
/// Renders story Markdown in a language. On the public site a reference to a record the public may not see,
/// or to nothing, renders as nothing at all; the cataloguing preview shows a notice in its place instead.
/// </summary>
public sealed class StoryRenderer(EmbedResolver resolver)
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public async Task<RenderedStory> RenderAsync(string markdown, SiteLanguage language, bool preview, CancellationToken ct)
    {
        var document = StoryMarkdown.Parse(markdown);
        var references = StoryMarkdown.References(document);
        var targets = await resolver.ResolveAsync(references, ct);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        StoryMarkdown.Pipeline.Setup(renderer);
        var cards = new EmbedWriter(targets, language, preview);
        renderer.ObjectRenderers.Add(new BlockRenderer(cards));
        renderer.ObjectRenderers.Add(new InlineRenderer(cards));
        renderer.Render(document);
        writer.Flush();
        return new RenderedStory(writer.ToString(), references, targets);
    }

    private static string H(string? text) => Html.Encode(text ?? "");

    private sealed class EmbedWriter(IReadOnlyDictionary<EmbedReference, EmbedTarget?> targets, SiteLanguage language, bool preview)
    {
        public string Card(EmbedReference reference)
        {
            if (Visible(reference) is not { } target) return Notice(reference, block: true);
            var href = H(language.Path(target.Path));
            var title = H(target.Title.In(language.Code));
            var meta = Meta(target);
            if (target.Reference.IsRecord)
            {
                var image = target.Thumbnail is null ? ""
                    : $"<img src=\"{H(target.Thumbnail)}\" alt=\"\" loading=\"lazy\"{(target.ThumbnailWidth > 0 ? $" width=\"{target.ThumbnailWidth}\" height=\"{target.ThumbnailHeight}\"" : "")}>";
                return $"<div class=\"story-embed story-embed-record\"><a href=\"{href}\">{image}<span class=\"story-embed-title\">{title}</span></a>"
                    + $"<span class=\"story-embed-meta\">{H(meta)}</span></div>\n";
            }
            return $"<div class=\"story-embed story-embed-{H(target.Reference.Prefix)}\"><a href=\"{href}\"><span class=\"story-embed-title\">{title}</span></a>"
                + $"<span class=\"story-embed-meta\">{H(meta)}</span></div>\n";
        }

        public string Link(EmbedReference reference) =>
            Visible(reference) is { } target
                ? $"<a class=\"story-ref\" href=\"{H(language.Path(target.Path))}\">{H(target.Title.In(language.Code))}</a>"
                : Notice(reference, block: false);

        private EmbedTarget? Visible(EmbedReference reference) =>
            targets.GetValueOrDefault(reference) is { IsPublic: true } target ? target : null;

        /// <summary>Nothing on the public site; in the preview, what the public will miss and why.</summary>
        private string Notice(EmbedReference reference, bool block)
        {
            if (!preview) return "";
            var why = targets.GetValueOrDefault(reference) is { } target
                ? $"{target.Title.Tr}: yayımlanmamış; kamuya açık sitede görünmeyecek"
                : "arşivde bulunamadı";
            var text = $"{reference} — {why}";
            return block ? $"<p class=\"story-embed-missing\">{H(text)}</p>\n" : $"<mark class=\"story-embed-missing\">{H(text)}</mark>";
        }

        private string Meta(EmbedTarget target)
        {
            var parts = new List<string>();
            if (!target.Reference.IsRecord) parts.Add(language["Facet_" + target.Reference.Kind!.Value.ToString().ToLowerInvariant()]);
            if (target.Date is { } date) parts.Add(date.Describe(language.Code));
            if (target.Subtype is { } subtype) parts.Add(subtype);
            if (target.Identifier is { } identifier) parts.Add(identifier);
            return string.Join(" · ", parts);
        }
    }

    private sealed class BlockRenderer(EmbedWriter cards) : HtmlObjectRenderer<EmbedBlock>
    {
        protected override void Write(HtmlRenderer renderer, EmbedBlock block) => renderer.Write(cards.Card(block.Reference));
    }

    private sealed class InlineRenderer(EmbedWriter cards) : HtmlObjectRenderer<EmbedInline>
    {
        protected override void Write(HtmlRenderer renderer, EmbedInline inline) => renderer.Write(cards.Link(inline.Reference));
    }
}
