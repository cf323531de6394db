using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace HafizaIzmir.Indexer.Search;

/// <summary>
/// Counts facet values over every matching record from the SortedSet doc values each record carries
/// (<c>id␟label</c> per value), read once per segment into plain ordinal arrays. A search counts its hits'
/// ordinals of all dimensions in one pass per segment and folds them into reader-wide slots through maps
/// built once per index generation; no string is touched and nothing is allocated per hit.
/// </summary>
internal static class FacetCounter
{
    public const int MaxValuesPerDimension = 30;

    /// <summary>Browse results (no words) cached per generation: the same filters give the same counts until the index changes.</summary>
    private const int CachedBrowseResults = 256;

    private static readonly ConditionalWeakTable<IndexReader, ReaderFacets> Readers = new();
    private static readonly ConditionalWeakTable<object, SegmentValues> Segments = new();

    public static IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Count(IndexReader reader, MatchingDocs hits, string? browseKey)
    {
        var facets = Readers.GetValue(reader, r => new ReaderFacets(r));
        if (browseKey is not null && facets.Browse.TryGetValue(browseKey, out var cached)) return cached;
        var result = facets.Count(hits);
        if (browseKey is not null && facets.Browse.Count < CachedBrowseResults) facets.Browse.TryAdd(browseKey, result);
        return result;
    }

    /// <summary>
    /// One segment's facet values, read once (segments never change): the <c>id␟label</c> keys of every
    /// dimension, and every document's values as one run of ordinals in a single space where dimension
    /// <c>d</c> starts at <see cref="Offsets"/>[d]. Counting then reads plain arrays instead of doc values.
    /// </summary>
    private sealed class SegmentValues
    {
        public readonly string[]?[] Keys;
        public readonly int[] Offsets;
        public readonly int[] Starts; // document → first index into Ordinals; Starts[maxDoc] ends the last
        public readonly int[] Ordinals;

