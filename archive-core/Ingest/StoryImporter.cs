using System.Text;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;

namespace HafizaIzmir.Archive.Ingest;

/// <summary>What a story import did, or why it wrote nothing.</summary>
public sealed record StoryImportReport(IReadOnlyList<ImportIssue> Issues, int Read, int Created, int Updated, int Unchanged)
{
    public bool Succeeded => Issues.Count == 0;

    public string Describe()
    {
        var sb = new StringBuilder();
        foreach (var issue in Issues) sb.Append("error: ").AppendLine(issue.ToString());
        sb.AppendLine(Succeeded
            ? $"stories: {Read} read, {Created} created, {Updated} updated, {Unchanged} unchanged"
            : $"stories: {Read} read, {Issues.Count} error(s); nothing was written");
        return sb.ToString();
    }
}

/// <summary>
/// Loads every <c>*.md</c> story file of a directory (<see cref="StoryFile"/>): all files are checked first,
/// including that every archive reference and cover names an existing record or exactly one authority, and
/// nothing is written unless all are clean. A file whose story is already stored as it says writes no version,
/// so importing the same directory again changes nothing.
/// </summary>
public sealed class StoryImporter(Storage.Archive archive)
{
    public async Task<StoryImportReport> ImportAsync(string directory, string user, bool publish, CancellationToken ct = default)
    {
        var issues = new List<ImportIssue>();
        var stories = new List<Story>();
        var files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.md").Order(StringComparer.Ordinal).ToList() : [];
        if (!Directory.Exists(directory)) issues.Add(new ImportIssue(0, null, $"'{directory}' is not a directory"));
        var authorities = await AuthorityDirectory.LoadAsync(archive, ct);
        var slugs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var name = Path.GetFileName(path);
            var text = await File.ReadAllTextAsync(path, ct);
            var (story, found) = StoryFile.Parse(text, name);
            issues.AddRange(found);
            if (story is null) continue;
            if (slugs.TryGetValue(story.Slug, out var other))
            {
                issues.Add(new ImportIssue(1, "slug", $"'{story.Slug}' is also the slug of {other}") { File = name });
                continue;
            }
            slugs[story.Slug] = name;
            issues.AddRange(await CheckReferencesAsync(story, text, name, authorities, ct));
            stories.Add(story);
        }
        if (issues.Count > 0) return new StoryImportReport(issues, files.Count, 0, 0, 0);

        var (created, updated, unchanged) = (0, 0, 0);
        foreach (var story in stories)
        {
            var head = await archive.GetStoryAsync(story.Slug, ct);
            var state = publish ? WorkflowState.Published : head?.Value.State ?? WorkflowState.Draft;
            var result = await archive.SaveStoryAsync(story with { State = state }, head?.Version,
                new CommitInfo(user, head is null ? "Hikâye dosyadan yüklendi" : "Hikâye dosyadan güncellendi"), ct);
            if (!result.Changed) unchanged++;
            else if (head is null) created++;
            else updated++;
        }
        return new StoryImportReport([], files.Count, created, updated, unchanged);
    }

    private async Task<List<ImportIssue>> CheckReferencesAsync(Story story, string text, string file, AuthorityDirectory authorities, CancellationToken ct)
    {
        var issues = new List<ImportIssue>();
        if (story.Cover is { } cover && await archive.GetRecordAsync(cover, ct) is null)
            issues.Add(new ImportIssue(1, "cover", $"there is no record '{cover}'") { File = file });
        var normalized = text.Replace("\r\n", "\n");
        foreach (var (reference, offset) in EmbedReference.FindAll(normalized))
        {
            var line = StoryFile.LineAt(normalized, offset, 1);
            if (reference.IsRecord)
            {
                if (!Storage.Archive.IsIdentifier(reference.Reference) || await archive.GetRecordAsync(reference.Reference, ct) is null)
                    issues.Add(new ImportIssue(line, "body", $"{reference}: there is no record '{reference.Reference}'") { File = file });
                continue;
            }
            var kind = reference.Kind!.Value;
            if (authorities.Get(reference.Reference) is { } byId && byId.Kind == kind) continue;
            var match = authorities.Find(kind, reference.Reference);
            if (match.IsAmbiguous) issues.Add(new ImportIssue(line, "body", $"{reference}: {match.AmbiguityMessage}") { File = file });
            else if (match.Single is null) issues.Add(new ImportIssue(line, "body", $"{reference}: no {kind.Code()} has this id or name") { File = file });
        }
        return issues;
    }
}
