using System.Text.Json.Nodes;
using HafizaIzmir.Archive.Ocr;

namespace HafizaIzmir.Site.Ocr;

/// <summary>One hit on a page: the words as written, their boxes in canvas pixels (none: the whole page), and the line around them.</summary>
public sealed record ContentHit(int Page, string Text, IReadOnlyList<(int X, int Y, int W, int H)> Boxes, string Prefix, string Suffix);

/// <summary>
/// Finds query words in a record's page texts for the IIIF Content Search API: folded, whole-word matching
/// (<see cref="NameFinder.Words"/>), a query of several words as a phrase where it occurs so and word by word
/// elsewhere. Boxes come from the OCR reading, scaled from the recognised image to the canvas; on a page
/// whose corrected transcription is shown, a found word takes the box of the same occurrence in the reading.
/// </summary>
public static class ContentSearch
{
    public const int MaxHits = 1000;
    private const int ContextWords = 4;

    public static IReadOnlyList<ContentHit> Find(string query, IReadOnlyList<PageText> pages, Func<int, (int Width, int Height)> canvasSize)
    {
        var terms = NameFinder.Words(query);
        var hits = new List<ContentHit>();
        if (terms.Count == 0) return hits;
        foreach (var page in pages)
        {
            var words = Tokens(page);
            var ocr = page.Ocr is { } reading ? Tokens(new PageText(page.Page, "", TextSource.Ocr, reading)) : [];
            var (canvasWidth, canvasHeight) = canvasSize(page.Page);
            for (var i = 0; i < words.Count && hits.Count < MaxHits;)
            {
                var length = Matches(words, i, terms) ? terms.Count : terms.Count > 1 && terms.Contains(words[i].Folded) ? 1 : 0;
                if (length == 0)
                {
                    i++;
                    continue;
                }
                var span = words.Skip(i).Take(length).ToList();
                var boxes = new List<(int, int, int, int)>();
                foreach (var word in span)
                {
                    var box = page.Source == TextSource.Ocr ? word.Box : SameOccurrence(words, i + span.IndexOf(word), ocr);
                    if (box is { } b && page.Ocr is { Width: > 0, Height: > 0 } r) boxes.Add(Scale(b, r.Width, r.Height, canvasWidth, canvasHeight));
                }
                hits.Add(new ContentHit(page.Page, string.Join(' ', span.Select(w => w.Text)), Merge(boxes),
                    string.Join(' ', words.Skip(Math.Max(0, i - ContextWords)).Take(Math.Min(i, ContextWords)).Select(w => w.Text)),
                    string.Join(' ', words.Skip(i + length).Take(ContextWords).Select(w => w.Text))));
                i += length;
            }
        }
        return hits;
    }

    /// <summary>The Search 2.0 answer: the matched text as annotations on the canvases, and highlighting annotations that quote them.</summary>
    public static JsonObject Page(string id, string manifestId, IReadOnlyList<ContentHit> hits)
    {
        var items = new JsonArray();
        var highlights = new JsonArray();
        for (var n = 0; n < hits.Count; n++)
        {
            var hit = hits[n];
            var canvas = $"{manifestId}/canvas/{hit.Page}";
            var boxes = hit.Boxes.Count == 0 ? [null] : hit.Boxes.Select(b => ((int, int, int, int)?)b).ToList();
            for (var k = 0; k < boxes.Count; k++)
            {
                var annotation = $"{id}#hit-{n + 1}-{k + 1}";
                items.Add(new JsonObject
                {
                    ["id"] = annotation,
                    ["type"] = "Annotation",
                    ["motivation"] = "supplementing",
                    ["body"] = new JsonObject { ["type"] = "TextualBody", ["value"] = hit.Text, ["format"] = "text/plain" },
                    ["target"] = boxes[k] is var (x, y, w, h) ? $"{canvas}#xywh={x},{y},{w},{h}" : canvas,
                });
                highlights.Add(new JsonObject
                {
                    ["id"] = $"{id}#match-{n + 1}-{k + 1}",
                    ["type"] = "Annotation",
                    ["motivation"] = "highlighting",
                    ["target"] = new JsonObject
                    {
                        ["type"] = "SpecificResource",
                        ["source"] = annotation,
                        ["selector"] = new JsonArray(new JsonObject
                        {
                            ["type"] = "TextQuoteSelector",
                            ["prefix"] = hit.Prefix.Length > 0 ? hit.Prefix + " " : "",
                            ["exact"] = hit.Text,
                            ["suffix"] = hit.Suffix.Length > 0 ? " " + hit.Suffix : "",
                        }),
                    },
                });
            }
        }
        var page = new JsonObject
        {
            ["@context"] = "http://iiif.io/api/search/2/context.json",
            ["id"] = id,
            ["type"] = "AnnotationPage",
            ["items"] = items,
        };
        if (highlights.Count > 0) page["annotations"] = new JsonArray(new JsonObject { ["type"] = "AnnotationPage", ["items"] = highlights });
        return page;
    }

