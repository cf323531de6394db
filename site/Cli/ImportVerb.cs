using HafizaIzmir.Archive.Ingest;
using HafizaIzmir.Site.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace HafizaIzmir.Site.Cli;

using Archive = HafizaIzmir.Archive.Storage.Archive;

/// <summary>The import verb's arguments, paths already made absolute.</summary>
public sealed record ImportArguments(string? AuthoritiesCsv, string? RecordsCsv, string? FilesDirectory, bool Publish, bool DryRun, string User);

/// <summary>
/// <c>hafiza import</c>: validates the files completely, then writes everything or nothing, and prints the
/// report. Exit 0 only when every row went in.
/// </summary>
public static class ImportVerb
{
    public static async Task<int> RunAsync(ArchiveOptions options, ImportArguments arguments, CancellationToken ct)
    {
        await using var services = Composition.BuildForCli(options);
        var archive = services.GetRequiredService<Archive>();
        if (!arguments.DryRun) await archive.Repository.InitializeAsync(ct);
        var report = await RunAsync(archive, new ImportRequest
        {
            AuthoritiesPath = arguments.AuthoritiesCsv,
            RecordsPath = arguments.RecordsCsv,
            FilesDir = arguments.FilesDirectory,
            Publish = arguments.Publish,
            DryRun = arguments.DryRun,
            User = arguments.User,
        }, ct);
        return report.Succeeded ? Verbs.Success : Verbs.ProblemsFound;
    }

    /// <summary>Runs one import with progress on the console and prints its report; shared with <c>demo</c>.</summary>
    internal static async Task<ImportReport> RunAsync(Archive archive, ImportRequest request, CancellationToken ct)
    {
        var progress = new StageProgress();
        var report = await new Importer(archive, ImageFileProbe.Create(HafizaIzmir.Site.Iiif.ImagesOptions.LoadLimits())).ImportAsync(request, progress, ct);
        progress.Complete();
        var writer = report.Succeeded ? Console.Out : Console.Error;
        await writer.WriteLineAsync(report.Describe());
        return report;
    }

    /// <summary>
    /// One progress line per stage (validate, authorities, records), reported synchronously so the lines
    /// come out in order (Progress&lt;T&gt; would post them to the thread pool).
    /// </summary>
    private sealed class StageProgress : IProgress<ImportProgress>
    {
        private readonly Lock _gate = new();
        private (string Stage, ProgressReporter Reporter)? _current;

        public void Report(ImportProgress value)
        {
            lock (_gate)
            {
                if (_current?.Stage != value.Stage)
                {
                    _current?.Reporter.Complete();
                    _current = (value.Stage, new ProgressReporter(value.Stage));
                }
                _current.Value.Reporter.Report(value.Done);
            }
        }

        public void Complete()
        {
            lock (_gate) _current?.Reporter.Complete();
        }
    }
}
