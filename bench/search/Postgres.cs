using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HafizaIzmir.Bench.Search;

/// <summary>The PostgreSQL side: psql scripts for loading and querying the same corpus, and reading psql's timings back.</summary>
public static partial class Postgres
{
    /// <summary>Title, names, keywords and description, weighted A to D like the Lucene field weights.</summary>
    private const string Vector =
        "setweight(to_tsvector('turkish', coalesce(title, '')), 'A') || setweight(to_tsvector('turkish', coalesce(names, '')), 'B') || " +
        "setweight(to_tsvector('turkish', coalesce(keywords, '')), 'C') || setweight(to_tsvector('turkish', coalesce(description, '')), 'D')";

    public static void WriteScripts(string work, int rounds)
    {
        var tsv = Path.Combine(work, "documents.tsv");
        File.WriteAllText(Path.Combine(work, "load.sql"), $"""
            \set ON_ERROR_STOP on
            SELECT pg_backend_pid() AS backend \gset
            CREATE TABLE docs (id text PRIMARY KEY, title text, names text, keywords text, description text);
            \copy docs FROM '{tsv.Replace("'", "''")}'
            ALTER TABLE docs ADD COLUMN tsv tsvector GENERATED ALWAYS AS ({Vector}) STORED;
            CREATE INDEX docs_tsv ON docs USING gin (tsv);
            VACUUM ANALYZE docs;
            \setenv BACKEND :backend
            \! grep VmHWM /proc/$BACKEND/status

            """);

        var queries = File.ReadAllLines(Path.Combine(work, "queries.txt"));
        var sql = new StringBuilder();
        sql.AppendLine("\\set ON_ERROR_STOP on");
        sql.AppendLine("SELECT pg_backend_pid() AS backend \\gset");
        sql.AppendLine("\\o /dev/null");
        for (var round = 0; round < rounds; round++)
        {
            // The first round warms the cache up and is not counted, as on the Lucene side.
            sql.AppendLine(round == 0 ? "\\timing off" : "\\timing on");
            foreach (var q in queries)
                sql.AppendLine($"SELECT id, ts_rank(tsv, q) AS rank FROM docs, websearch_to_tsquery('turkish', '{q.Replace("'", "''")}') q WHERE tsv @@ q ORDER BY rank DESC LIMIT 20;");
        }
        sql.AppendLine("\\o");
        sql.AppendLine("\\timing off");
        sql.AppendLine("\\setenv BACKEND :backend");
        sql.AppendLine("\\! grep VmHWM /proc/$BACKEND/status");
        File.WriteAllText(Path.Combine(work, "queries.sql"), sql.ToString());
    }

    /// <summary>p50 and p95 of the "Time: … ms" lines psql printed, and the backend's peak memory.</summary>
    public static string Report(string log)
    {
        var text = File.ReadAllText(log);
        var times = Timing().Matches(text).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Order().ToList();
        if (times.Count == 0) throw new InvalidDataException($"no timings in {log}");
        double At(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        var peak = Peak().Match(text) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) / 1024 : 0;
        return string.Create(CultureInfo.InvariantCulture, $"timed={times.Count} p50_ms={At(0.50):F2} p95_ms={At(0.95):F2} backend_peak_mib={peak:F0}");
    }

    [GeneratedRegex(@"^Time: ([0-9.]+) ms", RegexOptions.Multiline)]
    private static partial Regex Timing();

    [GeneratedRegex(@"VmHWM:\s+([0-9]+) kB")]
    private static partial Regex Peak();
}
