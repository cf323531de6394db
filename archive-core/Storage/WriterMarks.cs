using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace HafizaIzmir.Archive.Storage;

/// <summary>
/// Who is writing a version. A writer marks a version before claiming it and removes the mark after the
/// commit (or its clean-up). When the process that left a version directory behind ran on this machine and
/// is gone, its leftover is abandoned at once; otherwise (another machine, no mark) only age tells, and
/// <see cref="OcflRepository.AbandonedAfter"/> applies. This is what lets an import be re-run right after a crash.
/// Marks only ever prove something to a process on the same machine, so they are small local files (not
/// blobs, not fsynced: a mark lost in a power cut only means waiting for the age threshold). Without a
/// directory, nothing is marked and age alone decides.
/// </summary>
internal sealed class WriterMarks(string? directory)
{
    private static readonly Lazy<string> Machine = new(MachineIdentity);
    private static readonly Lazy<long> StartTicks = new(() => Process.GetCurrentProcess().StartTime.ToUniversalTime().Ticks);

    public async Task MarkAsync(string versionKey, CancellationToken ct)
    {
        if (directory is null) return;
        var mark = new Mark(Machine.Value, Environment.ProcessId, StartTicks.Value);
        try
        {
            Directory.CreateDirectory(directory);
            await File.WriteAllBytesAsync(PathOf(versionKey), JsonSerializer.SerializeToUtf8Bytes(mark), ct);
        }
        catch (IOException)
        {
            // A mark only speeds up recognising a dead writer, so the write goes on without one (on a full disk
            // the store itself then says so). A torn mark must not be read as someone else's.
            try { File.Delete(PathOf(versionKey)); }
            catch (IOException) { }
        }
    }

    public Task ReleaseAsync(string versionKey, CancellationToken ct)
    {
        if (directory is not null) File.Delete(PathOf(versionKey));
        return Task.CompletedTask;
    }

    /// <summary>True only when the mark proves its writer ran on this machine and has exited.</summary>
    public async Task<bool> IsWriterGoneAsync(string versionKey, CancellationToken ct)
    {
        if (directory is null || !File.Exists(PathOf(versionKey))) return false;
        Mark? mark;
        try
        {
            mark = JsonSerializer.Deserialize<Mark>(await File.ReadAllBytesAsync(PathOf(versionKey), ct));
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return false;
        }
        if (mark is null || mark.Machine != Machine.Value) return false;
        if (mark.Pid == Environment.ProcessId && mark.StartTicks == StartTicks.Value) return false; // that is us
        try
        {
            using var process = Process.GetProcessById(mark.Pid);
            // A pid reused by a later process is not the writer.
            return Math.Abs(process.StartTime.ToUniversalTime().Ticks - mark.StartTicks) > TimeSpan.TicksPerSecond;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return true; // no such process
        }
    }

    private string PathOf(string versionKey) =>
        Path.Combine(directory!, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(versionKey))) + ".json");

    /// <summary>
    /// This machine's boot and pid namespace: containers on one host share a boot id but not their pids,
    /// so both go into the identity.
    /// </summary>
    private static string MachineIdentity()
    {
        static string Read(string path)
        {
            try
            {
                return File.Exists(path) ? File.ReadAllText(path).Trim() : "";
            }
            catch (IOException)
            {
                return "";
            }
        }
        string pidNamespace;
        try
        {
            pidNamespace = new FileInfo("/proc/self/ns/pid").LinkTarget ?? "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            pidNamespace = "";
        }
        return $"{Environment.MachineName}|{Read("/proc/sys/kernel/random/boot_id")}|{pidNamespace}";
    }

    private sealed record Mark(string Machine, int Pid, long StartTicks);
}
