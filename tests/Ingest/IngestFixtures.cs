using System.Buffers.Binary;
using System.Text;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Ingest;

namespace HafizaIzmir.Tests.Ingest;

/// <summary>Builders shared by the ingest tests: CSV bytes, a PNG-header probe and temporary files directories.</summary>
internal static class IngestFixtures
{
    public static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");

    /// <summary>Reads width and height from a PNG's IHDR chunk; anything else is refused, like the real probe does.</summary>
    public static FileProbeResult PngProbe(string path)
    {
        var head = new byte[24];
        using (var s = File.OpenRead(path))
        {
            if (s.Read(head, 0, head.Length) < head.Length) return FileProbeResult.Rejected("too short to be an image");
        }
        ReadOnlySpan<byte> signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (!head.AsSpan(0, 8).SequenceEqual(signature)) return FileProbeResult.Rejected("not a supported image format");
        return FileProbeResult.Accepted("image/png", BinaryPrimitives.ReadInt32BigEndian(head.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(head.AsSpan(20)));
    }

    /// <summary>The first 24 bytes of a PNG of the given size, plus a payload so different files differ.</summary>
    public static byte[] Png(int width, int height, string payload = "")
    {
        var bytes = new byte[24];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' }.CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        return [.. bytes, .. Encoding.UTF8.GetBytes(payload)];
    }

    public static Task<ImportPlan> PlanAsync(
        byte[]? authorities = null, byte[]? records = null, bool publish = false, string? filesDir = null,
        IEnumerable<Authority>? storedAuthorities = null, IReadOnlyDictionary<string, Level>? storedRecords = null) =>
        ImportPlan.BuildAsync(
            authorities is null ? null : new ImportSource("authorities.csv", authorities),
            records is null ? null : new ImportSource("records.csv", records),
            new RecordsCsvOptions(publish, filesDir, PngProbe),
            new AuthorityDirectory(storedAuthorities ?? []),
            id => Task.FromResult(storedRecords is not null && storedRecords.TryGetValue(id, out var l) ? (Level?)l : null));

    public static ImportIssue Single(ImportPlan plan)
    {
        Assert.True(plan.Issues.Count == 1, "expected one issue, got: " + string.Join(" | ", plan.Issues));
        return plan.Issues[0];
    }
}

/// <summary>A directory under the temp folder, removed when the test ends.</summary>
internal sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("hafiza-ingest-").FullName;

    public string Write(string relative, byte[] bytes)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
