using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HafizaIzmir.Archive.Derived;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Archive.Text;
using HafizaIzmir.Site.Web;

namespace HafizaIzmir.Site.Derived;

using Archive = HafizaIzmir.Archive.Storage.Archive;

/// <summary>
/// What the public browse pages need in memory: a summary of every published record (title, date, decades,
/// thumbnail, linked authorities, when it was published), every authority with the slugs it ever had, and a
/// generation that changes whenever anything public changes (the ETag of listing pages). Only records that
/// <see cref="PublicationGate"/> admits are kept, so no page built on it can show a draft.
/// </summary>
public sealed partial class BrowseData(string path) : IDerivedData
{
    public const string FileName = "browse.json";
    private const int Format = 1;
    private const string AuthorityFile = "authority.json";
    private static readonly JsonSerializerOptions Json = ArchiveJson.Options;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, PublishedRecord> _records = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KnownAuthority> _authorities = new(StringComparer.Ordinal);
    private ulong _generation;
    private bool _dirty;
    // Indexes recomputed lazily after a change (see BrowseData.Views), each with a count of the changes that
    // make it stale, so a build from an older snapshot is not kept.
    private RecordViews? _recordViews;
    private AuthorityViews? _authorityViews;
    private long _recordChanges;
    private long _authorityChanges;
    private readonly Lock _recordViewsBuild = new();
    private readonly Lock _authorityViewsBuild = new();

    public string Name => "browse data";
    public string Path { get; } = path;

    /// <summary>Changes whenever a published record or an authority changes (an order-free hash of their versions).</summary>
    public ulong Generation { get { lock (_gate) return _generation; } }

    public int PublishedCount { get { lock (_gate) return _records.Count; } }

    public PublishedRecord? Published(string identifier)
    {
        lock (_gate) return _records.GetValueOrDefault(identifier);
    }

    public KnownAuthority? Authority(string id)
    {
        lock (_gate) return _authorities.GetValueOrDefault(id);
    }

    public IReadOnlyList<PublishedRecord> AllPublished() { lock (_gate) return [.. _records.Values]; }

    public IReadOnlyList<KnownAuthority> AllAuthorities() { lock (_gate) return [.. _authorities.Values]; }

    /// <summary>The most recently published items (the documents themselves, not the levels that hold them), newest first.</summary>
    public IReadOnlyList<PublishedRecord> Recent(int count) => [.. CurrentRecordViews().Recent.Take(count)];

    public async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!File.Exists(Path)) return false;
        try
        {
            await using var stream = File.OpenRead(Path);
            var file = await JsonSerializer.DeserializeAsync<StoredFile>(stream, Json, ct);
            if (file is null || file.Format != Format) return false;
            lock (_gate)
            {
                Clear();
                foreach (var r in file.Records) PutRecord(r);
                foreach (var a in file.Authorities) PutAuthority(a);
                _dirty = false;
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
        lock (_gate) Clear();
        var count = 0;
        await foreach (var record in archive.ListRecordsAsync(ct))
        {
            if (PublicationGate.IsPublic(record.Value))
                lock (_gate) PutRecord(PublishedRecord.From(record.Value, record.Version, record.Value.ChangedAt ?? record.Modified));
            progress.Report(++count);
        }
        await foreach (var authority in archive.ListAuthoritiesAsync(ct))
        {
            var former = await FormerSlugsAsync(archive, authority, ct);
            lock (_gate) PutAuthority(new KnownAuthority(authority.Value, authority.Version, former));
            progress.Report(++count);
        }
        lock (_gate) _dirty = true;
        await SaveAsync(ct);
    }

    /// <summary>The slugs of the names an authority had in earlier versions, so old addresses keep leading to it.</summary>
    private static async Task<IReadOnlyList<string>> FormerSlugsAsync(Archive archive, Versioned<Authority> head, CancellationToken ct)
    {
        var current = TurkishText.Slug(head.Value.Name);
        var slugs = new SortedSet<string>(StringComparer.Ordinal);
        for (var v = 1; v < head.Version; v++)
        {
            await using var stream = await archive.Repository.OpenFileAsync(Archive.AuthorityPrefix + head.Value.Id, AuthorityFile, v, ct);
            if (stream is null) continue;
            var old = await ArchiveJson.DeserializeAsync<Authority>(stream, $"authority {head.Value.Id} v{v}", ct);
            var slug = TurkishText.Slug(old.Name);
            if (slug.Length > 0 && slug != current) slugs.Add(slug);
        }
        return [.. slugs];
    }

    public Task ApplyAsync(ArchiveChange change, CancellationToken ct)
    {
        lock (_gate)
        {
            if (change.RecordIdentifier is { } identifier)
            {
                var before = _records.GetValueOrDefault(identifier);
                RemoveRecord(identifier);
                if (PublicationGate.IsPublic(change.Record))
                {
                    // A record already public keeps its publication moment; one that just became public gets now.
                    var publishedAt = before?.PublishedAt ?? change.Entry.At;
                    PutRecord(PublishedRecord.From(change.Record!, change.HeadVersion ?? 0, publishedAt));
                }
            }
            else if (change.Entry.ObjectId.StartsWith(ArchiveChange.AuthorityPrefix, StringComparison.Ordinal))
            {
                var id = change.Entry.ObjectId[ArchiveChange.AuthorityPrefix.Length..];
                var before = _authorities.GetValueOrDefault(id);
                RemoveAuthority(id);
                if (change.Authority is { } authority)
                {
                    var former = new SortedSet<string>(before?.FormerSlugs ?? [], StringComparer.Ordinal);
                    if (before is not null) former.Add(before.Slug);
                    former.Remove(TurkishText.Slug(authority.Name));
                    former.Remove("");
                    PutAuthority(new KnownAuthority(authority, change.HeadVersion ?? 0, [.. former]));
                }
            }
            else
            {
                return Task.CompletedTask;
            }
            _dirty = true;
        }
        return Task.CompletedTask;
    }

    public async Task SaveAsync(CancellationToken ct)
    {
        StoredFile file;
        lock (_gate)
        {
            if (!_dirty && File.Exists(Path)) return;
            file = new StoredFile(Format,
                [.. _records.Values.OrderBy(r => r.Identifier, StringComparer.Ordinal)],
                [.. _authorities.Values.OrderBy(a => a.Value.Id, StringComparer.Ordinal)]);
            _dirty = false;
        }
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        // Write beside and rename so a crash leaves either the old or the new file, never half of one.
        var temp = Path + ".tmp";
        await using (var stream = File.Create(temp))
            await JsonSerializer.SerializeAsync(stream, file, Json, ct);
        File.Move(temp, Path, overwrite: true);
    }

    private void Clear()
    {
        _records.Clear();
        _authorities.Clear();
        _generation = 0;
        RecordsChanged();
        AuthoritiesChanged();
    }

    private void PutRecord(PublishedRecord record)
    {
        _records[record.Identifier] = record;
        _generation ^= Stamp(Archive.RecordPrefix + record.Identifier, record.Version);
        RecordsChanged();
    }

    private void RemoveRecord(string identifier)
    {
        if (!_records.Remove(identifier, out var old)) return;
        _generation ^= Stamp(Archive.RecordPrefix + identifier, old.Version);
        RecordsChanged();
    }

    private void PutAuthority(KnownAuthority authority)
    {
        _authorities[authority.Value.Id] = authority;
        _generation ^= Stamp(Archive.AuthorityPrefix + authority.Value.Id, authority.Version);
        AuthoritiesChanged();
    }

    private void RemoveAuthority(string id)
    {
        if (!_authorities.Remove(id, out var old)) return;
        _generation ^= Stamp(Archive.AuthorityPrefix + id, old.Version);
        AuthoritiesChanged();
    }

    private void RecordsChanged()
    {
        _recordChanges++;
        _recordViews = null;
    }

    private void AuthoritiesChanged()
    {
        _authorityChanges++;
        _authorityViews = null;
    }

    /// <summary>A 64-bit hash of one object version; XOR-ing them gives a set hash that is updated in O(1).</summary>
    public static ulong Stamp(string objectId, int version) =>
        BinaryPrimitives.ReadUInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes($"{objectId}\n{version}")));

    private sealed record StoredFile(int Format, List<PublishedRecord> Records, List<KnownAuthority> Authorities);
}

