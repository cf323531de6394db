using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace HafizaIzmir.Indexer.Search;

/// <summary>
/// Counts facet values over every matching record from the SortedSet doc values each record carries
/// (<c>id␟label</c> per value): ordinals per segment while collecting, resolved to values once per segment.
/// </summary>
internal sealed class FacetCounter : ICollector
{
    public const int MaxValuesPerDimension = 30;

    private readonly IReadOnlyList<string> dimensions;
    private readonly Dictionary<string, Dictionary<string, int>> totals;
    private SortedSetDocValues?[] segmentValues = [];
    private int[][] segmentCounts = [];

    public FacetCounter(IReadOnlyList<string> dimensions)
    {
        this.dimensions = dimensions;
        totals = dimensions.ToDictionary(d => d, _ => new Dictionary<string, int>(StringComparer.Ordinal));
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        segmentValues = dimensions.Select(d => context.AtomicReader.GetSortedSetDocValues(IndexFields.FacetValues(d))).ToArray();
        segmentCounts = segmentValues.Select(v => v is null ? [] : new int[v.ValueCount]).ToArray();
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < segmentValues.Length; i++)
        {
            var values = segmentValues[i];
            if (values is null) continue;
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) segmentCounts[i][ord]++;
        }
    }

    public IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Result()
    {
        FlushSegment();
        return totals.ToDictionary(
            d => d.Key,
            d => (IReadOnlyList<FacetCount>)d.Value
                .Select(v => ToCount(v.Key, v.Value))
                .OrderByDescending(c => c.Count)
                .ThenBy(c => c.Label, Archive.Text.TurkishText.Alphabetical)
                .Take(MaxValuesPerDimension)
                .ToList());
    }

    private void FlushSegment()
    {
        var bytes = new BytesRef();
        for (var i = 0; i < segmentValues.Length; i++)
        {
            var values = segmentValues[i];
            if (values is null) continue;
            var total = totals[dimensions[i]];
            for (var ord = 0; ord < segmentCounts[i].Length; ord++)
            {
                if (segmentCounts[i][ord] == 0) continue;
                values.LookupOrd(ord, bytes);
                var key = bytes.Utf8ToString();
                total[key] = total.GetValueOrDefault(key) + segmentCounts[i][ord];
            }
        }
        segmentValues = [];
        segmentCounts = [];
    }

    private static FacetCount ToCount(string key, int count)
    {
        var cut = key.IndexOf(IndexFields.LabelSeparator);
        return cut < 0 ? new FacetCount(key, key, count) : new FacetCount(key[..cut], key[(cut + 1)..], count);
    }
}
