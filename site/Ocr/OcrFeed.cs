using System.Text.Json;
using HafizaIzmir.Archive.Derived;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Ocr;
using HafizaIzmir.Site.Derived;

namespace HafizaIzmir.Site.Ocr;

using Archive = HafizaIzmir.Archive.Storage.Archive;

/// <summary>
/// Feeds the OCR queue from the change journal: every image page of a record (draft or published: the
/// catalogue's suggestions need drafts read too) whose OCR is enabled and whose reading is not stored yet
/// becomes a job; <see cref="OcrWorker"/> does the work. It also keeps a local copy of each record's page
/// texts for the catalogue's pages, and when a level's OCR switch changes it announces the level's
/// descendants again, since they inherit it. A rebuild enqueues everything not read yet.
/// </summary>
public sealed class OcrFeed(OcrQueue queue, RecordText text, Archive archive, RecordTree tree, string derivedDirectory) : IDerivedData
{
    private readonly string _levelsPath = Path.Combine(derivedDirectory, "ocr-levels.json");
    private readonly string textDirectory = Path.Combine(derivedDirectory, "ocr-text");
    // The OCR switch of every fonds, series and file as last applied: a change is what makes descendants move.
    private Dictionary<string, bool?> _levels = new(StringComparer.Ordinal);

    public string Name => "OCR queue and page texts";

    public Task<bool> LoadAsync(CancellationToken ct)
    {
        try
        {
            if (!File.Exists(_levelsPath)) return Task.FromResult(false);
            _levels = JsonSerializer.Deserialize<Dictionary<string, bool?>>(File.ReadAllBytes(_levelsPath)) ?? [];
            return Task.FromResult(true);
        }
        catch (JsonException)
        {
            return Task.FromResult(false);
        }
    }

    public async Task RebuildAsync(Archive source, IProgress<int> progress, CancellationToken ct)
    {
        _levels.Clear();
        var done = 0;
        await foreach (var record in source.ListRecordsAsync(ct))
        {
            if (record.Value.Level != Level.Item) _levels[record.Value.Identifier] = record.Value.Ocr;
            await FeedAsync(record.Value, ct);
            progress.Report(++done);
        }
        await SaveAsync(ct);
    }

    public async Task ApplyAsync(ArchiveChange change, CancellationToken ct)
    {
        if (change.RecordIdentifier is not { } identifier) return;
        if (change.Record is not { } record)
        {
            DeleteText(identifier);
            _levels.Remove(identifier);
            return;
        }
        await FeedAsync(record, ct);
        if (record.Level == Level.Item) return;
        var known = _levels.TryGetValue(identifier, out var before);
        _levels[identifier] = record.Ocr;
        if (known && before != record.Ocr) await AnnounceDescendantsAsync(identifier, ct);
    }

    public Task SaveAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(derivedDirectory);
        var temp = _levelsPath + ".tmp";
        File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(_levels));
        File.Move(temp, _levelsPath, overwrite: true);
        return Task.CompletedTask;
    }

    /// <summary>The page texts last copied for a record (for pages that render synchronously); empty when none.</summary>
    public IReadOnlyList<StoredPageText> StoredText(string identifier)
    {
        try
        {
            var path = TextPath(identifier);
            return File.Exists(path) ? JsonSerializer.Deserialize<List<StoredPageText>>(File.ReadAllBytes(path)) ?? [] : [];
        }
        catch (Exception e) when (e is JsonException or IOException or ArgumentException)
        {
            return [];
        }
    }

    private async Task FeedAsync(Record record, CancellationToken ct)
    {
        if (await text.IsOcrEnabledAsync(record, ct) && text.ModelsFor(record) is { Count: > 0 } models)
        {
            var key = OcrLanguages.Key(models);
            for (var i = 0; i < record.Files.Count; i++)
            {
                var file = record.Files[i];
                if (!file.MediaType.StartsWith("image/", StringComparison.Ordinal) || await text.Store.ExistsAsync(file.Sha512, key, ct)) continue;
                await queue.EnqueueAsync(new OcrJob(record.Identifier, i + 1, file.Path, file.Sha512, key), ct);
            }
        }
        var pages = await text.PagesAsync(record, ct);
        var path = TextPath(record.Identifier);
        if (pages.Count == 0)
        {
            DeleteText(record.Identifier);
            return;
        }
        Directory.CreateDirectory(textDirectory);
        var temp = path + $".{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temp, JsonSerializer.SerializeToUtf8Bytes(pages.Select(p => new StoredPageText(p.Page, p.Text, p.Source)).ToList()), ct);
        File.Move(temp, path, overwrite: true);
    }

    private async Task AnnounceDescendantsAsync(string identifier, CancellationToken ct)
    {
        var pending = new Stack<string>([identifier]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { identifier };
        while (pending.Count > 0)
            foreach (var child in tree.Children(pending.Pop()))
            {
                if (!seen.Add(child.Identifier)) continue;
                pending.Push(child.Identifier);
                // Re-announcing the head makes every derived store (search included) apply the record again.
                if (await archive.GetRecordAsync(child.Identifier, ct) is { } current)
                    await archive.Journal.AppendAsync(Archive.RecordPrefix + child.Identifier, current.Version, ct);
            }
    }

    private void DeleteText(string identifier)
    {
        // File.Delete throws when the directory itself is missing (before any text was copied).
        if (File.Exists(TextPath(identifier))) File.Delete(TextPath(identifier));
    }

    private string TextPath(string identifier) => Path.Combine(textDirectory, Archive.Checked(identifier) + ".json");
}

/// <summary>A page's text as copied locally for the catalogue.</summary>
public sealed record StoredPageText(int Page, string Text, TextSource Source);
