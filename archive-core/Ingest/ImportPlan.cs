using HafizaIzmir.Archive.Domain;

namespace HafizaIzmir.Archive.Ingest;

/// <summary>An input file's name (for messages) and bytes.</summary>
public sealed record ImportSource(string Name, byte[] Bytes);

/// <summary>
/// Everything an import will write, validated: the authorities file first (its names join the directory),
/// then the records file. Only a plan without issues may be written.
/// </summary>
public sealed class ImportPlan
{
    public IReadOnlyList<AuthorityRow> Authorities { get; private init; } = [];
    public IReadOnlyList<RecordRow> Records { get; private init; } = [];
    public IReadOnlyList<NewAuthorityNote> NewAuthorities { get; private init; } = [];
    public IReadOnlyList<ImportIssue> Issues { get; private init; } = [];
    public int AuthorityRowsRead { get; private init; }
    public int RecordRowsRead { get; private init; }
    public string? RecordsName { get; private init; }
    public string? AuthoritiesName { get; private init; }
    public bool IsValid => Issues.Count == 0;

    /// <param name="directory">The stored authorities; the file's and new ones are added to it.</param>
    /// <param name="storedLevel">The level of a stored record, or null when the archive has no such record.</param>
    public static async Task<ImportPlan> BuildAsync(
        ImportSource? authorities, ImportSource? records, RecordsCsvOptions options,
        AuthorityDirectory directory, Func<string, Task<Level?>> storedLevel)
    {
        var authorityIssues = new IssueList(authorities?.Name);
        var recordIssues = new IssueList(records?.Name);
        IReadOnlyList<AuthorityRow> authorityRows = [];
        IReadOnlyList<RecordRow> recordRows = [];
        IReadOnlyList<NewAuthorityNote> created = [];
        int authorityRowsRead = 0, recordRowsRead = 0;

        if (authorities is not null)
        {
            authorityRows = AuthoritiesCsv.Parse(authorities.Bytes, authorityIssues, out authorityRowsRead);
            AuthorityResolution.Resolve(authorityRows, directory, authorityIssues);
        }
        if (records is not null)
        {
            recordRows = RecordsCsv.Parse(records.Bytes, options, recordIssues, out recordRowsRead);
            var levels = new Dictionary<string, Level>(StringComparer.Ordinal);
            foreach (var parent in RecordResolution.ParentsToLookUp(recordRows))
                if (await storedLevel(parent) is { } level) levels[parent] = level;
            RecordResolution.CheckHierarchy(recordRows, levels, recordIssues);
            created = RecordResolution.ResolveNames(recordRows, directory, recordIssues);
        }
        return new ImportPlan
        {
            Authorities = authorityRows,
            Records = recordRows,
            NewAuthorities = created,
            Issues = [.. authorityIssues.Items, .. recordIssues.Items],
            AuthorityRowsRead = authorityRowsRead,
            RecordRowsRead = recordRowsRead,
            AuthoritiesName = authorities?.Name,
            RecordsName = records?.Name,
        };
    }
}
