using HafizaIzmir.Archive.Ingest;
using HafizaIzmir.Site.Demo;
using HafizaIzmir.Site.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace HafizaIzmir.Site.Cli;

using Archive = HafizaIzmir.Archive.Storage.Archive;

/// <summary>
/// <c>hafiza demo</c>: draws the synthetic demo scans into the data directory and imports the bundled
/// demo collection, published. Running it again changes nothing: scans are deterministic and the import
/// writes no version for unchanged rows. The demo stories (<c>Demo/stories/*.md</c>) follow, published.
/// </summary>
public static class DemoVerb
{
    public static async Task<int> RunAsync(ArchiveOptions options, CancellationToken ct)
    {
        var demoDirectory = Path.GetDirectoryName(DemoScans.BundledRecords)!;
        var scans = Path.Combine(options.FullDataDirectory, "demo-scans");
        var drawn = DemoScans.Create(DemoScans.BundledRecords, scans);
        Console.WriteLine($"demo scans: {drawn} drawn, in {scans}");

        await using var services = Composition.BuildForCli(options);
        var archive = services.GetRequiredService<Archive>();
        await archive.Repository.InitializeAsync(ct);
        var report = await ImportVerb.RunAsync(archive, new ImportRequest
        {
            AuthoritiesPath = Path.Combine(demoDirectory, "authorities.csv"),
            RecordsPath = DemoScans.BundledRecords,
            FilesDir = scans,
            Publish = true,
            User = "demo",
        }, ct);
        if (!report.Succeeded) return Verbs.ProblemsFound;
        var stories = await StoriesVerb.RunAsync(archive, Path.Combine(demoDirectory, "stories"), "demo", publish: true, ct);
        return stories.Succeeded ? Verbs.Success : Verbs.ProblemsFound;
    }
}
