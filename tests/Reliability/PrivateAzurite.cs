using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace HafizaIzmir.Tests.Reliability;

/// <summary>
/// An Azurite blob emulator of a test's own, on a free loopback port with its own data directory and an
/// account whose key is drawn for the run, so the test can stop it (as a service going away: SIGTERM) and
/// start it again on the same data without disturbing the emulator the other tests share.
/// </summary>
internal sealed class PrivateAzurite : IAsyncDisposable
{
    private const string Account = "hafizaoutage";
    private readonly string _key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
    private readonly string _location;
    private Process? _process;

    private PrivateAzurite(string executable, string location, int port) => (Executable, _location, Port) = (executable, location, port);

    public string Executable { get; }
    public int Port { get; }
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={_key};BlobEndpoint=http://127.0.0.1:{Port}/{Account};";

    /// <summary>The emulator scripts/azurite.sh installs into the repository's tool directory; null when it is absent.</summary>
    public static string? FindExecutable()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".tools", "azurite", "node_modules", ".bin", "azurite-blob");
            if (File.Exists(candidate)) return candidate;
            if (File.Exists(Path.Combine(dir.FullName, "HafizaIzmir.sln"))) break;
        }
        return null;
    }

    public static async Task<PrivateAzurite> StartAsync(string executable, string location)
    {
        var azurite = new PrivateAzurite(executable, location, FreePort());
        await azurite.StartAgainAsync();
        return azurite;
    }

    public async Task StartAgainAsync()
    {
        var start = new ProcessStartInfo(Executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--blobHost", "127.0.0.1", "--blobPort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--location", _location, "--silent", "--skipApiVersionCheck", "--loose" })
            start.ArgumentList.Add(arg);
        start.Environment["AZURITE_ACCOUNTS"] = $"{Account}:{_key}";
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start Azurite");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Listening())
        {
            Assert.False(_process.HasExited, "Azurite exited at start");
            Assert.True(DateTime.UtcNow < deadline, "Azurite did not listen within 30 s");
            await Task.Delay(100);
        }
    }

    /// <summary>Stops the service the way an operator or a host shutdown does; in-flight requests fail.</summary>
    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited) return;
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await term.WaitForExitAsync();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
        _process = null;
    }

    private bool Listening()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
