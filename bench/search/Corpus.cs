using System.Text;
using System.Text.Json;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Ingest;
using HafizaIzmir.Indexer.Search;

namespace HafizaIzmir.Bench.Search;

/// <summary>
/// Turns the generated CSVs into what both engines index: search documents (one JSON line each, built the
/// way the site builds them) and a tab-separated table of the same texts for PostgreSQL's COPY.
/// </summary>
public static class Corpus
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<(List<Record> Records, Dictionary<string, Authority> Authorities)> ReadAsync(string csvDir)
    {
        var plan = await ImportPlan.BuildAsync(
            new ImportSource("authorities.csv", await File.ReadAllBytesAsync(Path.Combine(csvDir, "authorities.csv"))),
            new ImportSource("records.csv", Accepted(await File.ReadAllBytesAsync(Path.Combine(csvDir, "records.csv")))),
            new RecordsCsvOptions(Publish: true, FilesDir: null, Probe: _ => FileProbeResult.Rejected("no files in the benchmark")),
            new AuthorityDirectory([]), _ => Task.FromResult<Level?>(null));
        if (!plan.IsValid) throw new InvalidDataException(string.Join('\n', plan.Issues.Take(10)));
        var now = DateTimeOffset.UtcNow;
        var authorities = plan.Authorities.Select(a => ImportMapping.ToAuthority(a, null, "bench", now))
            .Concat(plan.NewAuthorities.Select(n => ImportMapping.NewAuthority(n, "bench", now)))
            .ToDictionary(a => a.Id, StringComparer.Ordinal);
        var records = plan.Records.Select(r => ImportMapping.ToRecord(r, null, [], true, "bench", now)).ToList();
        return (records, authorities);
    }

    /// <summary>
    /// The generator sometimes writes an English description without a Turkish one, which the importer
    /// refuses; such English texts are dropped here so every generated row becomes a document.
    /// </summary>
    private static byte[] Accepted(byte[] csv)
    {
        var rows = CsvReader.Read(csv);
        var header = rows[0].Cells.ToList();
        int tr = header.IndexOf("description"), en = header.IndexOf("description_en");
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            var cells = row.Cells.ToArray();
            if (tr >= 0 && en >= 0 && row.Line > 1 && string.IsNullOrWhiteSpace(cells[tr])) cells[en] = "";
            text.AppendJoin(',', cells.Select(c => c.AsSpan().IndexOfAny(",\"\r\n") < 0 ? c : '"' + c.Replace("\"", "\"\"") + '"')).Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static async Task PrepareAsync(string csvDir, string outDir)
    {
        var (records, authorities) = await ReadAsync(csvDir);
        var byId = records.Where(r => r.Level != Level.Item).ToDictionary(r => r.Identifier, StringComparer.Ordinal);
        Directory.CreateDirectory(outDir);
        await using var docs = new StreamWriter(Path.Combine(outDir, "documents.jsonl"), false, new UTF8Encoding(false));
        await using var table = new StreamWriter(Path.Combine(outDir, "documents.tsv"), false, new UTF8Encoding(false));
        foreach (var record in records)
        {
            var ancestors = new List<Record>();
            for (var p = record.Parent; p is not null && byId.TryGetValue(p, out var parent); p = parent.Parent) ancestors.Insert(0, parent);
            var doc = SearchDocumentBuilder.Build(record, authorities, ancestors)!;
            await docs.WriteLineAsync(JsonSerializer.Serialize(doc, Json));
            // The same texts, grouped by the weights PostgreSQL can give them (A title, B names, C keywords and context, D description).
            await table.WriteLineAsync(string.Join('\t',
                Cell(doc.Identifier),
                Cell(Join(doc.Title, doc.TitleEn)),
                Cell(Join([.. doc.Names])),
                Cell(Join([.. doc.Keywords, .. doc.Context])),
                Cell(Join(doc.Description, doc.DescriptionEn))));
        }
        await File.WriteAllLinesAsync(Path.Combine(outDir, "queries.txt"), QueryMix.Make(records, authorities.Values, new Random(1923)));
        Console.WriteLine($"prepared {records.Count} documents and {QueryMix.Count} queries in {outDir}");
    }

    private static string Join(params string?[] parts) => string.Join(" ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    /// <summary>COPY text format: backslash, tab and line breaks escaped.</summary>
    private static string Cell(string text) =>
        text.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\r", "\\r").Replace("\n", "\\n");

    public static IEnumerable<SearchDocument> Documents(string outDir)
    {
        foreach (var line in File.ReadLines(Path.Combine(outDir, "documents.jsonl")))
            yield return JsonSerializer.Deserialize<SearchDocument>(line, Json)!;
    }
}