        public SegmentValues(AtomicReader segment)
        {
            var dimensions = IndexFields.FacetDimensions.Count;
            Keys = new string[]?[dimensions];
            Offsets = new int[dimensions + 1];
            var sources = new SortedSetDocValues?[dimensions];
            var bytes = new BytesRef();
            for (var d = 0; d < dimensions; d++)
            {
                var values = sources[d] = segment.GetSortedSetDocValues(IndexFields.FacetValues(IndexFields.FacetDimensions[d]));
                Offsets[d + 1] = Offsets[d] + (int)(values?.ValueCount ?? 0);
                if (values is null) continue;
                var keys = new string[values.ValueCount];
                for (var ord = 0; ord < keys.Length; ord++)
                {
                    values.LookupOrd(ord, bytes);
                    keys[ord] = bytes.Utf8ToString();
                }
                Keys[d] = keys;
            }
            var maxDoc = segment.MaxDoc;
            Starts = new int[maxDoc + 1];
            var ordinals = new List<int>(maxDoc * 4);
            for (var doc = 0; doc < maxDoc; doc++)
            {
                Starts[doc] = ordinals.Count;
                for (var d = 0; d < dimensions; d++)
                {
                    if (sources[d] is not { } values) continue;
                    values.SetDocument(doc);
                    long ord;
                    while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) ordinals.Add(Offsets[d] + (int)ord);
                }
            }
            Starts[maxDoc] = ordinals.Count;
            Ordinals = [.. ordinals];
        }
    }

    /// <summary>One index generation: every value of each dimension in one slot table, and each segment's ordinals mapped onto it.</summary>
    private sealed class ReaderFacets
    {
        private readonly FacetCount[][] _values; // per dimension, by slot (count unused)
        private readonly int[][] _alphabetical; // per dimension, slot → rank of its label in Turkish order
        private readonly int[]?[][] _slots; // per segment, per dimension: segment ordinal → slot
        private readonly SegmentValues[] _segments;
        private readonly int _maxOrdinals; // the largest ordinal space of a segment
        public readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>>> Browse = new(StringComparer.Ordinal);

        public ReaderFacets(IndexReader reader)
        {
            var dimensions = IndexFields.FacetDimensions.Count;
            var leaves = reader.Leaves;
            var tables = Enumerable.Range(0, dimensions).Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
            var lists = Enumerable.Range(0, dimensions).Select(_ => new List<FacetCount>()).ToArray();
            _slots = new int[]?[leaves.Count][];
            _segments = new SegmentValues[leaves.Count];
            for (var l = 0; l < leaves.Count; l++)
            {
                var segment = leaves[l].AtomicReader;
                var values = _segments[l] = Segments.GetValue(segment.CoreCacheKey, _ => new SegmentValues(segment));
                _maxOrdinals = Math.Max(_maxOrdinals, values.Offsets[^1]);
                _slots[l] = new int[]?[dimensions];
                for (var d = 0; d < dimensions; d++)
                {
                    if (values.Keys[d] is not { } keys) continue;
                    var map = new int[keys.Length];
                    for (var ord = 0; ord < keys.Length; ord++)
                    {
                        if (!tables[d].TryGetValue(keys[ord], out var slot))
                        {
                            tables[d][keys[ord]] = slot = lists[d].Count;
                            lists[d].Add(Parse(keys[ord]));
                        }
                        map[ord] = slot;
                    }
                    _slots[l][d] = map;
                }
            }
            _values = [.. lists.Select(l => l.ToArray())];
            _alphabetical = [.. _values.Select(Ranks)];
        }

        public IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Count(MatchingDocs hits)
        {
            var dimensions = _values.Length;
            var totals = _values.Select(v => new int[v.Length]).ToArray();
            var counts = new int[_maxOrdinals];
            foreach (var (context, docs, count) in hits.Segments)
            {
                var segment = _segments[context.Ord];
                var (starts, ordinals) = (segment.Starts, segment.Ordinals);
                for (var i = 0; i < count; i++)
                {
                    var doc = docs[i];
                    for (var at = starts[doc]; at < starts[doc + 1]; at++) counts[ordinals[at]]++;
                }
                var slots = _slots[context.Ord];
                for (var d = 0; d < dimensions; d++)
                {
                    if (slots[d] is not { } map) continue;
                    var offset = segment.Offsets[d];
                    var into = totals[d];
                    for (var ord = 0; ord < map.Length; ord++)
                    {
                        var n = counts[offset + ord];
                        if (n == 0) continue;
                        into[map[ord]] += n;
                        counts[offset + ord] = 0;
                    }
                }
            }
            var result = new Dictionary<string, IReadOnlyList<FacetCount>>(StringComparer.Ordinal);
            for (var d = 0; d < dimensions; d++) result[IndexFields.FacetDimensions[d]] = Top(d, totals[d]);
            return result;
        }

        /// <summary>The most frequent values, ties in Turkish alphabetical order of their labels (then by id).</summary>
        private List<FacetCount> Top(int dimension, int[] totals)
        {
            var used = new List<int>();
            for (var slot = 0; slot < totals.Length; slot++) if (totals[slot] > 0) used.Add(slot);
            var rank = _alphabetical[dimension];
            used.Sort((a, b) => totals[a] != totals[b] ? totals[b].CompareTo(totals[a]) : rank[a].CompareTo(rank[b]));
            return [.. used.Take(MaxValuesPerDimension).Select(s => _values[dimension][s] with { Count = totals[s] })];
        }

        private static int[] Ranks(FacetCount[] values)
        {
            var order = Enumerable.Range(0, values.Length)
                .OrderBy(s => values[s].Label, Archive.Text.TurkishText.Alphabetical)
                .ThenBy(s => values[s].Id, StringComparer.Ordinal)
                .ToArray();
            var ranks = new int[values.Length];
            for (var r = 0; r < order.Length; r++) ranks[order[r]] = r;
            return ranks;
        }

        private static FacetCount Parse(string key)
        {
            var cut = key.IndexOf(IndexFields.LabelSeparator);
            return cut < 0 ? new FacetCount(key, key, 0) : new FacetCount(key[..cut], key[(cut + 1)..], 0);
        }
    }
}
