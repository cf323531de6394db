using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace HafizaIzmir.Indexer.Search;

/// <summary>
/// Counts facet values over every matching record from the SortedSet doc values each record carries
/// (<c>id␟label</c> per value). A search counts segment ordinals into reused arrays, one pass over its
/// hits for all dimensions, and folds them into reader-wide slots through maps that are built once per
/// index generation from value tables read once per segment; no string is touched per hit.
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

    /// <summary>The values of every dimension in one segment, as <c>id␟label</c> by segment ordinal.</summary>
    private sealed class SegmentValues
    {
        public readonly string[]?[] Keys;

        public SegmentValues(AtomicReader segment)
        {
            Keys = new string[]?[IndexFields.FacetDimensions.Count];
            var bytes = new BytesRef();
            for (var d = 0; d < Keys.Length; d++)
            {
                var values = segment.GetSortedSetDocValues(IndexFields.FacetValues(IndexFields.FacetDimensions[d]));
                if (values is null) continue;
                var keys = new string[values.ValueCount];
                for (var ord = 0; ord < keys.Length; ord++)
                {
                    values.LookupOrd(ord, bytes);
                    keys[ord] = bytes.Utf8ToString();
                }
                Keys[d] = keys;
            }
        }
    }

    /// <summary>One index generation: every value of each dimension in one slot table, and each segment's ordinals mapped onto it.</summary>
    private sealed class ReaderFacets
    {
        private readonly FacetCount[][] _values; // per dimension, by slot (count unused)
        private readonly int[][] _alphabetical; // per dimension, slot → rank of its label in Turkish order
        private readonly int[]?[][] _slots; // per segment, per dimension: segment ordinal → slot
        private readonly int[] _maxOrdinals; // per dimension, the largest segment value count
        public readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>>> Browse = new(StringComparer.Ordinal);

        public ReaderFacets(IndexReader reader)
        {
            var dimensions = IndexFields.FacetDimensions.Count;
            var leaves = reader.Leaves;
            var tables = Enumerable.Range(0, dimensions).Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
            var lists = Enumerable.Range(0, dimensions).Select(_ => new List<FacetCount>()).ToArray();
            _slots = new int[]?[leaves.Count][];
            _maxOrdinals = new int[dimensions];
            for (var l = 0; l < leaves.Count; l++)
            {
                var segment = leaves[l].AtomicReader;
                var values = Segments.GetValue(segment.CoreCacheKey, _ => new SegmentValues(segment));
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
                    _maxOrdinals[d] = Math.Max(_maxOrdinals[d], keys.Length);
                }
            }
            _values = [.. lists.Select(l => l.ToArray())];
            _alphabetical = [.. _values.Select(Ranks)];
        }

        public IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Count(MatchingDocs hits)
        {
            var dimensions = _values.Length;
            var totals = _values.Select(v => new int[v.Length]).ToArray();
            var counts = _maxOrdinals.Select(n => new int[n]).ToArray();
            var sources = new SortedSetDocValues?[dimensions];
            foreach (var (context, docs, count) in hits.Segments)
            {
                var slots = _slots[context.Ord];
                for (var d = 0; d < dimensions; d++)
                    sources[d] = slots[d] is null ? null : context.AtomicReader.GetSortedSetDocValues(IndexFields.FacetValues(IndexFields.FacetDimensions[d]));
                for (var i = 0; i < count; i++)
                {
                    var doc = docs[i];
                    for (var d = 0; d < dimensions; d++)
                    {
                        if (sources[d] is not { } values) continue;
                        values.SetDocument(doc);
                        long ord;
                        var into = counts[d];
                        while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) into[ord]++;
                    }
                }
                for (var d = 0; d < dimensions; d++)
                {
                    if (slots[d] is not { } map) continue;
                    var into = counts[d];
                    for (var ord = 0; ord < map.Length; ord++)
                    {
                        if (into[ord] == 0) continue;
                        totals[d][map[ord]] += into[ord];
                        into[ord] = 0;
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
