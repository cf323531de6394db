using HafizaIzmir.Indexer.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace HafizaIzmir.Indexer.Search;

/// <summary>
/// Turns <see cref="QueryText"/> into a Lucene query. Each word is looked for in every text field under
/// every sub-field; the best sub-field match counts (exact above stemmed above folded above prefix) and
/// the best field counts most (title and names above description above OCR text). Dates are evidence:
/// with words they lift records of that date, alone they select them (an exact year above a range).
/// </summary>
internal sealed class QueryComposer(Analyzer analyzer)
{
    /// <summary>Field weights: what a record is called and who it names say most about it.</summary>
    public static readonly IReadOnlyList<(string Field, float Weight)> TextFields =
    [
        (IndexFields.Title, 3.0f), (IndexFields.Names, 2.5f), (IndexFields.Keywords, 2.0f),
        (IndexFields.Description, 1.2f), (IndexFields.Context, 0.5f), (IndexFields.Ocr, 0.4f),
    ];

    public static float Weight(SubField sub) => sub switch
    {
        SubField.Exact => 1.0f,
        SubField.Stem => 0.75f,
        SubField.Fold => 0.6f,
        _ => 0.35f,
    };

    /// <summary>
    /// A year typed beside words is a deliberate restriction: it must outweigh the gap between an exact
    /// and a stemmed title match (a few points under BM25 with the title weight).
    /// </summary>
    public const float ExactYearBoost = 8f, NarrowYearBoost = 5f, YearInRangeBoost = 3f;
    /// <summary>A date inside the asked period counts more than one that merely overlaps it.</summary>
    public const float InsidePeriodBoost = 6f, OverlapsPeriodBoost = 3f;
    private const float FieldTie = 0.3f;

    public Query Compose(QueryText text)
    {
        if (text.IsEmpty) return new MatchAllDocsQuery();
        var main = new BooleanQuery();
        if (text.Words.Count > 0)
        {
            var words = new BooleanQuery();
            foreach (var w in text.Words)
                if (Word(w) is { } q) words.Add(q, Occur.SHOULD);
            if (words.Clauses.Count == 0) return new BooleanQuery(); // nothing searchable: no hits rather than all
            words.MinimumNumberShouldMatch = MinimumMatch(words.Clauses.Count);
            main.Add(words, Occur.MUST);
        }
        foreach (var p in text.Phrases)
            if (Phrase(p) is { } q) main.Add(q, Occur.MUST);

        var dates = new List<Query>();
        dates.AddRange(text.Years.Select(Year));
        dates.AddRange(text.Decades.Select(d => Period(d, d + 9)));
        dates.AddRange(text.Ranges.Select(r => Period(r.From, r.To)));
        if (main.Clauses.Count > 0)
        {
            foreach (var d in dates) main.Add(d, Occur.SHOULD);
        }
        else if (dates.Count > 0)
        {
            var any = new BooleanQuery();
            foreach (var d in dates) any.Add(d, Occur.SHOULD);
            main.Add(any, Occur.MUST);
        }
        return main;
    }

    /// <summary>Two words must both match; longer queries forgive one word in four.</summary>
    public static int MinimumMatch(int words) => words <= 2 ? words : words * 3 / 4;

    private Query? Word(string word)
    {
        var fields = new DisjunctionMaxQuery(FieldTie);
        var analysed = SubFields.Searched.Select(s => (Sub: s, Tokens: Tokens(SubFields.Of(IndexFields.Title, s), word))).ToList();
        foreach (var (field, weight) in TextFields)
        {
            var subs = new DisjunctionMaxQuery(0f);
            foreach (var (sub, tokens) in analysed)
            {
                if (tokens.Count == 0) continue;
                var name = SubFields.Of(field, sub);
                Query q = tokens.Count == 1 ? new TermQuery(new Term(name, tokens[0].Text)) : PhraseOf(name, tokens);
                q.Boost = weight * Weight(sub);
                subs.Add(q);
            }
            if (subs.Disjuncts.Count > 0) fields.Add(subs);
        }
        return fields.Disjuncts.Count > 0 ? fields : null;
    }

    private Query? Phrase(string phrase)
    {
        var fields = new DisjunctionMaxQuery(FieldTie);
        foreach (var sub in new[] { SubField.Exact, SubField.Fold })
        {
            var tokens = Tokens(SubFields.Of(IndexFields.Title, sub), phrase);
            if (tokens.Count == 0) continue;
            foreach (var (field, weight) in TextFields)
            {
                var q = PhraseOf(SubFields.Of(field, sub), tokens);
                q.Boost = weight * Weight(sub);
                fields.Add(q);
            }
        }
        return fields.Disjuncts.Count > 0 ? fields : null;
    }

    private Query Year(int year)
    {
        var term = IndexFields.YearTerm(year);
        var any = new DisjunctionMaxQuery(0.1f)
        {
            Boosted(new TermQuery(new Term(IndexFields.ExactYear, term)), ExactYearBoost),
            Boosted(new TermQuery(new Term(IndexFields.NarrowYear, term)), NarrowYearBoost),
            Boosted(new TermQuery(new Term(IndexFields.Year, term)), YearInRangeBoost),
        };
        // A year written in the text ("1922 yangını") is evidence too, weaker than the record's date.
        foreach (var field in new[] { IndexFields.Title, IndexFields.Description, IndexFields.Ocr })
            any.Add(new TermQuery(new Term(SubFields.Of(field, SubField.Exact), term)) { Boost = 0.5f });
        return any;
    }

    private static Query Period(int from, int to) => new DisjunctionMaxQuery(0f)
    {
        Boosted(Inside(from, to), InsidePeriodBoost),
        Boosted(Overlap(from, to), OverlapsPeriodBoost),
    };

    /// <summary>Records whose whole date lies in [from, to].</summary>
    public static Query Inside(int from, int to) => new BooleanQuery
    {
        { NumericRangeQuery.NewInt32Range(IndexFields.FromYear, from, to, true, true), Occur.MUST },
        { NumericRangeQuery.NewInt32Range(IndexFields.ToYear, from, to, true, true), Occur.MUST },
    };

    /// <summary>Records whose date overlaps the years [from, to]; an open end is unbounded.</summary>
    public static Query Overlap(int? from, int? to) => new BooleanQuery
    {
        { NumericRangeQuery.NewInt32Range(IndexFields.FromYear, null, to, true, true), Occur.MUST },
        { NumericRangeQuery.NewInt32Range(IndexFields.ToYear, from, null, true, true), Occur.MUST },
    };

    private static Query Boosted(Query q, float boost) => new ConstantScoreQuery(q) { Boost = boost };

    private static PhraseQuery PhraseOf(string field, IReadOnlyList<(string Text, int Position)> tokens)
    {
        var q = new PhraseQuery();
        foreach (var (t, pos) in tokens) q.Add(new Term(field, t), pos);
        return q;
    }

    private List<(string Text, int Position)> Tokens(string field, string text)
    {
        var tokens = new List<(string, int)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add((term.ToString(), position));
        }
        stream.End();
        return tokens;
    }
}
