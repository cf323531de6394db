using System.Text;
using HafizaIzmir.Archive.Storage;

namespace HafizaIzmir.Tests.Storage;

/// <summary>What only the filesystem store promises: no directories until a write, no temporary leftovers.</summary>
public sealed class FileSystemBlobStoreTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "hafiza-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Opening_and_reading_create_nothing()
    {
        var root = Path.Combine(directory, "store");
        var store = new FileSystemBlobStore(root);
        Assert.Null(await store.GetAsync("a/b"));
        Assert.Empty(await store.ListAsync("").ToListAsync());
        await store.DeleteAsync("a/b");
        Assert.False(Directory.Exists(directory));
    }

    [Fact]
    public async Task The_default_temporary_directory_is_a_sibling_of_the_root()
    {
        var store = new FileSystemBlobStore(Path.Combine(directory, "store"));
        await store.PutAsync("k", new MemoryStream([1, 2, 3]), BlobCondition.IfAbsent);
        Assert.True(Directory.Exists(Path.Combine(directory, "tmp")));
        Assert.Equal(["k"], await store.ListAsync("").Select(b => b.Key).ToListAsync());
        Assert.Empty(Directory.GetFiles(Path.Combine(directory, "tmp"), "*.tmp"));
    }

    [Fact]
    public void A_temporary_directory_inside_the_key_space_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new FileSystemBlobStore(Path.Combine(directory, "store"), Path.Combine(directory, "store", "tmp")));
    }

    [Fact]
    public async Task A_failed_write_leaves_neither_the_blob_nor_a_temporary_file()
    {
        var store = new FileSystemBlobStore(Path.Combine(directory, "store"), Path.Combine(directory, "tmp"));
        await store.PutAsync("k", new MemoryStream(Encoding.UTF8.GetBytes("old")), BlobCondition.None);
        var e = await Assert.ThrowsAsync<BlobStoreUnavailableException>(() => store.PutAsync("k", new FailingStream(), BlobCondition.None));
        Assert.Contains("'k'", e.Message);
        Assert.Equal("old", Encoding.UTF8.GetString((await store.GetAsync("k"))!.Bytes));
        Assert.Empty(Directory.GetFiles(Path.Combine(directory, "tmp"), "*.tmp"));
    }

    [Fact]
    public async Task Deleting_the_last_blob_of_a_directory_removes_the_empty_directory()
    {
        var store = new FileSystemBlobStore(Path.Combine(directory, "store"), Path.Combine(directory, "tmp"));
        await store.PutAsync("a/b/c", new MemoryStream([1]), BlobCondition.None);
        await store.PutAsync("a/d", new MemoryStream([1]), BlobCondition.None);
        await store.DeleteAsync("a/b/c");
        Assert.False(Directory.Exists(Path.Combine(directory, "store", "a", "b")));
        Assert.True(Directory.Exists(Path.Combine(directory, "store", "a")));
    }

    /// <summary>Yields some bytes, then fails like a disk or network would.</summary>
    private sealed class FailingStream : Stream
    {
        private int reads;
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (reads++ > 0) throw new IOException("simulated I/O failure");
            buffer[offset] = 42;
            return 1;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
