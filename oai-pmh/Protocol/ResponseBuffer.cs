using System.Text;
using System.Xml;

namespace HafizaIzmir.Oai.Protocol;

/// <summary>
/// Lets a synchronous <see cref="XmlWriter"/> feed an asynchronous response stream: the writer fills a
/// small in-memory chunk, which is handed to the output whenever it grows past a threshold. A response
/// therefore never holds more than one chunk and one record, and the web host needs no synchronous I/O.
/// </summary>
internal sealed class ResponseBuffer : IAsyncDisposable
{
    private const int FlushThreshold = 64 * 1024;
    private readonly MemoryStream _chunk = new();
    private readonly Stream _output;

    public ResponseBuffer(Stream output)
    {
        _output = output;
        Writer = XmlWriter.Create(_chunk, new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            Indent = false,
            CloseOutput = false,
            NamespaceHandling = NamespaceHandling.OmitDuplicates,
        });
    }

    public XmlWriter Writer { get; }

    /// <summary>Moves what was written so far to the output when the chunk is full (or always, at the end).</summary>
    public async ValueTask FlushAsync(bool force, CancellationToken cancellation)
    {
        Writer.Flush();
        if (_chunk.Length == 0 || (!force && _chunk.Length < FlushThreshold)) return;
        await _output.WriteAsync(_chunk.GetBuffer().AsMemory(0, (int)_chunk.Length), cancellation);
        _chunk.SetLength(0);
    }

    public async ValueTask DisposeAsync()
    {
        Writer.Dispose();
        await _chunk.DisposeAsync();
    }
}
