using NetVips;

namespace HafizaIzmir.Archive.Images;

/// <summary>
/// A probed master on a seekable stream from byte 0, which libvips needs to re-read headers and to choose
/// pyramid levels. A stream that cannot seek (a download, a pipe) is first spooled to a temporary file that
/// deletes itself, with the byte limit enforced while copying.
/// </summary>
internal sealed class MasterSource : IDisposable
{
    private readonly Stream? _owned;

    private MasterSource(Stream stream, ImageInfo info, bool owned)
    {
        Stream = stream;
        Info = info;
        _owned = owned ? stream : null;
    }

    public Stream Stream { get; }

    public ImageInfo Info { get; }

    public static async Task<MasterSource> OpenAsync(Stream master, ImageLimits limits, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(master);
        if (master.CanSeek && master.Position == 0)
            return new MasterSource(master, ImageProbe.Probe(master, limits), owned: false);

        var spool = CreateSpool();
        try
        {
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await master.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (total > limits.MaxBytes)
                    throw new ImageTooLargeException(
                        $"the file is larger than the limit of {limits.MaxBytes / 1_000_000} MB");
                await spool.WriteAsync(buffer.AsMemory(0, read), ct);
            }
            spool.Position = 0;
            return new MasterSource(spool, ImageProbe.Probe(spool, limits), owned: true);
        }
        catch
        {
            await spool.DisposeAsync();
            throw;
        }
    }

    /// <summary>A temporary file that deletes itself when closed.</summary>
    public static FileStream CreateSpool() =>
        new(Path.Combine(Path.GetTempPath(), $"image-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);

    /// <summary>
    /// Opens the master with the loader its probed format names (never libvips' own sniffing, so what was
    /// checked is what gets decoded). <paramref name="shrink"/> is JPEG shrink-on-load (1, 2, 4 or 8).
    /// </summary>
    public Image Load(Enums.Access access, int page = 0, int shrink = 1)
    {
        Stream.Position = 0;
        const Enums.FailOn failOn = Enums.FailOn.Truncated;
        return Info.MediaType switch
        {
            ImageMediaTypes.Jpeg => Image.JpegloadStream(Stream, shrink: shrink, access: access, failOn: failOn),
            ImageMediaTypes.Png => Image.PngloadStream(Stream, access: access, failOn: failOn),
            ImageMediaTypes.Tiff => Image.TiffloadStream(Stream, page: page, access: access, failOn: failOn),
            ImageMediaTypes.WebP => Image.WebploadStream(Stream, access: access, failOn: failOn),
            _ => throw new UnsupportedImageException($"no loader for {Info.MediaType}"),
        };
    }

    /// <summary>
    /// The TIFF pages that form a resolution pyramid with page 0: same aspect ratio, each smaller than the
    /// one before. A multi-page document whose pages differ in shape yields only page 0.
    /// </summary>
    public IReadOnlyList<(int Page, int Width, int Height)> PyramidLevels()
    {
        var levels = new List<(int, int, int)> { (0, Info.Width, Info.Height) };
        if (Info.MediaType != ImageMediaTypes.Tiff)
            return levels;
        int pages;
        using (var first = Load(Enums.Access.Random))
            pages = first.Contains("n-pages") ? (int)first.Get("n-pages") : 1;
        for (var page = 1; page < pages; page++)
        {
            using var level = Load(Enums.Access.Random, page);
            var expectedHeight = (double)Info.Height * level.Width / Info.Width;
            if (level.Width >= levels[^1].Item2 || Math.Abs(level.Height - expectedHeight) > 2)
                break;
            levels.Add((page, level.Width, level.Height));
        }
        return levels;
    }

    public void Dispose() => _owned?.Dispose();
}
