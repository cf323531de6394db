using System.Security.Cryptography;

namespace HafizaIzmir.Archive.Storage;

/// <summary>The digest algorithms of OCFL that .NET provides, computed over streams in one pass.</summary>
internal static class OcflDigests
{
    public static bool IsSupported(string algorithm) => algorithm is "md5" or "sha1" or "sha256" or "sha512";

    public static IncrementalHash Create(string algorithm) => algorithm switch
    {
        "md5" => IncrementalHash.CreateHash(HashAlgorithmName.MD5),
        "sha1" => IncrementalHash.CreateHash(HashAlgorithmName.SHA1),
        "sha256" => IncrementalHash.CreateHash(HashAlgorithmName.SHA256),
        "sha512" => IncrementalHash.CreateHash(HashAlgorithmName.SHA512),
        _ => throw new NotSupportedException($"digest algorithm '{algorithm}' is not supported"),
    };

    public static string Sha512(byte[] bytes) => Convert.ToHexStringLower(SHA512.HashData(bytes));

    /// <summary>Reads the stream once and returns the lowercase hex digest for each algorithm.</summary>
    public static async Task<Dictionary<string, string>> ComputeAsync(Stream stream, IEnumerable<string> algorithms, CancellationToken ct)
    {
        var hashes = algorithms.Distinct(StringComparer.Ordinal).ToDictionary(a => a, Create, StringComparer.Ordinal);
        try
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(buffer, ct)) > 0)
                foreach (var hash in hashes.Values) hash.AppendData(buffer, 0, read);
            return hashes.ToDictionary(p => p.Key, p => Convert.ToHexStringLower(p.Value.GetHashAndReset()), StringComparer.Ordinal);
        }
        finally
        {
            foreach (var hash in hashes.Values) hash.Dispose();
        }
    }

    public static async Task<string> Sha512Async(Stream stream, CancellationToken ct) =>
        (await ComputeAsync(stream, ["sha512"], ct))["sha512"];
}

/// <summary>A read-only pass-through that hashes (SHA-512) exactly the bytes the consumer reads.</summary>
internal sealed class HashingReadStream(Stream inner) : Stream
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);

    public long BytesRead { get; private set; }

    public string Digest() => Convert.ToHexStringLower(hash.GetHashAndReset());

    public override int Read(byte[] buffer, int offset, int count) => Hashed(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        var n = await inner.ReadAsync(buffer, ct);
        return Hashed(buffer.Span[..n]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    private int Hashed(ReadOnlySpan<byte> bytes)
    {
        hash.AppendData(bytes);
        BytesRead += bytes.Length;
        return bytes.Length;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            hash.Dispose();
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
