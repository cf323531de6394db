using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;

namespace HafizaIzmir.Archive.Ingest;

/// <summary>The <c>import</c> verb's options.</summary>
public sealed record ImportRequest
{
    public string? AuthoritiesPath { get; init; }
    public string? RecordsPath { get; init; }
    public string? FilesDir { get; init; }
    public bool Publish { get; init; }
    public bool DryRun { get; init; }
    public required string User { get; init; }
}

/// <summary>How far the import is: <paramref name="Stage"/> is <c>validate</c>, <c>authorities</c> or <c>records</c>.</summary>
public sealed record ImportProgress(string Stage, int Done, int Total);

/// <summary>
/// Batch import: validates both files completely (authorities first) and writes only when there is not
/// a single error, authorities before records and records in file order, so parents precede children.
/// Unchanged rows and files produce no new versions, which makes a repeated import a no-op.
/// </summary>
public sealed class Importer(Storage.Archive archive, FileProbe probe, TimeProvider? clock = null)
{
    public async Task<ImportReport> ImportAsync(ImportRequest request, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var readIssues = new List<ImportIssue>();
        var authorities = await ReadSourceAsync(request.AuthoritiesPath, readIssues, ct);
        var records = await ReadSourceAsync(request.RecordsPath, readIssues, ct);
        if (request.AuthoritiesPath is null && request.RecordsPath is null)
            readIssues.Add(new ImportIssue(0, null, "nothing to import: give --authorities FILE and/or --csv FILE"));
        if (readIssues.Count > 0) return new ImportReport(readIssues, new ImportSummary(), request.DryRun);

        progress?.Report(new ImportProgress("validate", 0, 1));
        var directory = await AuthorityDirectory.LoadAsync(archive, ct);
        var options = new RecordsCsvOptions(request.Publish, request.FilesDir, probe);
        var plan = await ImportPlan.BuildAsync(authorities, records, options, directory,
            async id => (await archive.GetRecordAsync(id, ct))?.Value.Level);
        progress?.Report(new ImportProgress("validate", 1, 1));
        var summary = new ImportSummary { AuthorityRowsRead = plan.AuthorityRowsRead, RecordRowsRead = plan.RecordRowsRead, NewAuthoritiesFromNames = plan.NewAuthorities };
        if (!plan.IsValid) return new ImportReport(plan.Issues, summary, request.DryRun);
        if (request.DryRun) return new ImportReport([], await ForecastAsync(plan, summary, ct), DryRun: true);
        return await WriteAsync(plan, request, summary, progress, ct);
    }

    private static async Task<ImportSource?> ReadSourceAsync(string? path, List<ImportIssue> issues, CancellationToken ct)
    {
        if (path is null) return null;
        var name = Path.GetFileName(path);
        try
        {
            return new ImportSource(name, await File.ReadAllBytesAsync(path, ct));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            issues.Add(new ImportIssue(0, null, $"cannot read the file: {e.Message}") { File = name });
            return null;
        }
    }

    /// <summary>What a real run would create or touch, without deciding "unchanged" (that needs the writes).</summary>
    private async Task<ImportSummary> ForecastAsync(ImportPlan plan, ImportSummary summary, CancellationToken ct)
    {
        var existing = 0;
        foreach (var row in plan.Records)
            if (await archive.GetRecordAsync(row.Identifier, ct) is not null) existing++;
        return summary with
        {
            AuthoritiesCreated = plan.Authorities.Count(a => !a.UpdatesStored) + plan.NewAuthorities.Count,
            AuthoritiesUpdated = plan.Authorities.Count(a => a.UpdatesStored),
            RecordsCreated = plan.Records.Count - existing,
            RecordsUpdated = existing,
            FilesStored = plan.Records.Sum(r => r.Files.Count),
        };
    }

