using HafizaIzmir.Archive.Ocr;

namespace HafizaIzmir.Site.Ocr;

/// <summary>The <c>Ocr</c> section of <c>appsettings.json</c> (or <c>Ocr__Workers</c> … in the environment).</summary>
public sealed class OcrOptions
{
    public const string Section = "Ocr";

    /// <summary>The Tesseract program; found on the PATH unless a full path is given.</summary>
    public string Executable { get; set; } = "tesseract";
    /// <summary>Pages recognised at the same time (each Tesseract process uses one core); 0 stops recognition.</summary>
    public int Workers { get; set; } = 1;
    /// <summary>A page taking longer than this is stopped and counted as failed.</summary>
    public int TimeoutSeconds { get; set; } = 180;
    /// <summary>The first pause before a failed page is tried again; it doubles with each failure, up to six hours.</summary>
    public int RetrySeconds { get; set; } = 30;
    public int MaxLongSide { get; set; } = 3600;
    public int MinLongSide { get; set; } = 1600;

    public TesseractSettings ToSettings() => new()
    {
        Executable = Executable,
        Timeout = TimeSpan.FromSeconds(Math.Max(1, TimeoutSeconds)),
        MaxLongSide = MaxLongSide,
        MinLongSide = MinLongSide,
    };
}