/// <summary>An authority as the site shows it, with the version it was read at and the slugs of its former names.</summary>
public sealed record KnownAuthority(Authority Value, int Version, IReadOnlyList<string> FormerSlugs)
{
    public string Slug => TurkishText.Slug(Value.Name);
}

/// <summary>What lists of records show about one published record.</summary>
public sealed record PublishedRecord(
    string Identifier, string? Parent, Level Level, string Title, string? TitleEn, string? Date,
    IReadOnlyList<int> Decades, int? FirstYear, Thumbnail? Thumbnail, IReadOnlyList<string> Authorities,
    int Version, DateTimeOffset PublishedAt, DateTimeOffset? Modified = null)
{
    public static PublishedRecord From(Record record, int version, DateTimeOffset publishedAt)
    {
        var (from, to) = (record.Date?.Earliest?.Year ?? record.Date?.Latest?.Year, record.Date?.Latest?.Year ?? record.Date?.Earliest?.Year);
        Thumbnail? thumbnail = null;
        var index = record.Files.ToList().FindIndex(f => f.MediaType.StartsWith("image/", StringComparison.Ordinal));
        if (index >= 0)
        {
            var file = record.Files[index];
            thumbnail = Thumbnail.Of(record.Identifier, index + 1, file.Width, file.Height);
        }
        return new PublishedRecord(record.Identifier, record.Parent, record.Level, record.Title.Tr, record.Title.En, record.Date?.Text,
            DecadesOf(from, to), from, thumbnail, [.. record.Authorities.Select(a => a.AuthorityId).Distinct(StringComparer.Ordinal)],
            version, publishedAt, record.ChangedAt);
    }

    /// <summary>A record that spans longer than this counts only in its first and last decade (as the search index does).</summary>
    public const int MaxSpreadYears = 200;

    /// <summary>The decades a date falls in, the same way the search index's decade filter counts them.</summary>
    public static IReadOnlyList<int> DecadesOf(int? from, int? to)
    {
        if (from is not { } f || to is not { } t) return [];
        if (t - f > MaxSpreadYears) return [.. new[] { Floor(f), Floor(t) }.Distinct()];
        var list = new List<int>();
        for (var d = Floor(f); d <= t; d += 10) list.Add(d);
        return list;
    }

    private static int Floor(int year) => year / 10 * 10;

    public string TitleIn(string language) => language == "en" && !string.IsNullOrWhiteSpace(TitleEn) ? TitleEn : Title;
}

/// <summary>The IIIF thumbnail of a record's first image, at the size the image server keeps ready-made.</summary>
public sealed record Thumbnail(string Url, int Width, int Height)
{
    public static Thumbnail Of(string identifier, int page, int width, int height)
    {
        var (w, h) = width > 0 && height > 0
            ? HafizaIzmir.Archive.Images.Derivatives.DerivativeStore.ThumbnailSize(width, height)
            : (HafizaIzmir.Archive.Images.Derivatives.DerivativeStore.ThumbnailWidth, 0);
        var service = "/iiif/3/" + Uri.EscapeDataString($"{identifier}~{page}");
        return new Thumbnail($"{service}/full/{w},/0/default.jpg", w, h);
    }
}
