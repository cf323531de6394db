using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace HafizaIzmir.Archive.Storage;

/// <summary>One change: an object reached (or is about to reach) a version.</summary>
public sealed record JournalEntry(string Position, string ObjectId, int Version, DateTimeOffset At);

/// <summary>
/// The ordered list of changes, kept in the blob store beside the OCFL root, that the indexer and OAI
/// follow. Entries are written before the commit they announce, so a crash can never lose one;
/// a reader re-reads the object's head, which makes a stale or abandoned entry harmless.
/// <para>
/// Each entry is a small blob <c>journal/{utc ticks:D19}-{random}.json</c>, so ordinal key order is time order
/// and the entry's name is its <see cref="JournalEntry.Position"/>. How to follow it:
/// </para>
/// <list type="bullet">
/// <item>For each entry re-read the object's head; never trust the entry's version as the state.</item>
/// <item>An entry whose version is above the head may be a commit in progress (or one that failed): while it is
/// younger than a settle window (a minute) read it again later; after that, treat it as abandoned.</item>
/// <item>Several writers' clocks differ slightly, so an entry can appear behind a position already read.
/// Resume from <see cref="Rewind"/>(last position, margin) rather than the last position, and skip entries
/// already seen (by <see cref="JournalEntry.Position"/>); processing an object twice is harmless because
/// the reader re-reads its head.</item>
/// </list>
/// </summary>
public sealed class ChangeJournal(IBlobStore store, TimeProvider? clock = null)
{
    public const string Prefix = "journal/";

    /// <summary>Records that <paramref name="objectId"/> is about to reach <paramref name="version"/>.</summary>
    public async Task<JournalEntry> AppendAsync(string objectId, int version, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(objectId);
        var at = Clock.GetUtcNow();
        var position = $"{at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 6))}";
        var entry = new JournalEntry(position, objectId, version, at);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new StoredEntry(objectId, version, at), ArchiveJson.Options);
        // Deferred: the commit it announces flushes the store before its commit point, which covers this entry.
        await Store.PutAsync($"{Prefix}{HourOf(at.UtcTicks)}/{position}.json", new MemoryStream(bytes), BlobCondition.IfAbsent.Defer(), ct);
        return entry;
    }

    /// <summary>
    /// Entries are filed by UTC hour (<c>journal/2026112514/{position}.json</c>) so that a follower polling
    /// every few hundred milliseconds lists only the hours since its position, not the whole history.
    /// </summary>
    private static string HourOf(long ticks) => new DateTime(ticks, DateTimeKind.Utc).ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

    /// <summary>The hour folders that can hold entries after <paramref name="position"/>: from its hour to the next hour from now.</summary>
    private IEnumerable<string> PrefixesAfter(string? position)
    {
        if (position is null || position.Length < 19 || !long.TryParse(position.AsSpan(0, 19), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
        {
            yield return Prefix;
            yield break;
        }
        // An hour ahead of this clock, for writers whose clocks run fast.
        var last = Clock.GetUtcNow().UtcTicks + TimeSpan.TicksPerHour;
        for (var hour = ticks - ticks % TimeSpan.TicksPerHour; hour <= last; hour += TimeSpan.TicksPerHour)
            yield return $"{Prefix}{HourOf(hour)}/";
    }

    /// <summary>Entries after <paramref name="position"/> (all when null), oldest first.</summary>
    public async IAsyncEnumerable<JournalEntry> ReadAfterAsync(string? position, [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var prefix in PrefixesAfter(position))
        {
            await foreach (var blob in Store.ListAsync(prefix, ct))
            {
                if (!blob.Key.EndsWith(".json", StringComparison.Ordinal)) continue;
                var name = blob.Key[(blob.Key.LastIndexOf('/') + 1)..^".json".Length];
                if (position is not null && string.CompareOrdinal(name, position) <= 0) continue;
                var content = await Store.GetAsync(blob.Key, ct);
                if (content is null) continue; // removed while listing
                var stored = JsonSerializer.Deserialize<StoredEntry>(content.Bytes, ArchiveJson.Options)
                    ?? throw new InvalidDataException($"journal entry {blob.Key} is empty");
                yield return new JournalEntry(name, stored.ObjectId, stored.Version, stored.At);
            }
        }
    }

    /// <summary>
    /// A position <paramref name="margin"/> earlier than <paramref name="position"/>: reading after it again
    /// catches entries that a writer with a slightly slow clock added behind the position.
    /// </summary>
    public static string? Rewind(string? position, TimeSpan margin)
    {
        if (position is null || position.Length < 19 || !long.TryParse(position.AsSpan(0, 19), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
            return null;
        return Math.Max(0, ticks - margin.Ticks).ToString("D19", CultureInfo.InvariantCulture);
    }

    internal IBlobStore Store => store;
    internal TimeProvider Clock => clock ?? TimeProvider.System;

    private sealed record StoredEntry(string ObjectId, int Version, DateTimeOffset At);
}
