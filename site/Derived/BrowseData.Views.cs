using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Text;

namespace HafizaIzmir.Site.Derived;

/// <summary>
/// The indexes the pages read, computed once after a change rather than on every request: those over
/// authorities (addresses, streets, parts of places) only when an authority changes, those over records
/// (reverse links, children, decades, recent items) only when a published record changes. A catalogue saving
/// records twice a second therefore never makes a record page rebuild the authority addresses it links with,
/// and a rebuild runs outside the lock the other lookups take.
/// </summary>
public sealed partial class BrowseData
{
    /// <summary>Place subtypes that make a place a street or an avenue (compared folded, so <c>Cadde</c> and <c>cadde</c> meet).</summary>
    public static readonly IReadOnlySet<string> StreetSubtypes = new HashSet<string>(
        new[] { "sokak", "sokağı", "cadde", "caddesi", "bulvar", "bulvarı", "yol", "yolu", "çıkmaz", "çıkmazı", "aralık", "aralığı", "geçit",
         "street", "avenue", "boulevard", "road", "lane" }.Select(TurkishText.Fold), StringComparer.Ordinal);

    public static bool IsStreet(Authority authority) =>
        authority is Place && authority.Subtype is { } s && StreetSubtypes.Contains(TurkishText.Fold(s));

    /// <summary>
    /// The authority an address segment names: its current slug (the canonical address), or its identifier,
    /// a former name's slug or a variant name's slug (each redirected to the canonical one). Null when unknown
    /// or of another kind.
    /// </summary>
    public (KnownAuthority Authority, string Canonical)? Resolve(AuthorityKind kind, string segment)
    {
        var views = CurrentAuthorityViews();
        if (views.Canonical.TryGetValue((kind, segment), out var id) || views.Aliases.TryGetValue((kind, segment), out id))
        {
            lock (_gate)
                if (_authorities.TryGetValue(id, out var known)) return (known, views.SegmentOf[id]);
        }
        return null;
    }

    /// <summary>The canonical address segment of an authority: its slug, or its identifier when the slug is shared or taken.</summary>
    public string Segment(string authorityId) => CurrentAuthorityViews().SegmentOf.GetValueOrDefault(authorityId) ?? authorityId;

    /// <summary>Published records linked to the authority, oldest first (undated last).</summary>
    public IReadOnlyList<PublishedRecord> RecordsAbout(string authorityId) =>
        CurrentRecordViews().ByAuthority.GetValueOrDefault(authorityId) ?? [];

    /// <summary>Published records whose parent is <paramref name="identifier"/>, in reference-code order.</summary>
    public IReadOnlyList<PublishedRecord> ChildrenOf(string identifier) =>
        CurrentRecordViews().Children.GetValueOrDefault(identifier) ?? [];

    /// <summary>Published records with no published parent: the fonds a visitor can start from.</summary>
    public IReadOnlyList<PublishedRecord> Roots() => CurrentRecordViews().Roots;

    /// <summary>How many published records lie below <paramref name="identifier"/> (through published levels only).</summary>
    public int DescendantCount(string identifier) => CurrentRecordViews().Descendants.GetValueOrDefault(identifier);

    /// <summary>Each decade with the number of published records dated in it, in time order.</summary>
    public IReadOnlyList<(int Decade, int Count)> Decades() => CurrentRecordViews().DecadeCounts;

    /// <summary>How many published records have no date.</summary>
    public int UndatedCount() => CurrentRecordViews().Undated;

    /// <summary>Every street and avenue, in Turkish alphabetical order of the current name.</summary>
    public IReadOnlyList<KnownAuthority> Streets() => CurrentAuthorityViews().Streets;

    /// <summary>Places that name <paramref name="placeId"/> as the place they are part of.</summary>
    public IReadOnlyList<KnownAuthority> PartsOf(string placeId) => CurrentAuthorityViews().Parts.GetValueOrDefault(placeId) ?? [];

    private RecordViews CurrentRecordViews() =>
        Current(ref _recordViews, () => _recordChanges, () => RecordViews.Build([.. _records.Values]), _recordViewsBuild);

    private AuthorityViews CurrentAuthorityViews() =>
        Current(ref _authorityViews, () => _authorityChanges, () => AuthorityViews.Build([.. _authorities.Values]), _authorityViewsBuild);

    /// <summary>
    /// The views if current; otherwise one caller builds them from a snapshot taken under the lock, while the
    /// others wait for that build rather than repeat it, and lookups that need only the lock go on meanwhile.
    /// </summary>
    private T Current<T>(ref T? views, Func<long> changes, Func<Func<T>> snapshot, Lock build) where T : class
    {
        lock (_gate)
            if (views is { } ready) return ready;
        lock (build)
        {
            Func<T> make;
            long seen;
            lock (_gate)
            {
                if (views is { } ready) return ready;
                seen = changes();
                make = snapshot();
            }
            var built = make();
            lock (_gate)
                if (changes() == seen) views = built;
            return built;
        }
    }

    /// <summary>How many of the most recently published items are kept ready for the home page.</summary>
    private const int RecentKept = 48;

