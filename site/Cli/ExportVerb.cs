using System.Text.Encodings.Web;
using System.Text.Json;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Site.Derived;
using HafizaIzmir.Archive.Derived;
using HafizaIzmir.Site.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace HafizaIzmir.Site.Cli;

using Archive = HafizaIzmir.Archive.Storage.Archive;

/// <summary>
/// Writes every object's head version as plain JSON files and the record files beside them, so the
/// collection can be read without this software. The layout is explained in the README.txt it writes.
/// </summary>
public static class ExportVerb
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Turkish letters stay readable in the files; they are data files, not HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public const string ReadmeText = """
        Hafıza İzmir export
        ===================

        Every object of the archive in its current (head) version, as UTF-8 JSON.

        records/{identifier}/record.json   one record (fonds, series, file or item): title, dates (EDTF),
                                           description, links to authorities by id, rights, workflow state
                                           ("Draft", "InReview", "Published" or "Withdrawn") and the list of
                                           its files with their SHA-512 digests.
        records/{identifier}/files/...     the record's files byte for byte, at the paths listed in record.json.
        records/{identifier}/transcriptions/0001.txt   corrected text of page 1 (UTF-8), where a cataloguer wrote one.
        authorities/{id}.json              one person, institution or place ("kind"), with variant names,
                                           dates, relations (by authority id) and external identifiers.
        accessions/{id}.json               one accession: how and when material came in, from whom.
        stories/{slug}.json                one story: title, summary and Markdown body in Turkish and English,
                                           axes, cover record, workflow state; archive references in the body
                                           are written [[kayit:IDENTIFIER]], [[kisi:NAME]], [[kurum:…]], [[mekan:…]].

        Identifiers are used as file names; characters that cannot appear in a file name are
        percent-encoded (as in URLs). Dates are EDTF strings. Earlier versions are not exported: they are
        kept in the archive's OCFL storage, which is itself a documented, self-describing layout.

        """;

    public static async Task<int> RunAsync(ArchiveOptions options, string outDirectory, CancellationToken ct)
    {
        var target = Path.GetFullPath(outDirectory);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            throw new UsageException($"the export directory {target} is not empty; choose an empty or new one");
        if (File.Exists(target)) throw new UsageException($"{target} is a file, not a directory");

        await using var services = Composition.BuildForCli(options);
        var archive = services.GetRequiredService<Archive>();
        Directory.CreateDirectory(target);
        var progress = new ProgressReporter("objects exported");
        var count = 0;
        var problems = 0;
        await foreach (var objectId in archive.Repository.ListObjectIdsAsync(ct))
        {
            if (!await ExportObjectAsync(archive, objectId, target, ct))
            {
                problems++;
                await Console.Error.WriteLineAsync($"hafiza: {objectId}: could not be exported (unknown kind or unreadable)");
            }
            progress.Report(++count);
        }
        await File.WriteAllTextAsync(Path.Combine(target, "README.txt"), ReadmeText, ct);
        progress.Complete();
        Console.WriteLine($"Exported {count - problems} objects to {target}");
        return problems == 0 ? Verbs.Success : Verbs.ProblemsFound;
    }

    private static async Task<bool> ExportObjectAsync(Archive archive, string objectId, string target, CancellationToken ct)
    {
        if (objectId.StartsWith(ArchiveChange.RecordPrefix, StringComparison.Ordinal))
        {
            var identifier = objectId[ArchiveChange.RecordPrefix.Length..];
            var record = await archive.GetRecordAsync(identifier, ct);
            if (record is null) return false;
            var directory = Path.Combine(target, "records", FileName(identifier));
            await WriteJsonAsync(Path.Combine(directory, "record.json"), record.Value, ct);
            var head = await archive.Repository.GetObjectAsync(objectId, ct);
            var transcriptions = head?.State.Keys.Where(p => p.StartsWith(Archive.TranscriptionFolder, StringComparison.Ordinal)) ?? [];
            foreach (var file in record.Value.Files.Select(f => f.Path).Concat(transcriptions))
            {
                var path = Path.GetFullPath(Path.Combine(directory, file));
                if (!path.StartsWith(directory + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return false;
                await using var source = await archive.OpenRecordFileAsync(identifier, file, ct);
                if (source is null) return false;
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await using var destination = File.Create(path);
                await source.CopyToAsync(destination, ct);
            }
            return true;
        }
        if (objectId.StartsWith(ArchiveChange.AuthorityPrefix, StringComparison.Ordinal))
        {
            var authority = await archive.GetAuthorityAsync(objectId[ArchiveChange.AuthorityPrefix.Length..], ct);
            if (authority is null) return false;
            await WriteJsonAsync(Path.Combine(target, "authorities", FileName(authority.Value.Id) + ".json"), authority.Value, ct);
            return true;
        }
        if (objectId.StartsWith(ArchiveChange.AccessionPrefix, StringComparison.Ordinal))
        {
            var accession = await archive.GetAccessionAsync(objectId[ArchiveChange.AccessionPrefix.Length..], ct);
            if (accession is null) return false;
            await WriteJsonAsync(Path.Combine(target, "accessions", FileName(accession.Value.Id) + ".json"), accession.Value, ct);
            return true;
        }
        if (objectId.StartsWith(ArchiveChange.StoryPrefix, StringComparison.Ordinal))
        {
            var story = await archive.GetStoryAsync(objectId[ArchiveChange.StoryPrefix.Length..], ct);
            if (story is null) return false;
            await WriteJsonAsync(Path.Combine(target, "stories", FileName(story.Value.Slug) + ".json"), story.Value, ct);
            return true;
        }
        return false;
    }

    /// <summary>An identifier as one safe path segment: percent-encoded, and never "." or "..".</summary>
    public static string FileName(string identifier)
    {
        var name = Uri.EscapeDataString(identifier);
        return name is "." or ".." ? name.Replace(".", "%2E", StringComparison.Ordinal) : name;
    }

    private static async Task WriteJsonAsync<T>(string path, T value, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, value, Json, ct);
    }
}
