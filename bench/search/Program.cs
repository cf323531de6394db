using System.Diagnostics;
using System.Globalization;
using HafizaIzmir.Bench.Search;
using HafizaIzmir.Indexer.Search;

// SearchBench prepare --csv DIR --out DIR      documents.jsonl, documents.tsv (for PostgreSQL) and queries.txt
// SearchBench index --work DIR                 indexes documents.jsonl into DIR/lucene; prints one result line
// SearchBench search --work DIR [--rounds N]   runs queries.txt N times (the first round warms up); prints one result line
// SearchBench pg-scripts --work DIR [--rounds N]   load.sql and queries.sql for psql over the same documents and queries
// SearchBench pg-report --log FILE             p50/p95 from psql's \timing output
// SearchBench autocomplete --csv DIR [--rounds N]   p50/p95 of the authority-name autocomplete over DIR/authorities.csv
var verb = args.FirstOrDefault();
string Option(string name, string? fallback = null)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback ?? throw new ArgumentException($"{verb}: {name} is required");
}
var inv = CultureInfo.InvariantCulture;

switch (verb)
{
    case "prepare":
        await Corpus.PrepareAsync(Option("--csv"), Option("--out"));
        return 0;
    case "index":
        {
            var work = Option("--work");
            var path = Path.Combine(work, "lucene");
            var clock = Stopwatch.StartNew();
            var count = 0;
            using (var index = SearchIndex.Recreate(path))
            {
                foreach (var doc in Corpus.Documents(work))
                {
                    index.Upsert(doc);
                    if (++count % 50_000 == 0) Console.Error.WriteLine($"   {count} documents indexed, {clock.Elapsed.TotalSeconds:F0} s");
                }
                index.Commit();
            }
            clock.Stop();
            var bytes = new DirectoryInfo(path).EnumerateFiles().Sum(f => f.Length);
            // key=value so run.sh can read it
            Console.WriteLine(string.Create(inv, $"docs={count} seconds={clock.Elapsed.TotalSeconds:F2} docs_per_s={count / clock.Elapsed.TotalSeconds:F0} index_mib={bytes / 1048576.0:F1} peak_mib={Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0}"));
            return 0;
        }
    case "search":
        {
            var work = Option("--work");
            var rounds = int.Parse(Option("--rounds", "3"), inv);
            var queries = File.ReadAllLines(Path.Combine(work, "queries.txt"));
            using var index = SearchIndex.Open(Path.Combine(work, "lucene"));
            var timings = new List<double>();
            // Per part of the search (query, facets, sort, snippets), to see where the time goes.
            var parts = new Dictionary<string, List<double>> { ["query"] = [], ["facets"] = [], ["sort"] = [], ["snippets"] = [] };
            long hits = 0;
            // Processor time besides wall-clock time: on a shared machine the latter also counts waiting for a core.
            var cpu = TimeSpan.Zero;
            for (var round = 0; round < rounds; round++)
            {
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                foreach (var q in queries)
                {
                    var spent = new SearchTimings();
                    var clock = Stopwatch.StartNew();
                    // As /api/search runs it: top 20 with snippets, the total and every facet.
                    var result = index.Search(new SearchQuery { Text = q, Size = 20 }, spent);
                    clock.Stop();
                    if (round == 0) { hits += result.Total; continue; }
                    timings.Add(clock.Elapsed.TotalMilliseconds);
                    parts["query"].Add(spent.Query.TotalMilliseconds);
                    parts["facets"].Add(spent.Facets.TotalMilliseconds);
                    parts["sort"].Add(spent.Sort.TotalMilliseconds);
                    parts["snippets"].Add(spent.Snippets.TotalMilliseconds);
                    if (Environment.GetEnvironmentVariable("SEARCH_BENCH_SLOW") is { } slow && clock.Elapsed.TotalMilliseconds > double.Parse(slow, inv))
                        Console.Error.WriteLine(string.Create(inv, $"{clock.Elapsed.TotalMilliseconds,8:F1} ms  {result.Total,6} hits  {q}  (query {spent.Query.TotalMilliseconds:F1}, facets {spent.Facets.TotalMilliseconds:F1}, snippets {spent.Snippets.TotalMilliseconds:F1})"));
                }
                if (round > 0) cpu += Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            }
            double At(List<double> values, double p)
            {
                values.Sort();
                return values[Math.Min(values.Count - 1, (int)Math.Ceiling(p * values.Count) - 1)];
            }
            var breakdown = string.Join(' ', parts.Select(p => string.Create(inv, $"{p.Key}_mean_ms={p.Value.Average():F2} {p.Key}_p95_ms={At(p.Value, 0.95):F2}")));
            Console.WriteLine(string.Create(inv, $"queries={queries.Length} p50_ms={At(timings, 0.50):F2} p95_ms={At(timings, 0.95):F2} mean_ms={timings.Average():F2} cpu_mean_ms={cpu.TotalMilliseconds / timings.Count:F2} mean_hits={hits / (double)queries.Length:F0} peak_mib={Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} {breakdown}"));
            return 0;
        }
    case "pg-scripts":
        Postgres.WriteScripts(Option("--work"), int.Parse(Option("--rounds", "3"), inv));
        return 0;
    case "autocomplete":
        Console.WriteLine(await Autocomplete.RunAsync(Option("--csv"), int.Parse(Option("--rounds", "3"), inv)));
        return 0;
    case "pg-report":
        Console.WriteLine(Postgres.Report(Option("--log")));
        return 0;
    default:
        Console.Error.WriteLine("usage: SearchBench prepare --csv DIR --out DIR | index --work DIR | search --work DIR [--rounds N] | pg-scripts --work DIR [--rounds N] | pg-report --log FILE | autocomplete --csv DIR [--rounds N]");
        return 2;
}
