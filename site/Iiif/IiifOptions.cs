using HafizaIzmir.Archive.Images;

namespace HafizaIzmir.Site.Iiif;

/// <summary>Configuration section <c>Iiif</c>: what the image service renders and how much it caches.</summary>
public sealed class IiifOptions
{
    public const string Section = "Iiif";

    /// <summary>Largest output width, height and area (the <c>maxWidth</c>, <c>maxHeight</c>, <c>maxArea</c> of info.json).</summary>
    public int MaxWidth { get; set; } = 10_000;
    public int MaxHeight { get; set; } = 10_000;
    public long MaxArea { get; set; } = 50_000_000;

    /// <summary>Upper bound of the local copies of pyramids, in megabytes.</summary>
    public long LocalCacheMegabytes { get; set; } = 4096;

    /// <summary>
    /// The public site root for ids in info.json and manifests (<c>https://hafiza.izmir.bel.tr</c>); when
    /// empty the request's own scheme and host are used.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Seconds that browsers and proxies may keep a rendered image.</summary>
    public int ImageMaxAgeSeconds { get; set; } = 30 * 24 * 3600;

    /// <summary>Which masters may be downloaded as archived; none unless configured.</summary>
    public MasterDownloadPolicy DownloadMasters { get; set; } = MasterDownloadPolicy.None;

    public ImageServiceLimits Limits => new(MaxWidth, MaxHeight, MaxArea);
}

/// <summary>
/// Configuration section <c>Images</c>: the limits a master must stay within before any pixel is decoded
/// (file size, pixel count, longest side), for uploads, imports and rendering alike.
/// </summary>
public sealed class ImagesOptions
{
    public const string Section = "Images";

    public long MaxBytes { get; set; } = ImageLimits.Default.MaxBytes;
    public long MaxPixels { get; set; } = ImageLimits.Default.MaxPixels;
    public int MaxSide { get; set; } = ImageLimits.Default.MaxSide;

    public ImageLimits ToLimits() => new() { MaxBytes = MaxBytes, MaxPixels = MaxPixels, MaxSide = MaxSide };

    /// <summary>
    /// The limits as the web host would configure them (appsettings.json beside the program, then environment
    /// variables such as <c>Images__MaxPixels</c>), for verbs that run without a host, like <c>import</c>.
    /// </summary>
    public static ImageLimits LoadLimits()
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var options = new ImagesOptions();
        configuration.GetSection(Section).Bind(options);
        return options.ToLimits();
    }
}
