using System.Text.Json;
using HafizaIzmir.Archive.Derived;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Site.Web;

namespace HafizaIzmir.Site.Derived;

using Archive = HafizaIzmir.Archive.Storage.Archive;

/// <summary>What a list of stories shows about one story (everything but the body).</summary>
public sealed record StoryListing(
    string Slug, LocalizedText Title, LocalizedText? Summary, IReadOnlyList<Axis> Axes, string? Cover, bool Featured,
    WorkflowState State, bool IsPublic, string? Author, string? CreatedBy, DateTimeOffset? PublishedAt, DateTimeOffset? ChangedAt)
{
    public static StoryListing From(Story s) => new(
        s.Slug, s.Title, s.Summary, s.Axes, s.Cover, s.Featured, s.State, PublicationGate.IsPublic(s), s.Author, s.CreatedBy, s.PublishedAt, s.ChangedAt);
}

/// <summary>
/// Every story's listing in one JSON file, so the story list, the home page and the dashboard need not scan
/// blob storage (where stories sit among tens of thousands of records). Safe for concurrent readers.
/// </summary>
public sealed class StoryCatalogue(string path) : IDerivedData
{
    public const string FileName = "stories.json";
    private const int Format = 1;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, StoryListing> _stories = new(StringComparer.Ordinal);

    public string Name => "story catalogue";
    public string Path { get; } = path;

    /// <summary>Every story in any state, newest change first (the cataloguing list filters it).</summary>
    public IReadOnlyList<StoryListing> All()
    {
        lock (_gate) return [.. _stories.Values.OrderByDescending(s => s.ChangedAt)];
    }

    /// <summary>Published stories, most recently published first.</summary>
    public IReadOnlyList<StoryListing> Published()
    {
        lock (_gate)
            return [.. _stories.Values.Where(s => s.IsPublic).OrderByDescending(s => s.PublishedAt).ThenBy(s => s.Slug, StringComparer.Ordinal)];
    }

    /// <summary>Up to <paramref name="count"/> published stories for the home page: the featured ones first, then the newest.</summary>
    public IReadOnlyList<StoryListing> Featured(int count) =>
        [.. Published().OrderByDescending(s => s.Featured).Take(count)];

    public async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!File.Exists(Path)) return false;
        try
        {
            await using var stream = File.OpenRead(Path);
            var file = await JsonSerializer.DeserializeAsync<CatalogueFile>(stream, HafizaIzmir.Archive.Storage.ArchiveJson.Options, ct);
            if (file is null || file.Format != Format) return false;
            lock (_gate)
            {
                _stories.Clear();
                foreach (var s in file.Stories) _stories[s.Slug] = s;
            }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public async Task RebuildAsync(Archive archive, IProgress<int> progress, CancellationToken ct)
    {
        lock (_gate) _stories.Clear();
        var count = 0;
        await foreach (var story in archive.ListStoriesAsync(ct))
        {
            lock (_gate) _stories[story.Value.Slug] = StoryListing.From(story.Value);
            progress.Report(++count);
        }
        await SaveAsync(ct);
    }

    public Task ApplyAsync(ArchiveChange change, CancellationToken ct)
    {
        if (!change.Entry.ObjectId.StartsWith(ArchiveChange.StoryPrefix, StringComparison.Ordinal)) return Task.CompletedTask;
        var slug = change.Entry.ObjectId[ArchiveChange.StoryPrefix.Length..];
        lock (_gate)
        {
            _stories.Remove(slug);
            if (change.Story is { } story) _stories[slug] = StoryListing.From(story);
        }
        return Task.CompletedTask;
    }

    public async Task SaveAsync(CancellationToken ct)
    {
        CatalogueFile file;
        lock (_gate) file = new CatalogueFile(Format, [.. _stories.Values.OrderBy(s => s.Slug, StringComparer.Ordinal)]);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        // Write beside and rename so a crash leaves either the old or the new file, never half of one.
        var temp = Path + ".tmp";
        await using (var stream = File.Create(temp))
            await JsonSerializer.SerializeAsync(stream, file, HafizaIzmir.Archive.Storage.ArchiveJson.Options, ct);
        File.Move(temp, Path, overwrite: true);
    }

    private sealed record CatalogueFile(int Format, List<StoryListing> Stories);
}
