using System.Security.Cryptography;

namespace HafizaIzmir.Archive.Ingest;

/// <summary>What an image probe says about a file: its media type and size, or why it cannot be taken.</summary>
public sealed record FileProbeResult(string? MediaType, int Width, int Height, string? Error)
{
    public static FileProbeResult Accepted(string mediaType, int width, int height) => new(mediaType, width, height, null);
    public static FileProbeResult Rejected(string reason) => new(null, 0, 0, reason);
}

/// <summary>Checks that a file is an image the archive can serve; the host passes the real image probe.</summary>
public delegate FileProbeResult FileProbe(string path);

/// <summary>A file listed in a record row, checked, probed and hashed; <see cref="Page"/> counts from 1.</summary>
public sealed record SourceFile(int Page, string RelativePath, string FullPath, string MediaType, long Bytes, string Sha512, int Width, int Height)
{
    /// <summary>The logical path in the record's object: <c>files/0001.png</c>.</summary>
    public string StoredPath
    {
        get
        {
            var ext = Path.GetExtension(RelativePath);
            return $"files/{Page:0000}{(ext.Length > 1 ? ext.ToLowerInvariant() : "")}";
        }
    }
}

/// <summary>The <c>files</c> cell: paths relative to <c>--files</c> that must stay inside it, even through links.</summary>
public static class RecordFiles
{
    public static IReadOnlyList<SourceFile> Check(RowCells cells, RecordsCsvOptions options)
    {
        var paths = cells.List("files");
        if (paths.Count == 0) return [];
        if (options.FilesDir is null)
        {
            cells.Error("files", "files are listed but no --files directory was given");
            return [];
        }
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.FilesDir));
        if (!Directory.Exists(root))
        {
            cells.Error("files", "the --files directory does not exist");
            return [];
        }
        var realRoot = RealPath(root);
        var files = new List<SourceFile>();
        foreach (var relative in paths)
        {
            var file = CheckOne(cells, options, root, realRoot, relative, files.Count + 1);
            if (file is not null) files.Add(file);
        }
        return files;
    }

    private static SourceFile? CheckOne(RowCells cells, RecordsCsvOptions options, string root, string realRoot, string relative, int page)
    {
        var normal = relative.Replace('\\', '/');
        if (normal.Any(char.IsControl))
        {
            cells.Error("files", $"'{relative.Replace("\0", "\\0", StringComparison.Ordinal)}' contains a control character; no file name has one");
            return null;
        }
        if (Path.IsPathRooted(normal) || normal.StartsWith('/') || (normal.Length >= 2 && normal[1] == ':'))
        {
            cells.Error("files", $"'{relative}' is an absolute path; give paths relative to the --files directory");
            return null;
        }
        var full = Path.GetFullPath(Path.Combine(root, normal));
        if (!IsInside(full, root))
        {
            cells.Error("files", $"'{relative}' points outside the --files directory");
            return null;
        }
        if (!File.Exists(full))
        {
            cells.Error("files", $"'{relative}' does not exist in the --files directory");
            return null;
        }
        string real;
        try
        {
            real = RealPath(full);
        }
        catch (IOException e)
        {
            cells.Error("files", $"'{relative}' cannot be resolved: {e.Message}");
            return null;
        }
        if (!IsInside(real, realRoot))
        {
            cells.Error("files", $"'{relative}' is a link to a file outside the --files directory");
            return null;
        }
        FileProbeResult probe;
        try
        {
            probe = options.Probe(real);
        }
        catch (IOException e)
        {
            cells.Error("files", $"'{relative}' cannot be read: {e.Message}");
            return null;
        }
        if (probe.Error is not null || probe.MediaType is null)
        {
            cells.Error("files", $"'{relative}': {probe.Error ?? "not an image the archive can take"}");
            return null;
        }
        using var stream = File.OpenRead(real);
        var sha512 = Convert.ToHexStringLower(SHA512.HashData(stream));
        return new SourceFile(page, relative, real, probe.MediaType, stream.Length, sha512, probe.Width, probe.Height);
    }

    private static bool IsInside(string path, string root) =>
        path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The path with every symbolic link along it resolved (what <c>realpath</c> gives).</summary>
    internal static string RealPath(string path, int depth = 0)
    {
        if (depth > 40) throw new IOException("too many levels of symbolic links");
        var full = Path.GetFullPath(path);
        var current = Path.GetPathRoot(full)!;
        foreach (var part in full[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is not null)
            {
                var target = Path.IsPathRooted(info.LinkTarget) ? info.LinkTarget : Path.Combine(current, info.LinkTarget);
                next = RealPath(target, depth + 1);
            }
            current = next;
        }
        return Path.TrimEndingDirectorySeparator(current);
    }
}

/// <summary>The probe the importer uses in production: image headers only, refusing what the archive cannot serve.</summary>
public static class ImageFileProbe
{
    public static FileProbe Create(Images.ImageLimits? limits = null) => path =>
    {
        try
        {
            var info = Images.ImageProbe.Probe(path, limits);
            // The size as shown: a quarter-turned scan is recorded (and served) upright.
            return FileProbeResult.Accepted(info.MediaType, info.UprightWidth, info.UprightHeight);
        }
        catch (Images.UnsupportedImageException e)
        {
            return FileProbeResult.Rejected(e.Message);
        }
    };
}
