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
        var tally = new WriteTally();
        var issues = new List<ImportIssue>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var authorityWork = plan.Authorities.Select(row => (Func<CancellationToken, Task>)(async token =>
        {
            var stored = row.UpdatesStored ? await archive.GetAuthorityAsync(row.Id, token) : null;
            var authority = ImportMapping.ToAuthority(row, stored?.Value, request.User, now);
            var info = new CommitInfo(request.User, $"Import from {plan.AuthoritiesName}, line {row.Line}", now);
            var result = await SaveAsync(() => archive.SaveAuthorityAsync(authority, stored?.Version, info, token), plan.AuthoritiesName, row.Line, issues, stop);
            if (result is not null) tally.Authority(stored is null, result.Changed);
        })).Concat(plan.NewAuthorities.Select(note => (Func<CancellationToken, Task>)(async token =>
        {
            var info = new CommitInfo(request.User, $"Import from {plan.RecordsName}, line {note.FirstLine}: new {note.Kind.Code()} named in a record", now);
            var result = await SaveAsync(() => archive.SaveAuthorityAsync(ImportMapping.NewAuthority(note, request.User, now), null, info, token), plan.RecordsName, note.FirstLine, issues, stop);
            if (result is not null) tally.Authority(true, true);
        }))).ToList();
        await RunConcurrentlyAsync("authorities", authorityWork, progress, stop.Token);

        // Records go in waves by level, so every parent is committed (and journaled) before its children.
        var done = 0;
        foreach (var wave in plan.Records.GroupBy(r => r.Level).OrderBy(g => g.Key))
        {
            var recordWork = wave.Select(row => (Func<CancellationToken, Task>)(async token =>
            {
                var stored = await archive.GetRecordAsync(row.Identifier, token);
                var (files, newFiles) = PlanFiles(row, stored?.Value);
                var record = ImportMapping.ToRecord(row, stored?.Value, files, request.Publish, request.User, now);
                var info = new CommitInfo(request.User, $"Import from {plan.RecordsName}, line {row.Line}", now);
                var result = await SaveAsync(() => archive.SaveRecordAsync(record, newFiles, stored?.Version, info, token), plan.RecordsName, row.Line, issues, stop);
                if (result is not null) tally.Record(stored is null, result.Changed, result.Changed ? newFiles.Count : 0);
            })).ToList();
            done = await RunConcurrentlyAsync("records", recordWork, progress, stop.Token, done, plan.Records.Count);
        }
        ct.ThrowIfCancellationRequested();
        summary = tally.AddTo(summary);
        return new ImportReport(issues, summary, DryRun: false) { Written = tally.AnyWritten };
    }

    /// <summary>
    /// How many saves run at once. Each save ends in several durable (fsynced) writes; running them side by
    /// side lets the file system group those flushes, which measured here turns ~200 writes/s into ~7,000.
    /// </summary>
    public const int ConcurrentSaves = 32;

    private static async Task<int> RunConcurrentlyAsync(string stage, IReadOnlyList<Func<CancellationToken, Task>> work, IProgress<ImportProgress>? progress, CancellationToken ct, int doneBefore = 0, int? total = null)
    {
        var done = doneBefore;
        try
        {
            await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = ConcurrentSaves, CancellationToken = ct }, async (save, token) =>
            {
                await save(token);
                progress?.Report(new ImportProgress(stage, Interlocked.Increment(ref done), total ?? work.Count));
            });
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped by a conflict (already recorded as an issue) or by the caller (rethrown by ImportAsync).
        }
        return done;
    }

    /// <summary>Counts of what the writes did; safe to update from concurrent saves.</summary>
    private sealed class WriteTally
    {
        private int _aCreated, _aUpdated, _aUnchanged, _rCreated, _rUpdated, _rUnchanged, _files;

        public bool AnyWritten => _aCreated + _aUpdated + _rCreated + _rUpdated > 0;

        public void Authority(bool isNew, bool changed) => Increment(isNew, changed, ref _aCreated, ref _aUpdated, ref _aUnchanged);

        public void Record(bool isNew, bool changed, int files)
        {
            Increment(isNew, changed, ref _rCreated, ref _rUpdated, ref _rUnchanged);
            Interlocked.Add(ref _files, files);
        }

        public ImportSummary AddTo(ImportSummary summary) => summary with
        {
            AuthoritiesCreated = _aCreated,
            AuthoritiesUpdated = _aUpdated,
            AuthoritiesUnchanged = _aUnchanged,
            RecordsCreated = _rCreated,
            RecordsUpdated = _rUpdated,
            RecordsUnchanged = _rUnchanged,
            FilesStored = _files,
        };

        private static void Increment(bool isNew, bool changed, ref int created, ref int updated, ref int unchanged)
        {
            if (isNew) Interlocked.Increment(ref created);
            else if (changed) Interlocked.Increment(ref updated);
            else Interlocked.Increment(ref unchanged);
        }
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

    /// <summary>
    /// A concurrent edit stops the import with an issue on that row; it never overwrites someone else's
    /// version. Saves already committed stay (each is a complete version); the rest are cancelled.
    /// </summary>
    private static async Task<OcflCommitResult?> SaveAsync(Func<Task<OcflCommitResult>> save, string? file, int line, List<ImportIssue> issues, CancellationTokenSource stop)
    {
        try
        {
            return await save();
        }
        catch (OcflConflictException e)
        {
            lock (issues) issues.Add(new ImportIssue(line, null, $"{e.Message}; the import stopped here, rows saved before it were kept") { File = file });
            await stop.CancelAsync();
            return null;
        }
    }
}
