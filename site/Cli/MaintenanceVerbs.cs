using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Site.Derived;
using HafizaIzmir.Archive.Derived;
using HafizaIzmir.Site.Hosting;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Oai.Tiers;
using HafizaIzmir.Site.Web;
using Microsoft.Extensions.DependencyInjection;

namespace HafizaIzmir.Site.Cli;

using Archive = HafizaIzmir.Archive.Storage.Archive;

/// <summary>The verbs that read the whole archive: verify, reindex and tiers.</summary>
public static class MaintenanceVerbs
{
    public static async Task<int> VerifyAsync(ArchiveOptions options, bool repair, CancellationToken ct)
    {
        await using var services = Composition.BuildForCli(options);
        var repository = services.GetRequiredService<OcflRepository>();
        var progress = new ProgressReporter("objects checked");
        var report = await repository.VerifyAsync(repair, progress, ct);
        progress.Complete();
        foreach (var problem in report.Problems) Console.WriteLine(problem);
        foreach (var removed in report.Repaired) Console.WriteLine($"repaired: removed {removed}");
        Console.WriteLine($"{report.ObjectsChecked} objects checked, {report.Problems.Count} problems" +
                          (repair ? $", {report.Repaired.Count} leftovers removed" : ""));
        return report.IsValid ? Verbs.Success : Verbs.ProblemsFound;
    }

    public static async Task<int> ReindexAsync(ArchiveOptions options, CancellationToken ct)
    {
        await using var services = Composition.BuildForCli(options);
        var derived = services.GetRequiredService<DerivedData>();
        var reporters = new List<ProgressReporter>();
        await derived.RebuildAsync(store =>
        {
            // The previous store is finished when the next one starts.
            reporters.LastOrDefault()?.Complete();
            reporters.Add(new ProgressReporter(store.Name));
            return reporters[^1];
        }, ct);
        reporters.LastOrDefault()?.Complete();
        Console.WriteLine($"Rebuilt {derived.Stores.Count} derived structures in {derived.Directory}");
        return Verbs.Success;
    }

    public static async Task<int> TiersAsync(ArchiveOptions options, CancellationToken ct)
    {
        await using var services = Composition.BuildForCli(options);
        var archive = services.GetRequiredService<Archive>();
        // Authorities are few and shared by many records: read them once.
        var authorities = new Dictionary<string, Authority>(StringComparer.Ordinal);
        await foreach (var authority in archive.ListAuthoritiesAsync(ct)) authorities[authority.Value.Id] = authority.Value;
        var distribution = new TierDistribution();
        await foreach (var record in archive.ListRecordsAsync(ct))
        {
            if (!PublicationGate.IsPublic(record.Value)) continue;
            var linked = record.Value.Authorities.Select(l => authorities.GetValueOrDefault(l.AuthorityId)).OfType<Authority>().Distinct();
            distribution.Add(EuropeanaTiers.Classify(record.Value, linked));
        }
        Console.Write(distribution.ToString());
        return Verbs.Success;
    }
}
