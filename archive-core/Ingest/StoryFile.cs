using HafizaIzmir.Archive.Domain;

namespace HafizaIzmir.Archive.Ingest;

/// <summary>
/// A story as a Markdown file: front matter of <c>key: value</c> lines between two <c>---</c> lines, the
/// Turkish body, and optionally the English body after a line <c>&lt;!-- en --&gt;</c>. Keys: <c>slug</c>,
/// <c>title</c>, <c>title_en</c>, <c>summary</c>, <c>summary_en</c>, <c>axes</c> (codes separated by <c>;</c>),
/// <c>cover</c> (a record identifier), <c>featured</c> (<c>true</c>/<c>false</c>) and <c>author</c>.
/// </summary>
public static class StoryFile
{
    public const string EnglishMarker = "<!-- en -->";

    private static readonly HashSet<string> Keys = new(StringComparer.Ordinal)
        { "slug", "title", "title_en", "summary", "summary_en", "axes", "cover", "featured", "author" };

    /// <summary>The story the file describes (state Draft), or the problems with their line numbers.</summary>
    public static (Story? Story, IReadOnlyList<ImportIssue> Issues) Parse(string text, string fileName)
    {
        var issues = new List<ImportIssue>();
        void Issue(int line, string? field, string message) => issues.Add(new ImportIssue(line, field, message) { File = fileName });
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n").Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            Issue(1, null, "a story file starts with a front matter block: a line '---', 'key: value' lines, and another '---'");
            return (null, issues);
        }
        var values = new Dictionary<string, (string Value, int Line)>(StringComparer.Ordinal);
        var end = -1;
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Trim() == "---")
            {
                end = i;
                break;
            }
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                Issue(i + 1, null, $"'{line.Trim()}' is not a 'key: value' line");
                continue;
            }
            var key = line[..colon].Trim();
            if (!Keys.Contains(key)) Issue(i + 1, key, $"unknown key; use {string.Join(", ", Keys)}");
            else if (values.ContainsKey(key)) Issue(i + 1, key, "given twice");
            else values[key] = (line[(colon + 1)..].Trim(), i + 1);
        }
        if (end < 0)
        {
            Issue(lines.Length, null, "the front matter is not closed by a line '---'");
            return (null, issues);
        }

        string? Value(string key) => values.TryGetValue(key, out var v) && v.Value.Length > 0 ? v.Value : null;
        int LineOf(string key) => values.TryGetValue(key, out var v) ? v.Line : 1;

        var slug = Value("slug");
        if (slug is null) Issue(1, "slug", "required");
        else if (!Story.IsValidSlug(slug)) Issue(LineOf("slug"), "slug", $"'{slug}' is not a slug: lower-case letters and digits in words joined by hyphens, at most {Story.MaxSlugLength} characters");
        var title = Value("title");
        if (title is null) Issue(LineOf("title"), "title", "required");
        var axes = new List<Axis>();
        foreach (var code in (Value("axes") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (Vocabulary.Axes.TryGetValue(code, out var axis)) axes.Add(axis);
            else Issue(LineOf("axes"), "axes", $"'{code}' is not an axis; use {string.Join(", ", Vocabulary.Axes.Keys)}");
        var featured = false;
        if (Value("featured") is { } flag && !bool.TryParse(flag, out featured)) Issue(LineOf("featured"), "featured", $"'{flag}' is neither true nor false");
        var cover = Value("cover");
        if (cover is not null && !Storage.Archive.IsIdentifier(cover)) Issue(LineOf("cover"), "cover", $"'{cover}' is not a record identifier");

        var body = string.Join('\n', lines[(end + 1)..]);
        var split = body.Split('\n').ToList().FindIndex(l => l.Trim() == EnglishMarker);
        var bodyLines = body.Split('\n');
        var tr = (split < 0 ? body : string.Join('\n', bodyLines[..split])).Trim();
        var en = split < 0 ? null : string.Join('\n', bodyLines[(split + 1)..]).Trim();
        if (tr.Length == 0) Issue(end + 2, "body", "the Turkish body is empty");
        if (issues.Count > 0) return (null, issues);

        var summary = Value("summary");
        var summaryEn = Value("summary_en");
        return (new Story
        {
            Slug = slug!,
            Title = new LocalizedText(title!, Value("title_en")),
            Summary = summary is null && summaryEn is null ? null : new LocalizedText(summary ?? "", summaryEn),
            Body = new LocalizedText(tr, string.IsNullOrEmpty(en) ? null : en),
            Axes = axes,
            Cover = cover,
            Featured = featured,
            Author = Value("author"),
        }, issues);
    }

    /// <summary>The 1-based line of <paramref name="offset"/> in a body that starts on <paramref name="firstLine"/>.</summary>
    public static int LineAt(string text, int offset, int firstLine) => firstLine + text.AsSpan(0, offset).Count('\n');
}
