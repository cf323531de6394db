using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Text;
using HafizaIzmir.Indexer.Search;
using Record = HafizaIzmir.Archive.Domain.Record;

namespace HafizaIzmir.Tests.Search;

/// <summary>
/// About sixty records of İzmir's port and trade life with their authorities, read from CSV files in
/// the import format, linked by name the way the importer links them, and indexed in memory.
/// </summary>
public sealed class TestCorpus : IDisposable
{
    /// <summary>Records in the corpus that are not published: they must never be found.</summary>
    public static readonly IReadOnlySet<string> Drafts = new HashSet<string> { "GZT-0016" };

    public IReadOnlyDictionary<string, Authority> Authorities { get; }
    public IReadOnlyDictionary<string, Record> Records { get; }
    public SearchIndex Index { get; }

    public TestCorpus()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "Search", "Corpus");
        Authorities = CsvTable.Read(Path.Combine(dir, "authorities.csv")).Select(ToAuthority).ToDictionary(a => a.Id);
        Records = CsvTable.Read(Path.Combine(dir, "records.csv")).Select(ToRecord).ToDictionary(r => r.Identifier);
        Index = SearchIndex.InMemory();
        foreach (var record in Records.Values)
        {
            var doc = SearchDocumentBuilder.Build(record, Authorities, Ancestors(record));
            if (doc is not null) Index.Upsert(doc);
        }
        Index.Commit();
    }

    public IReadOnlyList<Record> Ancestors(Record record)
    {
        var chain = new List<Record>();
        for (var p = record.Parent; p is not null; p = Records[p].Parent) chain.Insert(0, Records[p]);
        return chain;
    }

    public static string IdOf(string name) => TurkishText.Slug(name);

    private static Authority ToAuthority(Dictionary<string, string> row)
    {
        var variants = CsvTable.Multi(row["variants"]).Select(v =>
        {
            var parts = v.Split('|');
            return new AuthorityName(parts[0], parts.Length > 1 ? EdtfDate.Parse(parts[1]) : null);
        }).ToList();
        var name = row["name"];
        var dates = row["dates"].Length > 0 ? EdtfDate.Parse(row["dates"]) : null;
        var description = row["description"].Length > 0 ? new LocalizedText(row["description"], row["description_en"]) : null;
        var subtype = row["subtype"].Length > 0 ? row["subtype"] : null;
        return row["kind"] switch
        {
            "person" => new Person { Id = IdOf(name), Name = name, Variants = variants, Dates = dates, Subtype = subtype, Description = description },
            "institution" => new Institution { Id = IdOf(name), Name = name, Variants = variants, Dates = dates, Subtype = subtype, Description = description },
            _ => new Place { Id = IdOf(name), Name = name, Variants = variants, Dates = dates, Subtype = subtype, Description = description, PartOf = row["part_of"].Length > 0 ? IdOf(row["part_of"]) : null },
        };
    }

    private Record ToRecord(Dictionary<string, string> row)
    {
        var links = new List<AuthorityLink>();
        foreach (var (column, kind) in new[] { ("persons", AuthorityKind.Person), ("institutions", AuthorityKind.Institution), ("places", AuthorityKind.Place) })
        {
            foreach (var cell in CsvTable.Multi(row[column]))
            {
                var parts = cell.Split('|');
                var key = TurkishText.Fold(parts[0]);
                var authority = Authorities.Values.Single(a => a.Kind == kind && a.AllNames.Any(n => TurkishText.Fold(n) == key));
                links.Add(new AuthorityLink(authority.Id, kind, parts.Length > 1 ? parts[1] : null));
            }
        }
        var id = row["identifier"];
        return new Record
        {
            Identifier = id,
            Parent = row["parent"].Length > 0 ? row["parent"] : null,
            Level = Vocabulary.Levels[row["level"]],
            Title = new LocalizedText(row["title"], Empty(row["title_en"])),
            Date = row["date"].Length > 0 ? EdtfDate.Parse(row["date"]) : null,
            Type = row["type"].Length > 0 ? Vocabulary.Types[row["type"]] : null,
            Genre = Empty(row["genre"]),
            Description = row["description"].Length > 0 ? new LocalizedText(row["description"], Empty(row["description_en"])) : null,
            Languages = CsvTable.Multi(row["language"]).ToList(),
            Axes = CsvTable.Multi(row["axes"]).Select(a => Vocabulary.Axes[a]).ToList(),
            Subjects = CsvTable.Multi(row["subjects"]).ToList(),
            Authorities = links,
            Rights = row["rights"],
            State = Drafts.Contains(id) ? WorkflowState.Draft : WorkflowState.Published,
        };
    }

    private static string? Empty(string s) => s.Length > 0 ? s : null;

    public void Dispose() => Index.Dispose();
}