    private sealed record Token(string Text, string Folded, (int X, int Y, int W, int H)? Box);

    /// <summary>A page's words with their folded forms; OCR words keep their boxes.</summary>
    private static List<Token> Tokens(PageText page)
    {
        var tokens = new List<Token>();
        if (page.Source == TextSource.Ocr && page.Ocr is { } reading)
        {
            foreach (var word in reading.Words)
                foreach (var folded in NameFinder.Words(word.Text))
                    tokens.Add(new Token(word.Text, folded, (word.X, word.Y, word.Width, word.Height)));
            return tokens;
        }
        foreach (var raw in page.Text.Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
            foreach (var folded in NameFinder.Words(raw))
                tokens.Add(new Token(raw, folded, null));
        return tokens;
    }

    private static bool Matches(List<Token> words, int at, IReadOnlyList<string> terms)
    {
        if (at + terms.Count > words.Count) return false;
        for (var k = 0; k < terms.Count; k++)
            if (words[at + k].Folded != terms[k]) return false;
        return true;
    }

    /// <summary>The box of the reading's word that is the same occurrence (first, second …) of this word's folded form.</summary>
    private static (int X, int Y, int W, int H)? SameOccurrence(List<Token> words, int index, List<Token> ocr)
    {
        var folded = words[index].Folded;
        var occurrence = words.Take(index).Count(w => w.Folded == folded);
        var candidates = ocr.Where(w => w.Folded == folded).ToList();
        return candidates.Count == 0 ? null : candidates[Math.Min(occurrence, candidates.Count - 1)].Box;
    }

    private static (int, int, int, int) Scale((int X, int Y, int W, int H) b, int fromWidth, int fromHeight, int toWidth, int toHeight)
    {
        double sx = (double)toWidth / fromWidth, sy = (double)toHeight / fromHeight;
        var x = (int)Math.Floor(b.X * sx);
        var y = (int)Math.Floor(b.Y * sy);
        var right = Math.Min(toWidth, (int)Math.Ceiling((b.X + b.W) * sx));
        var bottom = Math.Min(toHeight, (int)Math.Ceiling((b.Y + b.H) * sy));
        return (x, y, Math.Max(1, right - x), Math.Max(1, bottom - y));
    }

    /// <summary>Boxes of a phrase on one line become one box; a phrase over a line break keeps one box per line.</summary>
    private static List<(int X, int Y, int W, int H)> Merge(List<(int X, int Y, int W, int H)> boxes)
    {
        var merged = new List<(int X, int Y, int W, int H)>();
        foreach (var b in boxes)
        {
            if (merged.Count > 0 && merged[^1] is var last && b.Y < last.Y + last.H && b.Y + b.H > last.Y && b.X >= last.X)
            {
                var x = Math.Min(last.X, b.X);
                var y = Math.Min(last.Y, b.Y);
                merged[^1] = (x, y, Math.Max(last.X + last.W, b.X + b.W) - x, Math.Max(last.Y + last.H, b.Y + b.H) - y);
            }
            else
            {
                merged.Add(b);
            }
        }
        return merged;
    }
}
