using System.Diagnostics;

namespace HafizaIzmir.Indexer.Search;

/// <summary>
/// Where a search spent its time, added up over the searches it is passed to: matching and ranking
/// (<see cref="Query"/>), facet counting, taking the page of hits in order (<see cref="Sort"/>) and
/// reading and highlighting those hits (<see cref="Snippets"/>).
/// </summary>
public sealed class SearchTimings
{
    public TimeSpan Query { get; private set; }
    public TimeSpan Facets { get; private set; }
    public TimeSpan Sort { get; private set; }
    public TimeSpan Snippets { get; private set; }

    internal T Time<T>(Part part, Func<T> work)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return work();
        }
        finally
        {
            var spent = Stopwatch.GetElapsedTime(start);
            switch (part)
            {
                case Part.Query: Query += spent; break;
                case Part.Facets: Facets += spent; break;
                case Part.Sort: Sort += spent; break;
                default: Snippets += spent; break;
            }
        }
    }

    internal enum Part { Query, Facets, Sort, Snippets }
}
