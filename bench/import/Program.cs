using HafizaIzmir.Bench.Import;

// ImportBench generate --rows N --out DIR [--authorities M] [--seed S]
// ImportBench anchor --count N --out DIR
var verb = args.FirstOrDefault();
string Option(string name, string? fallback = null)
{
    var at = Array.IndexOf(args, name);
    if (at >= 0 && at + 1 < args.Length) return args[at + 1];
    return fallback ?? throw new ArgumentException($"{verb}: {name} is required");
}
int Number(string name, int? fallback = null)
{
    var text = Option(name, fallback?.ToString());
    return int.TryParse(text, out var value) && value > 0 ? value : throw new ArgumentException($"{verb}: {name} must be a positive whole number, not '{text}'");
}

try
{
    switch (verb)
    {
        case "generate":
            {
                var rows = Number("--rows", 35_000);
                var outDir = Option("--out");
                var random = new Random(Number("--seed", 1923));
                Directory.CreateDirectory(outDir);
                var authorities = new AuthorityGenerator(random).Generate(Number("--authorities", 2_000));
                using (var csv = new CsvOut(Path.Combine(outDir, "authorities.csv"), AuthorityGenerator.Header))
                    foreach (var authority in authorities) csv.Row(authority.Row);
                using (var csv = new CsvOut(Path.Combine(outDir, "records.csv"), RecordGenerator.Header))
                    new RecordGenerator(random, authorities).Write(csv, rows);
                Console.WriteLine($"generated {authorities.Count} authorities and {rows} records in {outDir}");
                return 0;
            }
        case "anchor":
            {
                var count = Number("--count");
                var elapsed = Anchor.Run(count, Option("--out"));
                Console.WriteLine(Anchor.Describe(count, elapsed));
                return 0;
            }
        default:
            Console.Error.WriteLine("usage: ImportBench generate --rows N --out DIR [--authorities M] [--seed S]\n       ImportBench anchor --count N --out DIR");
            return 2;
    }
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
