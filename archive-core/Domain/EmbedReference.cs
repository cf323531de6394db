using System.Text.RegularExpressions;

namespace HafizaIzmir.Archive.Domain;

/// <summary>
/// An archive reference written in a story's Markdown: <c>[[kayit:SRR-0117]]</c>, <c>[[kisi:…]]</c>,
/// <c>[[kurum:…]]</c>, <c>[[mekan:…]]</c>. Records are named by identifier; authorities by id, name, variant or slug.
/// </summary>
public sealed partial record EmbedReference(string Prefix, string Reference)
{
    public static readonly IReadOnlyDictionary<string, AuthorityKind?> Prefixes = new Dictionary<string, AuthorityKind?>(StringComparer.Ordinal)
    {
        ["kayit"] = null,
        ["kisi"] = AuthorityKind.Person,
        ["kurum"] = AuthorityKind.Institution,
        ["mekan"] = AuthorityKind.Place,
    };

    public bool IsRecord => Prefix == "kayit";
    public AuthorityKind? Kind => Prefixes[Prefix];

    public override string ToString() => $"[[{Prefix}:{Reference}]]";

    /// <summary>Every reference in <paramref name="text"/> with the offset it starts at (for line numbers in errors).</summary>
    public static IEnumerable<(EmbedReference Reference, int Offset)> FindAll(string text)
    {
        for (var at = text.IndexOf("[[", StringComparison.Ordinal); at >= 0; at = text.IndexOf("[[", at + 2, StringComparison.Ordinal))
            if (MatchAt(text, at, text.Length) is var (reference, _)) yield return (reference, at);
    }

    /// <summary>The reference at <paramref name="start"/> in <paramref name="text"/>, with its length; null when there is none.</summary>
    public static (EmbedReference Reference, int Length)? MatchAt(string text, int start, int end)
    {
        var match = Pattern().Match(text, start, end - start);
        if (!match.Success) return null;
        var reference = match.Groups[2].Value.Trim();
        return reference.Length == 0 ? null : (new EmbedReference(match.Groups[1].Value, reference), match.Length);
    }

    [GeneratedRegex(@"\G\[\[(kayit|kisi|kurum|mekan):([^\[\]\r\n]{1,200})\]\]")]
    private static partial Regex Pattern();
}
