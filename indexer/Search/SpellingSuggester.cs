using HafizaIzmir.Indexer.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Lucene.Net.Util.Automaton;

namespace HafizaIzmir.Indexer.Search;

/// <summary>
/// "Did you mean": replaces each query word the index does not know by the closest word it does know
/// (Damerau–Levenshtein over folded words; the more frequent wins a tie), using the index's own terms.
/// </summary>
internal sealed class SpellingSuggester(Analyzer analyzer, IndexReader reader)
{
    public const int MinWordLength = 3;

    public string? Suggest(string original, QueryText text)
    {
        var terms = MultiFields.GetTerms(reader, IndexFields.Spelling);
        if (terms is null) return null;
        var corrected = original;
        var changed = false;
        foreach (var word in text.Words.Concat(text.Phrases.SelectMany(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries))))
        {
            var folded = Fold(word);
            if (folded is null || folded.Length < MinWordLength || folded.All(char.IsDigit)) continue;
            if (reader.DocFreq(new Term(IndexFields.Spelling, folded)) > 0) continue;
            var best = Closest(terms, folded);
            if (best is null) continue;
            corrected = corrected.Replace(word, best, StringComparison.Ordinal);
            changed = true;
        }
        return changed ? corrected : null;
    }

    private static string? Closest(Terms terms, string word)
    {
        var maxEdits = word.Length <= 4 ? 1 : 2;
        var automaton = new LevenshteinAutomata(word, true).ToAutomaton(maxEdits);
        var candidates = terms.Intersect(new CompiledAutomaton(automaton, true, false), null);
        string? best = null;
        (int Distance, int Frequency) bestScore = (int.MaxValue, 0);
        while (candidates.MoveNext())
        {
            var candidate = candidates.Term.Utf8ToString();
            var score = (Distance(word, candidate), candidates.DocFreq);
            if (score.Item1 < bestScore.Distance || (score.Item1 == bestScore.Distance && score.DocFreq > bestScore.Frequency))
            {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    private string? Fold(string word)
    {
        using var stream = analyzer.GetTokenStream(IndexFields.Spelling, word);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var result = stream.IncrementToken() ? term.ToString() : null;
        while (stream.IncrementToken()) { }
        stream.End();
        return result;
    }

    /// <summary>Optimal string alignment distance: a swapped pair of letters is one typo.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
