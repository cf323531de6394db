using System.Text;
using HafizaIzmir.Archive.Domain;

namespace HafizaIzmir.Archive.Storage;

/// <summary>Stories are OCFL objects <c>story:{slug}</c> holding <c>story.json</c>, saved like records.</summary>
public sealed partial class Archive
{
    public const string StoryPrefix = "story:";
    private const string StoryFileName = "story.json";

    public Task<Versioned<Story>?> GetStoryAsync(string slug, CancellationToken ct = default) =>
        Story.IsValidSlug(slug) ? GetAsync<Story>(StoryPrefix + slug, StoryFileName, ct) : Task.FromResult<Versioned<Story>?>(null);

    public IAsyncEnumerable<Versioned<Story>> ListStoriesAsync(CancellationToken ct = default) =>
        ListAsync<Story>(StoryPrefix, StoryFileName, ct);

    /// <summary>
    /// Saves the story as a new version unless only its audit fields differ from the head.
    /// <paramref name="expectedVersion"/>: null for a new story, else the version the caller read;
    /// throws <see cref="OcflConflictException"/> when someone saved first. <see cref="Story.PublishedAt"/> is
    /// kept from the head, and stamped with the version's time when the story is first published.
    /// </summary>
    public async Task<OcflCommitResult> SaveStoryAsync(Story story, int? expectedVersion, CommitInfo info, CancellationToken ct = default)
    {
        if (!Story.IsValidSlug(story.Slug))
            throw new ArgumentException($"'{story.Slug}' is not a valid story slug: use lower-case letters and digits in words joined by hyphens, at most {Story.MaxSlugLength} characters");
        var objectId = StoryPrefix + story.Slug;
        var head = await GetAsync<Story>(objectId, StoryFileName, ct);
        var at = info.At ?? Repository.Clock.GetUtcNow();
        story = story with { PublishedAt = story.PublishedAt ?? head?.Value.PublishedAt ?? (story.IsPublished ? at : null) };
        var stamped = story with
        {
            CreatedBy = head?.Value.CreatedBy ?? info.User,
            CreatedAt = head?.Value.CreatedAt ?? at,
            ChangedBy = info.User,
            ChangedAt = at,
        };
        return await SaveAsync(objectId, StoryFileName, Canonical(story), head is null ? null : Canonical(head.Value), head?.Version,
            ArchiveJson.Serialize(stamped), [], expectedVersion, info with { At = at }, ct);
    }

    private static string Canonical(Story s) =>
        Encoding.UTF8.GetString(ArchiveJson.Serialize(s with { CreatedBy = null, CreatedAt = null, ChangedBy = null, ChangedAt = null }));
}
