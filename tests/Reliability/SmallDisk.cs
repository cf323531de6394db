using System.Diagnostics;

namespace HafizaIzmir.Tests.Reliability;

/// <summary>
/// A small tmpfs mounted for one test, so that filling it up affects nothing else on the machine. Mounting
/// needs root (or CAP_SYS_ADMIN); without it <see cref="SkipReason"/> says so and the test skips.
/// </summary>
internal sealed class SmallDisk : IAsyncDisposable
{
    private const string Filler = "filler.bin";
    private bool _mounted;

    private SmallDisk(string path) => Path = path;

    public string Path { get; }
    public string? SkipReason { get; private set; }

    public static async Task<SmallDisk> MountAsync(string path, int megabytes)
    {
        var disk = new SmallDisk(path);
        Directory.CreateDirectory(path);
        if (!OperatingSystem.IsLinux())
        {
            disk.SkipReason = "a full disk is simulated with a Linux tmpfs";
            return disk;
        }
        var (code, output) = await RunAsync("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", path);
        if (code != 0) disk.SkipReason = $"cannot mount a {megabytes} MB tmpfs to fill up (needs root or CAP_SYS_ADMIN): {output.Trim()}";
        else disk._mounted = true;
        return disk;
    }

    /// <summary>Writes until the disk refuses; returns how many bytes that took.</summary>
    public long Fill()
    {
        long written = 0;
        var chunk = new byte[64 * 1024];
        try
        {
            using var stream = new FileStream(System.IO.Path.Combine(Path, Filler), FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
            while (true)
            {
                stream.Write(chunk);
                written += chunk.Length;
            }
        }
        catch (IOException)
        {
            return written;
        }
    }

    public void Free() => File.Delete(System.IO.Path.Combine(Path, Filler));

    public async ValueTask DisposeAsync()
    {
        if (!_mounted) return;
        await RunAsync("umount", "-l", Path);
        _mounted = false;
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}