    private sealed record AuthorityViews(
        Dictionary<(AuthorityKind, string), string> Canonical,
        Dictionary<(AuthorityKind, string), string> Aliases,
        Dictionary<string, string> SegmentOf,
        List<KnownAuthority> Streets,
        Dictionary<string, List<KnownAuthority>> Parts)
    {
        public static Func<AuthorityViews> Build(List<KnownAuthority> all) => () =>
        {
            var ids = all.Select(a => (a.Value.Kind, a.Value.Id)).ToHashSet();
            // A slug is an address only when exactly one authority of the kind has it and no identifier looks the same.
            var slugOwners = all.Where(a => a.Slug.Length > 0).GroupBy(a => (a.Value.Kind, a.Slug)).ToList();
            var canonical = slugOwners.Where(g => g.Count() == 1 && !ids.Contains(g.Key))
                .ToDictionary(g => g.Key, g => g.First().Value.Id);
            var segmentOf = all.ToDictionary(a => a.Value.Id, a => canonical.ContainsKey((a.Value.Kind, a.Slug)) ? a.Slug : a.Value.Id, StringComparer.Ordinal);

            var aliases = new Dictionary<(AuthorityKind, string), string>();
            foreach (var a in all) aliases[(a.Value.Kind, a.Value.Id)] = a.Value.Id;
            // Former and variant names lead to the authority when no other authority claims the same slug.
            var claims = all.SelectMany(a => a.FormerSlugs.Concat(a.Value.Variants.Select(v => TurkishText.Slug(v.Name)))
                    .Where(s => s.Length > 0).Distinct().Select(s => (Key: (a.Value.Kind, s), a.Value.Id)))
                .GroupBy(c => c.Key).Where(g => g.Count() == 1 && !canonical.ContainsKey(g.Key) && !aliases.ContainsKey(g.Key));
            foreach (var claim in claims) aliases[claim.Key] = claim.First().Id;

            var streets = all.Where(a => IsStreet(a.Value)).OrderBy(a => a.Value.Name, TurkishText.Alphabetical).ToList();
            var parts = new Dictionary<string, List<KnownAuthority>>(StringComparer.Ordinal);
            foreach (var a in all.OrderBy(a => a.Value.Name, TurkishText.Alphabetical))
                if (a.Value is Place { PartOf: { } parent }) RecordViews.Add(parts, parent, a);
            return new AuthorityViews(canonical, aliases, segmentOf, streets, parts);
        };
    }

    private sealed record RecordViews(
        Dictionary<string, List<PublishedRecord>> ByAuthority,
        Dictionary<string, List<PublishedRecord>> Children,
        List<PublishedRecord> Roots,
        Dictionary<string, int> Descendants,
        List<(int, int)> DecadeCounts,
        List<PublishedRecord> Recent,
        int Undated)
    {
        public static Func<RecordViews> Build(List<PublishedRecord> records) => () =>
        {
            var byAuthority = new Dictionary<string, List<PublishedRecord>>(StringComparer.Ordinal);
            var children = new Dictionary<string, List<PublishedRecord>>(StringComparer.Ordinal);
            var published = records.ToDictionary(r => r.Identifier, StringComparer.Ordinal);
            var decades = new SortedDictionary<int, int>();
            foreach (var r in published.Values)
            {
                foreach (var a in r.Authorities) Add(byAuthority, a, r);
                if (r.Parent is { } p && published.ContainsKey(p)) Add(children, p, r);
                foreach (var d in r.Decades) decades[d] = decades.GetValueOrDefault(d) + 1;
            }
            foreach (var list in byAuthority.Values)
                list.Sort((x, y) => (x.FirstYear ?? int.MaxValue).CompareTo(y.FirstYear ?? int.MaxValue) is var c && c != 0 ? c : string.CompareOrdinal(x.Identifier, y.Identifier));
            foreach (var list in children.Values) list.Sort((x, y) => string.CompareOrdinal(x.Identifier, y.Identifier));
            var roots = published.Values.Where(r => r.Parent is null || !published.ContainsKey(r.Parent))
                .OrderBy(r => r.Identifier, StringComparer.Ordinal).ToList();
            var descendants = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var root in roots) Count(root.Identifier, children, descendants, 0);
            var recent = published.Values.Where(r => r.Level == Level.Item)
                .OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Identifier, StringComparer.Ordinal).Take(RecentKept).ToList();
            return new RecordViews(byAuthority, children, roots, descendants,
                [.. decades.Select(d => (d.Key, d.Value))], recent, published.Values.Count(r => r.Decades.Count == 0));
        };

        private static int Count(string identifier, Dictionary<string, List<PublishedRecord>> children, Dictionary<string, int> into, int depth)
        {
            var total = 0;
            // Bad data could make a cycle; a real hierarchy is four levels deep.
            if (depth < 64 && children.TryGetValue(identifier, out var list))
                foreach (var child in list) total += 1 + Count(child.Identifier, children, into, depth + 1);
            into[identifier] = total;
            return total;
        }

        public static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
        {
            if (!map.TryGetValue(key, out var list)) map[key] = list = [];
            list.Add(value);
        }
    }
}
