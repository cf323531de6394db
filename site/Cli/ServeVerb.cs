using HafizaIzmir.Site.Hosting;

namespace HafizaIzmir.Site.Cli;

public static class ServeVerb
{
    public static async Task<int> RunAsync(ArchiveOptions options, string urls, CancellationToken ct)
    {
        await using var app = HafizaHost.Build(options, urls);
        await app.RunAsync(ct);
        return Verbs.Success;
    }
}
