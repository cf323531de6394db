using HafizaIzmir.Archive.Storage;

namespace HafizaIzmir.Archive.Images.Derivatives;

/// <summary>
/// The tile pyramid and thumbnail made from each master, kept in the blob store under <c>derived/</c> (beside
/// the OCFL objects, never in them) and keyed by the master's SHA-512, so an unchanged master is never
/// processed twice and two records sharing a scan share its derivatives. Everything here can be deleted and
/// made again from the masters. Pyramids are also kept in a size-bounded local directory, because tiles are
/// read from them with random access.
/// </summary>
public sealed class DerivativeStore
{
    public const string Prefix = "derived/iiif/";
    public const string PyramidName = "pyramid.tif";
    public const string ThumbnailName = "thumbnail.jpg";
    /// <summary>Width of the stored thumbnail (the <c>full/400,/0/default.jpg</c> rendering).</summary>
    public const int ThumbnailWidth = 400;

    private readonly IBlobStore _store;
    private readonly IImageEngine _engine;
    private readonly string _cacheDirectory;
    private readonly long _cacheBytes;
    private readonly SemaphoreSlim _fetching = new(1, 1);

    public DerivativeStore(IBlobStore store, IImageEngine engine, string cacheDirectory, long cacheBytes = 4L * 1024 * 1024 * 1024)
    {
        _store = store;
        _engine = engine;
        _cacheDirectory = cacheDirectory;
        _cacheBytes = cacheBytes;
    }

    public static string Key(string sha512, string name)
    {
        var sha = CheckedSha(sha512);
        return $"{Prefix}{sha[..2]}/{sha}/{name}";
    }

    /// <summary>The thumbnail's size for a master of the given size: 400 px wide, or the master's width if narrower.</summary>
    public static (int Width, int Height) ThumbnailSize(int width, int height)
    {
        var w = Math.Min(ThumbnailWidth, width);
        var h = Math.Max(1, (int)Math.Round((double)height * w / width, MidpointRounding.AwayFromZero));
        return (w, h);
    }

    public async Task<bool> ExistsAsync(string sha512, CancellationToken ct = default) =>
        await _store.GetPropertiesAsync(Key(sha512, PyramidName), ct) is not null
        && await _store.GetPropertiesAsync(Key(sha512, ThumbnailName), ct) is not null;

    /// <summary>
    /// Makes whatever of the pyramid and thumbnail is missing from the master <paramref name="openMaster"/>
    /// opens; false when both existed already. Safe to repeat and to interrupt: a blob appears only whole.
    /// </summary>
    public async Task<bool> MakeAsync(string sha512, Func<CancellationToken, Task<Stream>> openMaster, CancellationToken ct = default)
    {
        var pyramidKey = Key(sha512, PyramidName);
        var thumbnailKey = Key(sha512, ThumbnailName);
        var hasPyramid = await _store.GetPropertiesAsync(pyramidKey, ct) is not null;
        var hasThumbnail = await _store.GetPropertiesAsync(thumbnailKey, ct) is not null;
        if (hasPyramid && hasThumbnail) return false;

        Directory.CreateDirectory(_cacheDirectory);
        var temp = Path.Combine(_cacheDirectory, $"{sha512}.{Guid.NewGuid():N}.tmp");
        try
        {
            if (!hasPyramid)
            {
                await using (var master = await openMaster(ct))
                await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous))
                    await _engine.PyramidAsync(master, output, ct);
                await using (var pyramid = File.OpenRead(temp))
                    await _store.PutAsync(pyramidKey, pyramid, BlobCondition.None, ct);
                File.Move(temp, LocalPath(sha512), overwrite: true);
                TrimCache();
            }
            if (!hasThumbnail)
            {
                // From the pyramid when there is one: its small levels make this nearly free.
                var local = LocalPath(sha512);
                await using var source = File.Exists(local) ? File.OpenRead(local) : await openMaster(ct);
                var info = _engine.Probe(source);
                var (w, h) = ThumbnailSize(info.UprightWidth, info.UprightHeight);
                var bytes = await _engine.RenderAsync(source, new ImageRender(0, 0, info.UprightWidth, info.UprightHeight, w, h), ct);
                await _store.PutAsync(thumbnailKey, new MemoryStream(bytes, writable: false), BlobCondition.None, ct);
            }
            return true;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>The stored thumbnail's bytes, or null when it has not been made yet.</summary>
    public async Task<byte[]?> ThumbnailAsync(string sha512, CancellationToken ct = default) =>
        (await _store.GetAsync(Key(sha512, ThumbnailName), ct))?.Bytes;

    /// <summary>
    /// The local copy of the pyramid, fetched from the blob store on first use; null when no pyramid has
    /// been made yet (then the caller reads the master).
    /// </summary>
    public async Task<string?> PyramidPathAsync(string sha512, CancellationToken ct = default)
    {
        var local = LocalPath(sha512);
        if (File.Exists(local)) return local;
        if (await _store.GetPropertiesAsync(Key(sha512, PyramidName), ct) is null) return null;
        // One download at a time: concurrent tile requests for the same new image would otherwise all fetch it.
        await _fetching.WaitAsync(ct);
        try
        {
            if (File.Exists(local)) return local;
            await using var remote = await _store.OpenReadAsync(Key(sha512, PyramidName), ct);
            if (remote is null) return null;
            Directory.CreateDirectory(_cacheDirectory);
            var temp = local + $".{Guid.NewGuid():N}.tmp";
            await using (var file = File.Create(temp))
                await remote.CopyToAsync(file, ct);
            File.Move(temp, local, overwrite: true);
            TrimCache();
            return local;
        }
        finally
        {
            _fetching.Release();
        }
    }

    private string LocalPath(string sha512) => Path.Combine(_cacheDirectory, CheckedSha(sha512) + ".tif");

    /// <summary>Removes the least recently written pyramids until the directory is within its size bound.</summary>
    private void TrimCache()
    {
        var files = new DirectoryInfo(_cacheDirectory).GetFiles("*.tif").OrderByDescending(f => f.LastWriteTimeUtc).ToList();
        long total = 0;
        foreach (var file in files)
        {
            total += file.Length;
            // The newest file always stays, even when it alone is over the bound.
            if (total > _cacheBytes && file != files[0])
            {
                try { file.Delete(); }
                catch (IOException) { /* in use by a reader on some platforms; next trim gets it */ }
            }
        }
    }

    private static string CheckedSha(string sha512) =>
        sha512 is { Length: 128 } && sha512.All(char.IsAsciiHexDigitLower)
            ? sha512
            : throw new ArgumentException($"'{sha512}' is not a lower-case hexadecimal SHA-512 digest", nameof(sha512));
}
