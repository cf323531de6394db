using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Ocr;
using HafizaIzmir.Indexer.Hosting;

namespace HafizaIzmir.Site.Ocr;

/// <summary>
/// A known authority whose name occurs in a record's page texts: which name matched, on which pages, how
/// often, and whether the record already links it.
/// </summary>
public sealed record AuthoritySuggestion(string Id, AuthorityKind Kind, string Name, string Matched, IReadOnlyList<string> MatchedNames,
    int Page, IReadOnlyList<int> Pages, int Count, bool Linked);

/// <summary>
/// Offers the persons, institutions and places whose preferred, variant or historical names occur in the
/// text of a record's scans. Only offers: linking is always a person's confirmed step. The name finder is
/// built from <see cref="AuthorityNames"/> and built again when an authority changes.
/// </summary>
public sealed class AuthoritySuggestions(AuthorityNames names)
{
    private readonly Lock _gate = new();
    private (long Changes, NameFinder Finder)? _finder;

    public IReadOnlyList<AuthoritySuggestion> For(Record record, IEnumerable<(int Page, string Text)> pages)
    {
        var finder = Finder();
        var found = new Dictionary<string, (KnownName Name, List<string> Matched, SortedSet<int> Pages, int Count)>(StringComparer.Ordinal);
        foreach (var (page, text) in pages)
            foreach (var mention in finder.Find(text))
            {
                var id = mention.Name.AuthorityId;
                if (!found.TryGetValue(id, out var entry)) found[id] = entry = (mention.Name, [], [], 0);
                if (!entry.Matched.Contains(mention.Name.Name)) entry.Matched.Add(mention.Name.Name);
                entry.Pages.Add(page);
                found[id] = entry with { Count = entry.Count + 1 };
            }
        var linked = record.Authorities.Select(a => a.AuthorityId).ToHashSet(StringComparer.Ordinal);
        return [.. found.Values
            .Select(f => new AuthoritySuggestion(f.Name.AuthorityId, f.Name.Kind, f.Name.PreferredName, f.Matched[0], f.Matched,
                f.Pages.Min, [.. f.Pages], f.Count, linked.Contains(f.Name.AuthorityId)))
            .OrderBy(s => s.Linked)
            .ThenByDescending(s => s.Count)
            .ThenBy(s => s.Name, Archive.Text.TurkishText.Alphabetical)];
    }

    private NameFinder Finder()
    {
        var changes = names.Changes;
        lock (_gate)
        {
            if (_finder is { } cached && cached.Changes == changes) return cached.Finder;
            var finder = new NameFinder(names.All().SelectMany(a => a.Names.Select(n => new KnownName(a.Id, a.Kind, a.Names[0], n))));
            _finder = (changes, finder);
            return finder;
        }
    }
}
