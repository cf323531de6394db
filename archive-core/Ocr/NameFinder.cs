using System.Text;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Text;

namespace HafizaIzmir.Archive.Ocr;

/// <summary>A name the finder knows: the authority it belongs to and whether it is the preferred one.</summary>
public sealed record KnownName(string AuthorityId, AuthorityKind Kind, string PreferredName, string Name);

/// <summary>One place in a text where a known name occurs, as whole words.</summary>
public sealed record NameMention(KnownName Name, int Word, int Words);

/// <summary>
/// Finds the known names of persons, institutions and places in running text: every name (preferred,
/// variant, historical) is cut into folded words (<see cref="TurkishText.Fold"/>) and kept in a word trie,
/// and the text is walked word by word, taking the longest name that starts at each word. So matching is
/// on word boundaries, multi-word, and blind to case, Turkish letters and circumflexes (<c>ŞÜREKÂSI</c> =
/// <c>Şürekası</c> = <c>surekasi</c>); a suffix after an apostrophe (<c>Reyent'in</c>) is not part of the name.
/// </summary>
public sealed class NameFinder
{
    /// <summary>One-word names shorter than this are too likely to be ordinary words (or OCR debris).</summary>
    public const int MinSingleWordLength = 3;

    private readonly Node _root = new();

    public NameFinder(IEnumerable<KnownName> names)
    {
        foreach (var name in names)
        {
            var words = Words(name.Name);
            if (words.Count == 0 || (words.Count == 1 && words[0].Length < MinSingleWordLength)) continue;
            var node = _root;
            foreach (var word in words)
            {
                node.Next ??= new Dictionary<string, Node>(StringComparer.Ordinal);
                if (!node.Next.TryGetValue(word, out var next)) node.Next[word] = next = new Node();
                node = next;
            }
            // Two authorities may share a name; both are offered and the person chooses.
            if (!node.Ends.Any(e => e.AuthorityId == name.AuthorityId)) node.Ends.Add(name);
        }
    }

    public IReadOnlyList<NameMention> Find(string text) => Find(Words(text));

    public IReadOnlyList<NameMention> Find(IReadOnlyList<string> words)
    {
        var found = new List<NameMention>();
        var i = 0;
        while (i < words.Count)
        {
            var node = _root;
            (Node Node, int Length)? longest = null;
            for (var j = i; j < words.Count && node.Next is not null && node.Next.TryGetValue(words[j], out var next); j++)
            {
                node = next;
                if (node.Ends.Count > 0) longest = (node, j - i + 1);
            }
            if (longest is { } hit)
            {
                foreach (var name in hit.Node.Ends) found.Add(new NameMention(name, i, hit.Length));
                i += hit.Length; // a shorter name inside a longer one is the longer one's part, not a mention
            }
            else
            {
                i++;
            }
        }
        return found;
    }

    /// <summary>
    /// The folded words of a text: runs of letters and digits; an apostrophe ends the word's name part
    /// (Turkish writes case endings of proper names after one).
    /// </summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var suffix = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || c == '\u0307' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                if (!suffix) word.Append(c);
            }
            else if (c is '\'' or '’' or 'ʼ' && word.Length > 0)
            {
                suffix = true;
            }
            else
            {
                Flush();
            }
        }
        Flush();
        return words;

        void Flush()
        {
            if (word.Length > 0 && TurkishText.Fold(word.ToString()) is { Length: > 0 } folded) words.AddRange(folded.Split(' '));
            word.Clear();
            suffix = false;
        }
    }

    private sealed class Node
    {
        public Dictionary<string, Node>? Next;
        public List<KnownName> Ends { get; } = [];
    }
}
