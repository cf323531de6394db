using System.Diagnostics;
using System.Globalization;
using HafizaIzmir.Archive.Derived;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Archive.Text;
using HafizaIzmir.Indexer.Hosting;

namespace HafizaIzmir.Bench.Search;

/// <summary>
/// The autocomplete behind <c>GET /api/authorities?q=&amp;kind=</c> over the generated authorities: 200 prefixes
/// as people type them (the first letters of a preferred name, of its second word, of a variant or
/// historical name; some ASCII-folded or in capitals, some two words), a third with a kind, ten answers each.
/// </summary>
public static class Autocomplete
{
    public const int Prefixes = 200;

    public static async Task<string> RunAsync(string csvDir, int rounds)
    {
        var (_, authorities) = await Corpus.ReadAsync(csvDir);
        var names = new AuthorityNames(Path.Combine(Path.GetTempPath(), $"bench-authority-names-{Guid.NewGuid():N}.json"));
        var at = DateTimeOffset.UtcNow;
        var position = 0L;
        foreach (var a in authorities.Values)
            await names.ApplyAsync(new ArchiveChange(new JournalEntry((++position).ToString("D19", CultureInfo.InvariantCulture), ArchiveChange.AuthorityPrefix + a.Id, 1, at), Authority: a), CancellationToken.None);

        var random = new Random(1453);
        var all = authorities.Values.ToArray();
        var prefixes = new List<(string Text, AuthorityKind? Kind)>();
        string Cut(string name) => name[..Math.Min(name.Length, 2 + random.Next(6))];
        string Typed(string text) => random.Next(4) switch { 0 => TurkishText.Fold(text), 1 => text.ToUpperInvariant(), _ => text };
        while (prefixes.Count < Prefixes)
        {
            var a = all[random.Next(all.Length)];
            var words = a.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var historical = a.Variants.Select(v => v.Name).ToArray();
            var text = random.Next(5) switch
            {
                0 when historical.Length > 0 => Cut(historical[random.Next(historical.Length)]),
                1 when words.Length > 1 => Cut(words[1]),
                2 when words.Length > 1 => $"{words[0]} {Cut(words[1])}",
                _ => Cut(a.Name),
            };
            prefixes.Add((Typed(text), random.Next(3) == 0 ? a.Kind : null));
        }

        var timings = new List<double>();
        long answers = 0;
        var cpu = TimeSpan.Zero;
        for (var round = 0; round < rounds; round++)
        {
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var (text, kind) in prefixes)
            {
                var clock = Stopwatch.StartNew();
                var found = names.Lookup(text, kind, 10);
                clock.Stop();
                if (round == 0) { answers += found.Count; continue; }
                timings.Add(clock.Elapsed.TotalMilliseconds);
            }
            if (round > 0) cpu += Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        }
        timings.Sort();
        double At(double p) => timings[Math.Min(timings.Count - 1, (int)Math.Ceiling(p * timings.Count) - 1)];
        return string.Create(CultureInfo.InvariantCulture,
            $"authorities={authorities.Count} names={authorities.Values.Sum(a => a.AllNames.Count())} prefixes={prefixes.Count} p50_ms={At(0.50):F3} p95_ms={At(0.95):F3} max_ms={timings[^1]:F3} cpu_mean_ms={cpu.TotalMilliseconds / timings.Count:F3} mean_answers={answers / (double)prefixes.Count:F1}");
    }
}
