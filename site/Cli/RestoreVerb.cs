using System.CommandLine;
using System.Security.Cryptography;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Site.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace HafizaIzmir.Site.Cli;

using Archive = HafizaIzmir.Archive.Storage.Archive;

/// <summary>
/// <c>hafiza restore --from DIR</c>: loads what <c>export</c> wrote into an empty store, every object as it was
/// exported (audit fields and file bytes, each file checked against its SHA-512) as its first version. Derived
/// data is then rebuilt with <c>reindex</c> (or at the next start).
/// </summary>
public static class RestoreVerb
{
    public const string User = "restore";

    public static Command Command(Func<ParseResult, ArchiveOptions> options, Func<Func<Task<int>>, Task<int>> guard)
    {
        var restore = new Command("restore", "Load an export (hafiza export) into an empty store; run reindex afterwards");
        var from = new Option<string>("--from") { Description = "The export directory", Required = true };
        restore.Options.Add(from);
        restore.SetAction((r, ct) => guard(() => RunAsync(options(r), r.GetValue(from)!, ct)));
        return restore;
    }

    public static async Task<int> RunAsync(ArchiveOptions options, string fromDirectory, CancellationToken ct)
    {
        var source = Path.GetFullPath(fromDirectory);
        if (!File.Exists(Path.Combine(source, "README.txt")) || !Directory.Exists(source))
            throw new UsageException($"{source} is not an export directory (no README.txt); give the directory 'hafiza export --out' wrote");

        await using var services = Composition.BuildForCli(options);
        var repository = services.GetRequiredService<OcflRepository>();
        await repository.InitializeAsync(ct);
        await foreach (var existing in repository.ListObjectIdsAsync(ct))
            throw new UsageException($"the store already holds objects (e.g. {existing}); restore only into an empty store");
        var archive = services.GetRequiredService<Archive>();

        var progress = new ProgressReporter("objects restored");
        var count = 0;
        var problems = 0;
        async Task Each(IEnumerable<string> files, Func<string, Task> restore)
        {
            foreach (var file in files.Order(StringComparer.Ordinal))
            {
                try
                {
                    await restore(file);
                    progress.Report(++count);
                }
                catch (Exception e) when (e is InvalidDataException or System.Text.Json.JsonException or ArgumentException or IOException and not BlobStoreUnavailableException)
                {
                    problems++;
                    await Console.Error.WriteLineAsync($"hafiza: {Path.GetRelativePath(source, file)}: not restored: {e.Message}");
                }
            }
        }

        await Each(JsonFiles(source, "authorities"), async file =>
            await archive.RestoreAuthorityAsync(ArchiveJson.Deserialize<Authority>(await File.ReadAllBytesAsync(file, ct), file), User, ct));
        await Each(JsonFiles(source, "accessions"), async file =>
            await archive.RestoreAccessionAsync(ArchiveJson.Deserialize<Accession>(await File.ReadAllBytesAsync(file, ct), file), User, ct));
        var records = Directory.Exists(Path.Combine(source, "records"))
            ? Directory.EnumerateFiles(Path.Combine(source, "records"), "record.json", SearchOption.AllDirectories)
            : [];
        await Each(records, file => RestoreRecordAsync(archive, file, ct));
        progress.Complete();
        Console.WriteLine($"Restored {count} objects from {source}{(problems > 0 ? $"; {problems} could not be restored" : "")}. Run 'hafiza reindex' to rebuild search, OAI and browse data.");
        return problems == 0 ? Verbs.Success : Verbs.ProblemsFound;
    }

    private static IEnumerable<string> JsonFiles(string source, string folder) =>
        Directory.Exists(Path.Combine(source, folder)) ? Directory.EnumerateFiles(Path.Combine(source, folder), "*.json") : [];

    private static async Task RestoreRecordAsync(Archive archive, string file, CancellationToken ct)
    {
        var record = ArchiveJson.Deserialize<Record>(await File.ReadAllBytesAsync(file, ct), file);
        var directory = Path.GetDirectoryName(file)!;
        var files = new List<NewFile>();
        foreach (var listed in record.Files)
        {
            var path = Path.GetFullPath(Path.Combine(directory, listed.Path));
            if (!path.StartsWith(directory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new InvalidDataException($"file '{listed.Path}' lies outside the record's directory");
            var bytes = await File.ReadAllBytesAsync(path, ct);
            if (!Convert.ToHexStringLower(SHA512.HashData(bytes)).Equals(listed.Sha512, StringComparison.OrdinalIgnoreCase))
                throw new InvalidDataException($"file '{listed.Path}' does not match its SHA-512 in record.json (damaged export?)");
            files.Add(new NewFile(listed.Path, OcflContent.FromBytes(bytes)));
        }
        await archive.RestoreRecordAsync(record, files, User, ct);
    }
}
