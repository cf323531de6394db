using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;

namespace HafizaIzmir.Indexer.Analysis;

/// <summary>
/// The index's analyzer: picks the <see cref="TurkishAnalyzer"/> chain from a field name's sub-field
/// suffix; any other field (identifiers, facet values) is a single keyword.
/// </summary>
public sealed class SearchAnalyzer : AnalyzerWrapper
{
    private readonly Dictionary<SubField, Analyzer> chains = SubFields.All.ToDictionary(s => s, s => (Analyzer)new TurkishAnalyzer(s));
    private readonly Analyzer keyword = new KeywordAnalyzer();

    public SearchAnalyzer() : base(PER_FIELD_REUSE_STRATEGY) { }

    protected override Analyzer GetWrappedAnalyzer(string fieldName) =>
        SubFields.Parse(fieldName) is { } sub ? chains[sub] : keyword;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var chain in chains.Values) chain.Dispose();
            keyword.Dispose();
        }
        base.Dispose(disposing);
    }
}
