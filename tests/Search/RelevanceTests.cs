using HafizaIzmir.Indexer.Search;

namespace HafizaIzmir.Tests.Search;

/// <summary>Ranking quality over the judged query set, measured as mean nDCG@10.</summary>
public sealed class RelevanceTests(TestCorpus corpus, ITestOutputHelper output) : IClassFixture<TestCorpus>
{
    /// <summary>The bar: below this mean nDCG@10 the Turkish analysis or the weighting has regressed.</summary>
    public const double Threshold = 0.85;
    private const int Depth = 10;

    [Fact]
    public void Judged_set_is_large_and_covers_only_corpus_records()
    {
        Assert.True(JudgedQueries.All.Count >= 50);
        foreach (var (query, grades) in JudgedQueries.All)
            foreach (var id in grades.Keys)
                Assert.True(corpus.Records.ContainsKey(id), $"'{query}' judges unknown record {id}");
    }

    [Fact]
    public void Mean_ndcg_at_10_meets_the_threshold()
    {
        var scores = new List<double>();
        foreach (var (query, grades) in JudgedQueries.All)
        {
            var ranked = corpus.Index.Search(new SearchQuery { Text = query, Size = Depth }).Hits.Select(h => h.Identifier).ToList();
            var score = Ndcg(ranked, grades, Depth);
            scores.Add(score);
            output.WriteLine($"{score:0.000}  {query,-32} {string.Join(' ', ranked.Select(id => $"{id}:{grades.GetValueOrDefault(id)}"))}");
        }
        var mean = scores.Average();
        output.WriteLine($"mean nDCG@{Depth} = {mean:0.000} over {scores.Count} queries");
        Assert.True(mean >= Threshold, $"mean nDCG@{Depth} {mean:0.000} is below {Threshold}");
    }

    [Fact]
    public void Ndcg_is_one_for_the_ideal_order_and_lower_otherwise()
    {
        var grades = new Dictionary<string, int> { ["a"] = 3, ["b"] = 2, ["c"] = 1 };
        Assert.Equal(1.0, Ndcg(["a", "b", "c"], grades, 10), 6);
        Assert.True(Ndcg(["c", "b", "a"], grades, 10) < 1.0);
        Assert.Equal(0.0, Ndcg(["x"], grades, 10));
    }

    public static double Ndcg(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> grades, int depth)
    {
        static double Gain(int grade, int rank) => (Math.Pow(2, grade) - 1) / Math.Log2(rank + 2);
        var dcg = ranked.Take(depth).Select((id, i) => Gain(grades.GetValueOrDefault(id), i)).Sum();
        var ideal = grades.Values.OrderDescending().Take(depth).Select((g, i) => Gain(g, i)).Sum();
        return ideal == 0 ? 0 : dcg / ideal;
    }
}
