using System.CommandLine;
using HafizaIzmir.Archive.Ingest;
using HafizaIzmir.Site.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace HafizaIzmir.Site.Cli;

using Archive = HafizaIzmir.Archive.Storage.Archive;

/// <summary>
/// <c>hafiza import-stories DIR [--publish] [--user NAME]</c>: loads the story files of a directory
/// (<see cref="StoryFile"/>); every file is checked first and nothing is written unless all are clean.
/// </summary>
public static class StoriesVerb
{
    public static Command Command()
    {
        var command = new Command("import-stories", "Load the Markdown story files (*.md with front matter) of a directory; unchanged stories write nothing");
        var directory = new Argument<string>("DIR") { Description = "Directory of story files" };
        var publish = new Option<bool>("--publish") { Description = "Publish the stories (otherwise new ones are drafts and existing ones keep their state)" };
        var user = new Option<string>("--user") { Description = "Who the versions are attributed to", DefaultValueFactory = _ => Environment.UserName };
        command.Arguments.Add(directory);
        command.Options.Add(publish);
        command.Options.Add(user);
        command.SetAction((r, ct) => Verbs.Guard(async () =>
        {
            await using var services = Composition.BuildForCli(Verbs.ArchiveOptionsFrom(r));
            var archive = services.GetRequiredService<Archive>();
            await archive.Repository.InitializeAsync(ct);
            var report = await RunAsync(archive, Path.GetFullPath(r.GetValue(directory)!), r.GetValue(user)!, r.GetValue(publish), ct);
            return report.Succeeded ? Verbs.Success : Verbs.ProblemsFound;
        }));
        return command;
    }

    /// <summary>Imports and prints the report; shared with <c>demo</c>.</summary>
    internal static async Task<StoryImportReport> RunAsync(Archive archive, string directory, string user, bool publish, CancellationToken ct)
    {
        var report = await new StoryImporter(archive).ImportAsync(directory, user, publish, ct);
        await (report.Succeeded ? Console.Out : Console.Error).WriteAsync(report.Describe());
        return report;
    }
}
