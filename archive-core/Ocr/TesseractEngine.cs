using System.Diagnostics;
using HafizaIzmir.Archive.Images;
using NetVips;

namespace HafizaIzmir.Archive.Ocr;

/// <summary>How the OCR engine runs: the program, its time limit and the resolution it is given.</summary>
public sealed record TesseractSettings
{
    public string Executable { get; init; } = "tesseract";
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(3);
    /// <summary>A page's longer side is reduced to this (an A4 page at 300 dpi is 3508 px; more only costs time).</summary>
    public int MaxLongSide { get; init; } = 3600;
    /// <summary>A page whose longer side is below this is enlarged twice: small type recognises badly.</summary>
    public int MinLongSide { get; init; } = 1600;
    /// <summary>Threads one Tesseract process may use; the worker runs pages in parallel instead.</summary>
    public int Threads { get; init; } = 1;
}

/// <summary>The recognition failed (the program is missing, crashed, timed out or gave no hOCR).</summary>
public sealed class OcrFailedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Recognises one page with the <c>tesseract</c> program as a child process (no network, a hard time limit,
/// killed with its children when it overruns or the caller cancels). libvips first turns the master into
/// an 8-bit grey PNG at a resolution Tesseract reads well; the hOCR's boxes are in that image's pixels.
/// </summary>
public sealed class TesseractEngine(TesseractSettings settings, ImageLimits? limits = null)
{
    private readonly ImageLimits _limits = limits ?? ImageLimits.Default;
    private IReadOnlySet<string>? _installed;

    public TesseractSettings Settings { get; } = settings;

    /// <summary>The models Tesseract has installed (<c>--list-langs</c>); empty when the program is missing.</summary>
    public IReadOnlySet<string> InstalledModels => _installed ??= ListModels();

    /// <summary>Recognises the page <paramref name="master"/> holds with <paramref name="models"/>; returns hOCR.</summary>
    public async Task<string> RecognizeAsync(Stream master, IReadOnlyList<string> models, CancellationToken ct)
    {
        if (models.Count == 0) throw new OcrFailedException("no OCR model is installed for this record's languages");
        var png = Path.Combine(Path.GetTempPath(), $"ocr-{Guid.NewGuid():N}.png");
        try
        {
            await PrepareAsync(master, png, ct);
            var (exit, output, error) = await RunAsync(["--psm", "3", "-l", OcrLanguages.Key(models), png, "stdout", "hocr"], ct);
            if (exit != 0) throw new OcrFailedException($"tesseract exited with {exit}: {Tail(error)}");
            if (!output.Contains("ocr_page", StringComparison.Ordinal)) throw new OcrFailedException("tesseract gave no hOCR page: " + Tail(error));
            return output;
        }
        finally
        {
            File.Delete(png);
        }
    }

    /// <summary>Writes the grey page image Tesseract reads, scaled into [<see cref="TesseractSettings.MinLongSide"/>, <see cref="TesseractSettings.MaxLongSide"/>].</summary>
    public async Task PrepareAsync(Stream master, string pngPath, CancellationToken ct)
    {
        using var source = await MasterSource.OpenAsync(master, _limits, ct);
        ct.ThrowIfCancellationRequested();
        try
        {
            // Stored pixels, not EXIF-rotated: boxes must land on the canvas, which has the stored size.
            using var image = source.Load(Enums.Access.Sequential);
            using var flat = image.HasAlpha() ? image.Flatten(background: Enumerable.Repeat(255.0, image.Bands - 1).ToArray()) : image.Copy();
            using var grey = flat.Bands == 1 ? flat.Copy() : flat.Colourspace(Enums.Interpretation.Bw);
            using var eight = grey.Format == Enums.BandFormat.Uchar ? grey.Copy() : grey.Cast(Enums.BandFormat.Uchar);
            var scale = Scale(source.Info.Width, source.Info.Height);
            using var sized = scale == 1 ? eight.Copy() : eight.Resize(scale, kernel: Enums.Kernel.Lanczos3);
            sized.SetProgress(new Progress<int>(), ct);
            sized.Pngsave(pngPath, compression: 1, keep: Enums.ForeignKeep.None);
        }
        catch (VipsException e) when (!ct.IsCancellationRequested)
        {
            throw new UnsupportedImageException("the page could not be decoded for OCR: " + e.Message.Split('\n')[0]);
        }
    }

    /// <summary>The factor a page of this size is scaled by before recognition.</summary>
    public double Scale(int width, int height)
    {
        var longSide = Math.Max(width, height);
        if (longSide > Settings.MaxLongSide) return (double)Settings.MaxLongSide / longSide;
        if (longSide < Settings.MinLongSide) return Math.Min(2.0, (double)Settings.MaxLongSide / longSide);
        return 1;
    }

    private IReadOnlySet<string> ListModels()
    {
        try
        {
            using var process = Process.Start(StartInfo(["--list-langs"]));
            if (process is null) return new HashSet<string>();
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)) || process.ExitCode != 0) return new HashSet<string>();
            // The first line is "List of available languages in ...".
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Skip(1).Where(l => l != "osd").ToHashSet(StringComparer.Ordinal);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return new HashSet<string>(); // not installed: nothing can be recognised, which the worker reports
        }
    }

    private ProcessStartInfo StartInfo(IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(Settings.Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        start.Environment["OMP_THREAD_LIMIT"] = Settings.Threads.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return start;
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var start = StartInfo(arguments);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new OcrFailedException($"'{Settings.Executable}' could not be started");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new OcrFailedException($"'{Settings.Executable}' could not be started (is tesseract-ocr installed?): {e.Message}", e);
        }
        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(Settings.Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                try { process.Kill(entireProcessTree: true); }
                catch (InvalidOperationException) { /* it ended meanwhile */ }
                ct.ThrowIfCancellationRequested();
                throw new OcrFailedException($"tesseract took longer than {Settings.Timeout.TotalSeconds:0} s and was stopped");
            }
            return (process.ExitCode, await output, await error);
        }
    }

    private static string Tail(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= 300 ? trimmed : "…" + trimmed[^300..];
    }
}
