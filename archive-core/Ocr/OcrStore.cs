using System.Text;
using HafizaIzmir.Archive.Storage;

namespace HafizaIzmir.Archive.Ocr;

/// <summary>
/// Recognised pages as hOCR in the blob store under <c>derived/ocr/</c> (beside the OCFL objects, never in
/// them), keyed by the master's SHA-512 and the models that read it: an unchanged scan is never read twice,
/// replicas share the work, <c>reindex</c> does not redo it, and everything here can be made again from
/// the masters.
/// </summary>
public sealed class OcrStore(IBlobStore store)
{
    public const string Prefix = "derived/ocr/";
    private const string Extension = ".hocr";

    public static string Key(string sha512, string models) => $"{Folder(sha512)}{Name(models)}{Extension}";

    public async Task<bool> ExistsAsync(string sha512, string models, CancellationToken ct = default) =>
        await store.GetPropertiesAsync(Key(sha512, models), ct) is not null;

    /// <summary>Stores a result; a blob appears only whole, so an interrupted write leaves nothing.</summary>
    public Task PutAsync(string sha512, string models, string hocr, CancellationToken ct = default) =>
        store.PutAsync(Key(sha512, models), new MemoryStream(Encoding.UTF8.GetBytes(hocr), writable: false), BlobCondition.None, ct);

    /// <summary>
    /// The page read with <paramref name="models"/>, or else with whatever models read it last (the record's
    /// languages may have changed since; an older reading beats none until the new one is made); null if never read.
    /// </summary>
    public async Task<OcrPage?> GetAsync(string sha512, string? models, CancellationToken ct = default)
    {
        var exact = string.IsNullOrEmpty(models) ? null : await store.GetAsync(Key(sha512, models), ct);
        if (exact is null)
        {
            BlobProperties? newest = null;
            await foreach (var blob in store.ListAsync(Folder(sha512), ct))
                if (blob.Key.EndsWith(Extension, StringComparison.Ordinal) && (newest is null || blob.LastModified > newest.LastModified)) newest = blob;
            if (newest is not null) exact = await store.GetAsync(newest.Key, ct);
        }
        return exact is null ? null : OcrPage.FromHocr(Encoding.UTF8.GetString(exact.Bytes));
    }

    private static string Folder(string sha512)
    {
        if (sha512 is not { Length: 128 } || !sha512.All(char.IsAsciiHexDigitLower))
            throw new ArgumentException($"'{sha512}' is not a lower-case hexadecimal SHA-512 digest", nameof(sha512));
        return $"{Prefix}{sha512[..2]}/{sha512}/";
    }

    private static string Name(string models) =>
        models.Length > 0 && models.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '_')
            ? models
            : throw new ArgumentException($"'{models}' is not a model list", nameof(models));
}
