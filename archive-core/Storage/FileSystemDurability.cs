using System.Runtime.InteropServices;

namespace HafizaIzmir.Archive.Storage;

/// <summary>
/// Makes the filesystem store's writes durable. On Linux, writers that finish a rename at about the same
/// time share one <c>syncfs()</c> of the store's filesystem — a group commit — instead of each paying an
/// fsync of the file and one of its directory: sixteen concurrent saves then cost one flush, not thirty-two.
/// A writer still returns only after a flush that began after its rename has completed, so "acknowledged"
/// keeps meaning "on disk". Elsewhere each write falls back to fsyncing the file and its directory.
/// </summary>
internal sealed class FileSystemDurability(string root)
{
    private readonly Lock _gate = new();
    private TaskCompletionSource? _waiting;
    private bool _flushing;

    public static bool GroupsFlushes => OperatingSystem.IsLinux();

    /// <summary>Completes once everything written before the call is on disk.</summary>
    public Task FlushAsync()
    {
        lock (_gate)
        {
            _waiting ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var task = _waiting.Task;
            if (!_flushing) StartRound();
            return task;
        }
    }

    /// <summary>Takes every waiter so far into one flush; later arrivals wait for the next round.</summary>
    private void StartRound()
    {
        var batch = _waiting!;
        _waiting = null;
        _flushing = true;
        _ = Task.Run(() =>
        {
            try
            {
                SyncFileSystem(root);
                batch.SetResult();
            }
            catch (Exception e)
            {
                batch.SetException(e);
            }
            lock (_gate)
            {
                _flushing = false;
                if (_waiting is not null) StartRound();
            }
        });
    }

    private static void SyncFileSystem(string path)
    {
        var fd = Posix.open(path, 0);
        if (fd < 0) throw new IOException($"cannot open '{path}' to flush it to disk (errno {Marshal.GetLastPInvokeError()})");
        try
        {
            if (Posix.syncfs(fd) != 0)
                throw new IOException($"flushing '{path}' to disk failed (errno {Marshal.GetLastPInvokeError()}): the last writes may not be durable");
        }
        finally
        {
            Posix.close(fd);
        }
    }

    /// <summary>Fsyncs a directory so a rename into it survives a power loss (where the platform allows it).</summary>
    public static void SyncDirectory(string directory)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        var fd = Posix.open(directory, 0);
        if (fd < 0) return;
        try { Posix.fsync(fd); }
        finally { Posix.close(fd); }
    }

    private static class Posix
    {
        [DllImport("libc", SetLastError = true)]
        internal static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", SetLastError = true)]
        internal static extern int fsync(int fd);

        [DllImport("libc", SetLastError = true)]
        internal static extern int syncfs(int fd);

        [DllImport("libc", SetLastError = true)]
        internal static extern int close(int fd);
    }
}
