using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using HafizaIzmir.Tests.Site;

namespace HafizaIzmir.Tests.Oai;

/// <summary>
/// An independent client: Perl's HTTP::OAI (Debian <c>libhttp-oai-perl</c>) harvests the real built program,
/// serving the demo collection, in both formats, fully and incrementally.
/// </summary>
public sealed class PerlHarvesterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HTTP_OAI_harvests_both_formats_without_a_protocol_error()
    {
        var script = Script();
        if (!await PerlHasHttpOaiAsync()) Assert.Skip("Perl's HTTP::OAI is not installed (Debian package libhttp-oai-perl)");
        using var dir = new TempDirectory();
        var data = dir.Sub("data");
        var demo = await HafizaProcess.RunAsync(["demo", "--data", data], timeout: TimeSpan.FromMinutes(3));
        Assert.True(demo.ExitCode == 0, demo.ToString());

        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { HafizaProcess.DllPath, "serve", "--urls", $"http://127.0.0.1:{port}", "--data", data }) start.ArgumentList.Add(arg);
        foreach (var name in new[] { "HAFIZA_DATA", "HAFIZA_BLOB_CONNECTION", "HAFIZA_BLOB_CONTAINER", "ASPNETCORE_URLS" }) start.Environment.Remove(name);
        using var server = Process.Start(start)!;
        var serverOut = server.StandardOutput.ReadToEndAsync(Ct);
        var serverErr = server.StandardError.ReadToEndAsync(Ct);
        try
        {
            var baseUrl = $"http://127.0.0.1:{port}";
            await WaitUntilServingAsync(baseUrl, server);
            var harvest = await RunAsync("perl", [script, $"{baseUrl}/oai"], TimeSpan.FromMinutes(3));
            Assert.True(harvest.ExitCode == 0, harvest.ToString());
            Assert.Contains("oai_dc: ", harvest.Stdout);
            Assert.Contains("edm: ", harvest.Stdout);
            Assert.Contains("no protocol errors", harvest.Stdout);
        }
        finally
        {
            if (!server.HasExited) server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync(CancellationToken.None);
            TestContext.Current.TestOutputHelper?.WriteLine(await serverErr);
            _ = await serverOut;
        }
    }

    private static string Script()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "tests", "Oai", "Harvester", "harvest.pl");
            if (File.Exists(candidate)) return candidate;
        }
        Assert.Skip("tests/Oai/Harvester/harvest.pl not found above the test assembly");
        return "";
    }

    private static async Task<bool> PerlHasHttpOaiAsync()
    {
        try
        {
            return (await RunAsync("perl", ["-MHTTP::OAI", "-e", "1"], TimeSpan.FromSeconds(30))).ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no perl at all
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Serving means the derived data is ready too: the first OAI request answers from a loaded catalogue.</summary>
    private static async Task WaitUntilServingAsync(string baseUrl, Process server)
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            Assert.False(server.HasExited, "hafiza serve exited early");
            try
            {
                var identify = await http.GetStringAsync($"{baseUrl}/oai?verb=ListIdentifiers&metadataPrefix=oai_dc", Ct);
                if (identify.Contains("<header>", StringComparison.Ordinal)) return;
            }
            catch (HttpRequestException) { }
            Assert.True(DateTime.UtcNow < deadline, "hafiza serve did not answer in time");
            await Task.Delay(250, Ct);
        }
    }

    private static async Task<ProcessResult> RunAsync(string program, IEnumerable<string> args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }
}
