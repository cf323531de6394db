using HafizaIzmir.Site.Hosting;

namespace HafizaIzmir.Site.Cli;

/// <summary>The import verb's arguments, paths already made absolute.</summary>
public sealed record ImportArguments(string? AuthoritiesCsv, string? RecordsCsv, string? FilesDirectory, bool Publish, bool DryRun, string User);

public static class ImportVerb
{
    public static async Task<int> RunAsync(ArchiveOptions options, ImportArguments arguments, CancellationToken ct)
    {
        await Console.Error.WriteLineAsync("hafiza: import is not available in this build yet; nothing was read or written");
        return Verbs.UsageError;
    }
}