    private async Task<ImportReport> WriteAsync(ImportPlan plan, ImportRequest request, ImportSummary summary, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        int aCreated = 0, aUpdated = 0, aUnchanged = 0, rCreated = 0, rUpdated = 0, rUnchanged = 0, filesStored = 0;
        var issues = new List<ImportIssue>();
        var total = plan.Authorities.Count + plan.NewAuthorities.Count;
        var done = 0;
        try
        {
            foreach (var row in plan.Authorities)
            {
                var stored = row.UpdatesStored ? await archive.GetAuthorityAsync(row.Id, ct) : null;
                var authority = ImportMapping.ToAuthority(row, stored?.Value, request.User, now);
                var info = new CommitInfo(request.User, $"Import from {plan.AuthoritiesName}, line {row.Line}", now);
                var result = await SaveAsync(() => archive.SaveAuthorityAsync(authority, stored?.Version, info, ct), plan.AuthoritiesName, row.Line, issues);
                Count(stored is null, result.Changed, ref aCreated, ref aUpdated, ref aUnchanged);
                progress?.Report(new ImportProgress("authorities", ++done, total));
            }
            foreach (var note in plan.NewAuthorities)
            {
                var info = new CommitInfo(request.User, $"Import from {plan.RecordsName}, line {note.FirstLine}: new {note.Kind.Code()} named in a record", now);
                await SaveAsync(() => archive.SaveAuthorityAsync(ImportMapping.NewAuthority(note, request.User, now), null, info, ct), plan.RecordsName, note.FirstLine, issues);
                aCreated++;
                progress?.Report(new ImportProgress("authorities", ++done, total));
            }
            done = 0;
            foreach (var row in plan.Records)
            {
                var stored = await archive.GetRecordAsync(row.Identifier, ct);
                var (files, newFiles) = PlanFiles(row, stored?.Value);
                var record = ImportMapping.ToRecord(row, stored?.Value, files, request.Publish, request.User, now);
                var info = new CommitInfo(request.User, $"Import from {plan.RecordsName}, line {row.Line}", now);
                var result = await SaveAsync(() => archive.SaveRecordAsync(record, newFiles, stored?.Version, info, ct), plan.RecordsName, row.Line, issues);
                Count(stored is null, result.Changed, ref rCreated, ref rUpdated, ref rUnchanged);
                if (result.Changed) filesStored += newFiles.Count;
                progress?.Report(new ImportProgress("records", ++done, plan.Records.Count));
            }
        }
        catch (ImportStoppedException)
        {
            // The issue is already recorded; what was saved before it stays saved and is counted below.
        }
        summary = summary with
        {
            AuthoritiesCreated = aCreated,
            AuthoritiesUpdated = aUpdated,
            AuthoritiesUnchanged = aUnchanged,
            RecordsCreated = rCreated,
            RecordsUpdated = rUpdated,
            RecordsUnchanged = rUnchanged,
            FilesStored = filesStored,
        };
        return new ImportReport(issues, summary, DryRun: false) { Written = aCreated + aUpdated + rCreated + rUpdated > 0 };
    }

    private static void Count(bool isNew, bool changed, ref int created, ref int updated, ref int unchanged)
    {
        if (isNew) created++;
        else if (changed) updated++;
        else unchanged++;
    }

    /// <summary>The record's files in page order, and only those whose bytes differ from the stored ones to send.</summary>
    private static (IReadOnlyList<RecordFile> Files, IReadOnlyList<NewFile> NewFiles) PlanFiles(RecordRow row, Record? stored)
    {
        if (stored is not null && !row.Columns.Contains("files")) return (stored.Files, []);
        var files = new List<RecordFile>();
        var newFiles = new List<NewFile>();
        foreach (var source in row.Files)
        {
            var file = ImportMapping.ToRecordFile(source);
            files.Add(file);
            var same = stored?.Files.Any(f => f.Path == file.Path && string.Equals(f.Sha512, file.Sha512, StringComparison.OrdinalIgnoreCase)) ?? false;
            if (!same) newFiles.Add(new NewFile(file.Path, new OcflContent(() => File.OpenRead(source.FullPath), source.Sha512)));
        }
        return (files, newFiles);
    }

    /// <summary>A concurrent edit stops the import at that row with an issue; it never overwrites someone else's version.</summary>
    private static async Task<OcflCommitResult> SaveAsync(Func<Task<OcflCommitResult>> save, string? file, int line, List<ImportIssue> issues)
    {
        try
        {
            return await save();
        }
        catch (OcflConflictException e)
        {
            issues.Add(new ImportIssue(line, null, $"{e.Message}; the import stopped here, rows before it were saved") { File = file });
            throw new ImportStoppedException();
        }
    }

    private sealed class ImportStoppedException : Exception;
}
