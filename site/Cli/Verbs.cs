using System.CommandLine;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Site.Hosting;

namespace HafizaIzmir.Site.Cli;

/// <summary>The <c>hafiza</c> command line: every verb of the contract, with the common storage options.</summary>
public static class Verbs
{
    public const int Success = 0;
    public const int ProblemsFound = 1;
    public const int UsageError = 2;
    public const string DefaultUrls = "http://127.0.0.1:5080";

    private static readonly Option<string> Data = new("--data")
    {
        Description = "Directory holding everything local (env HAFIZA_DATA, default ./data)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("HAFIZA_DATA") is { Length: > 0 } d ? d : ArchiveOptions.DefaultDataDirectory,
        Recursive = true,
    };

    private static readonly Option<string?> BlobConnection = new("--blob-connection")
    {
        Description = "Azure Blob Storage connection string (env HAFIZA_BLOB_CONNECTION); the embedded store when absent",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("HAFIZA_BLOB_CONNECTION") is { Length: > 0 } c ? c : null,
        Recursive = true,
    };

    private static readonly Option<string> BlobContainer = new("--blob-container")
    {
        Description = "Azure Blob Storage container (env HAFIZA_BLOB_CONTAINER, default hafiza)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("HAFIZA_BLOB_CONTAINER") is { Length: > 0 } c ? c : ArchiveOptions.DefaultContainer,
        Recursive = true,
    };

