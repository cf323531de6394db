namespace HafizaIzmir.Site.Cli;

/// <summary>
/// Progress of a long verb: on a terminal one line rewritten in place; when output goes to a file or a pipe,
/// a plain line every <see cref="LogEvery"/> items and at the end, so logs stay readable.
/// </summary>
public sealed class ProgressReporter(string label, TextWriter? output = null, bool? interactive = null) : IProgress<int>
{
    public const int LogEvery = 1000;

    private readonly TextWriter _out = output ?? Console.Out;
    private readonly bool _interactive = interactive ?? !Console.IsOutputRedirected;
    private readonly Lock _gate = new();
    private int _last = -1;

    public void Report(int value)
    {
        lock (_gate)
        {
            _last = value;
            if (_interactive) _out.Write($"\r{label}: {value}");
            else if (value % LogEvery == 0) _out.WriteLine($"{label}: {value}");
        }
    }

    /// <summary>Ends the progress display with the final count.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            var total = Math.Max(_last, 0);
            if (_interactive) _out.Write('\r');
            _out.WriteLine($"{label}: {total} done");
        }
    }
}
