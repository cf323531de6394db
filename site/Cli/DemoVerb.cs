using HafizaIzmir.Site.Hosting;

namespace HafizaIzmir.Site.Cli;

public static class DemoVerb
{
    public static async Task<int> RunAsync(ArchiveOptions options, CancellationToken ct)
    {
        await Console.Error.WriteLineAsync("hafiza: the demo collection is not available in this build yet; nothing was written");
        return Verbs.UsageError;
    }
}
