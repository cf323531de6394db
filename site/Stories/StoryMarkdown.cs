using HafizaIzmir.Archive.Domain;
using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HafizaIzmir.Site.Stories;

/// <summary>An archive reference inside running text: rendered as a link.</summary>
public sealed class EmbedInline(EmbedReference reference) : LeafInline
{
    public EmbedReference Reference { get; } = reference;
}

/// <summary>A paragraph that is nothing but one archive reference: rendered as a card.</summary>
public sealed class EmbedBlock(EmbedReference reference) : LeafBlock(null)
{
    public EmbedReference Reference { get; } = reference;
}

/// <summary>
/// The Markdown dialect of stories: CommonMark without raw HTML, links and images only to http, https or
/// relative addresses (anything else keeps its text and loses the link), headings moved so the outermost
/// is h2 (the page's title is the only h1), and archive references (<see cref="EmbedReference"/>).
/// </summary>
public static class StoryMarkdown
{
    public static readonly MarkdownPipeline Pipeline = Build();

    private static MarkdownPipeline Build()
    {
        var builder = new MarkdownPipelineBuilder().DisableHtml();
        // Before the link parser, which would otherwise read "[[" as the start of a link.
        builder.InlineParsers.InsertBefore<LinkInlineParser>(new EmbedInlineParser());
        return builder.Build();
    }

    /// <summary>Parses <paramref name="markdown"/> into a document that is safe to render.</summary>
    public static MarkdownDocument Parse(string markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
            if (!IsSafeUrl(link.Url)) Unwrap(link);
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
            if (autolink.IsEmail || !IsSafeUrl(autolink.Url)) autolink.ReplaceBy(new LiteralInline(autolink.Url));
        // The outermost heading of the body becomes h2 under the page's h1, keeping the steps between levels.
        var headings = document.Descendants<HeadingBlock>().ToList();
        var shift = headings.Count == 0 ? 0 : 2 - headings.Min(h => h.Level);
        foreach (var heading in headings) heading.Level = Math.Clamp(heading.Level + shift, 2, 6);
        foreach (var paragraph in document.Descendants<ParagraphBlock>().ToList())
            if (SoleEmbed(paragraph) is { } reference && paragraph.Parent is { } parent)
            {
                var at = parent.IndexOf(paragraph);
                parent.RemoveAt(at);
                parent.Insert(at, new EmbedBlock(reference) { Line = paragraph.Line, Span = paragraph.Span });
            }
        return document;
    }

    /// <summary>Every archive reference in the document, in order of appearance.</summary>
    public static IReadOnlyList<EmbedReference> References(MarkdownDocument document) =>
        [.. document.Descendants().Select(n => n switch
        {
            EmbedInline i => i.Reference,
            EmbedBlock b => b.Reference,
            _ => null,
        }).OfType<EmbedReference>()];

    /// <summary>
    /// http, https and relative addresses only. A colon before the first '/', '?' or '#' starts a scheme, so
    /// <c>javascript:</c>, <c>data:</c> and <c>vbscript:</c> fail however they are cased; whitespace and control
    /// characters (which browsers strip from schemes) and backslashes fail too.
    /// </summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrEmpty(url)) return false;
        if (url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\')) return false;
        var colon = url.IndexOf(':');
        var end = url.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (end >= 0 && end < colon)) return true;
        var scheme = url[..colon];
        return scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Replaces a link by its text (an image by its alt text).</summary>
    private static void Unwrap(LinkInline link)
    {
        var child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }
        link.Remove();
    }

    private static EmbedReference? SoleEmbed(ParagraphBlock paragraph)
    {
        EmbedReference? found = null;
        for (var inline = paragraph.Inline?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case EmbedInline embed when found is null:
                    found = embed.Reference;
                    break;
                case LiteralInline literal when literal.Content.IsEmptyOrWhitespace():
                case LineBreakInline:
                    break;
                default:
                    return null;
            }
        }
        return found;
    }

    private sealed class EmbedInlineParser : InlineParser
    {
        public EmbedInlineParser() => OpeningCharacters = ['['];

        public override bool Match(InlineProcessor processor, ref StringSlice slice)
        {
            if (slice.PeekChar() != '[') return false;
            if (EmbedReference.MatchAt(slice.Text, slice.Start, slice.End + 1) is not var (reference, length)) return false;
            var start = processor.GetSourcePosition(slice.Start, out var line, out var column);
            processor.Inline = new EmbedInline(reference) { Span = new SourceSpan(start, start + length - 1), Line = line, Column = column };
            slice.Start += length;
            return true;
        }
    }
}