    public static async Task<int> RunAsync(string[] args)
    {
        // Storage writes block a thread in rename and flush calls; with the default minimum of one thread per
        // core, sixteen concurrent saves starve the pool and run at a third of their speed.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));
        var parse = BuildRoot().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) await Console.Error.WriteLineAsync($"hafiza: {error.Message}");
            await Console.Error.WriteLineAsync("Run 'hafiza --help' for the verbs and their options.");
            return UsageError;
        }
        return await parse.InvokeAsync();
    }

    public static ArchiveOptions ArchiveOptionsFrom(ParseResult r) =>
        new(r.GetValue(Data)!, r.GetValue(BlobConnection), r.GetValue(BlobContainer)!);

    private static RootCommand BuildRoot()
    {
        var root = new RootCommand("Hafıza İzmir: the city-memory archive (site, catalogue, API, OAI-PMH, IIIF) and its admin verbs");
        root.Options.Add(Data);
        root.Options.Add(BlobConnection);
        root.Options.Add(BlobContainer);

        // No verb means serve, so the root takes serve's options too.
        var rootUrls = UrlsOption();
        root.Options.Add(rootUrls);
        root.SetAction((r, ct) => Guard(() => ServeVerb.RunAsync(ArchiveOptionsFrom(r), r.GetValue(rootUrls)!, ct)));

        var serve = new Command("serve", "Run the site, API, OAI-PMH, IIIF and the indexer (the default)");
        var urls = UrlsOption();
        serve.Options.Add(urls);
        serve.SetAction((r, ct) => Guard(() => ServeVerb.RunAsync(ArchiveOptionsFrom(r), r.GetValue(urls)!, ct)));
        root.Subcommands.Add(serve);

        root.Subcommands.Add(ImportCommand());

        var reindex = new Command("reindex", "Rebuild every derived structure from blob storage alone");
        reindex.SetAction((r, ct) => Guard(() => MaintenanceVerbs.ReindexAsync(ArchiveOptionsFrom(r), ct)));
        root.Subcommands.Add(reindex);

        var verify = new Command("verify", "Check fixity (SHA-512) and OCFL structure of every stored object; exit 1 on any problem");
        var repair = new Option<bool>("--repair") { Description = "Remove leftovers of interrupted writes (never a committed version)" };
        verify.Options.Add(repair);
        verify.SetAction((r, ct) => Guard(() => MaintenanceVerbs.VerifyAsync(ArchiveOptionsFrom(r), r.GetValue(repair), ct)));
        root.Subcommands.Add(verify);

        var tiers = new Command("tiers", "Print the Europeana content and metadata tier distribution of the published records");
        tiers.SetAction((r, ct) => Guard(() => MaintenanceVerbs.TiersAsync(ArchiveOptionsFrom(r), ct)));
        root.Subcommands.Add(tiers);

        var export = new Command("export", "Write every object in a plain, documented form");
        var exportOut = new Option<string>("--out") { Description = "Target directory (must be empty or absent)", Required = true };
        export.Options.Add(exportOut);
        export.SetAction((r, ct) => Guard(() => ExportVerb.RunAsync(ArchiveOptionsFrom(r), r.GetValue(exportOut)!, ct)));
        root.Subcommands.Add(export);
        root.Subcommands.Add(RestoreVerb.Command(ArchiveOptionsFrom, Guard));

        var demo = new Command("demo", "Load the bundled demo collection into the data directory (idempotent)");
        demo.SetAction((r, ct) => Guard(() => DemoVerb.RunAsync(ArchiveOptionsFrom(r), ct)));
        root.Subcommands.Add(demo);

        root.Subcommands.Add(StoriesVerb.Command());
        root.Subcommands.Add(UserCommand());
        return root;
    }

    private static Option<string> UrlsOption() => new("--urls")
    {
        Description = $"Addresses to listen on, as in ASP.NET Core (default {DefaultUrls})",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ASPNETCORE_URLS") is { Length: > 0 } u ? u : DefaultUrls,
    };

    private static Command ImportCommand()
    {
        var import = new Command("import", "Batch import of authorities and/or records from CSV (authorities first)");
        var authorities = new Option<FileInfo?>("--authorities") { Description = "Authorities CSV" };
        var csv = new Option<FileInfo?>("--csv") { Description = "Records CSV" };
        var files = new Option<DirectoryInfo?>("--files") { Description = "Directory the records' 'files' paths are relative to" };
        var publish = new Option<bool>("--publish") { Description = "Publish the imported records" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate and report only; write nothing" };
        var user = new Option<string>("--user") { Description = "Who the new versions are attributed to", DefaultValueFactory = _ => Environment.UserName };
        foreach (var option in new Option[] { authorities, csv, files, publish, dryRun, user }) import.Options.Add(option);
        import.Validators.Add(result =>
        {
            if (result.GetValue(authorities) is null && result.GetValue(csv) is null)
                result.AddError("import needs --authorities FILE and/or --csv FILE");
        });
        import.SetAction((r, ct) => Guard(() => ImportVerb.RunAsync(ArchiveOptionsFrom(r), new ImportArguments(
            r.GetValue(authorities)?.FullName, r.GetValue(csv)?.FullName, r.GetValue(files)?.FullName,
            r.GetValue(publish), r.GetValue(dryRun), r.GetValue(user)!), ct)));
        return import;
    }

    private static Command UserCommand()
    {
        var user = new Command("user", "Manage catalogue accounts");
        var add = new Command("add", "Create an account; the password comes from standard input or a prompt");
        var name = new Argument<string>("NAME") { Description = "The account's user name" };
        var role = new Option<string>("--role") { Description = "student, cataloguer or admin", Required = true };
        role.AcceptOnlyFromAmong("student", "cataloguer", "admin");
        add.Arguments.Add(name);
        add.Options.Add(role);
        add.SetAction((r, ct) => Guard(() => UserVerb.AddAsync(ArchiveOptionsFrom(r), r.GetValue(name)!, r.GetValue(role)!, ct)));
        user.Subcommands.Add(add);
        return user;
    }

    /// <summary>Turns the failures a person can act on into one clear line and an exit code instead of a stack trace.</summary>
    internal static async Task<int> Guard(Func<Task<int>> verb)
    {
        try
        {
            return await verb();
        }
        catch (UsageException e)
        {
            await Console.Error.WriteLineAsync($"hafiza: {e.Message}");
            return UsageError;
        }
        catch (BlobStoreUnavailableException e)
        {
            await Console.Error.WriteLineAsync($"hafiza: storage unavailable: {e.Message}");
            return ProblemsFound;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("hafiza: cancelled");
            return ProblemsFound;
        }
    }
}

/// <summary>The command line asked for something impossible; reported with exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
