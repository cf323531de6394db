using System.Diagnostics;
using System.Text;

namespace HafizaIzmir.Tests.Site;

public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>
/// Runs the real built program (<c>dotnet hafiza.dll …</c>, copied beside the test assembly because the
/// tests reference the site project) as a separate process, the way an operator or a script would.
/// </summary>
public static class HafizaProcess
{
    public static string DllPath => Path.Combine(AppContext.BaseDirectory, "hafiza.dll");

    /// <summary>Starts the program without waiting, for tests that stop or kill it themselves.</summary>
    public static Process Start(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? env = null)
    {
        var process = Process.Start(StartInfo(args, env)) ?? throw new InvalidOperationException("could not start dotnet");
        // Drain the output so a chatty program never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        return process;
    }

    private static ProcessStartInfo StartInfo(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? env)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(DllPath);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // The test runner's own settings must not leak into the program under test.
        foreach (var name in new[] { "HAFIZA_DATA", "HAFIZA_BLOB_CONNECTION", "HAFIZA_BLOB_CONTAINER", "ASPNETCORE_URLS" })
            start.Environment.Remove(name);
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in env ?? new Dictionary<string, string?>())
            start.Environment[name] = value;
        return start;
    }

    public static async Task<ProcessResult> RunAsync(
        IEnumerable<string> args, string? stdin = null, IReadOnlyDictionary<string, string?>? env = null,
        TimeSpan? timeout = null, string? workingDirectory = null)
    {
        var start = StartInfo(args, env);
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null) await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();

        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"hafiza {string.Join(' ', args)} did not finish in time\n{await stdout}\n{await stderr}");
        }
        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }
}

/// <summary>A fresh data directory per test, removed afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("hafiza-test-").FullName;

    public string Sub(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
    }
}
