using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Images;
using HafizaIzmir.Archive.Images.Derivatives;
using HafizaIzmir.Site.Web;

namespace HafizaIzmir.Site.Iiif;

using Archive = HafizaIzmir.Archive.Storage.Archive;

/// <summary>A public image: the record it belongs to, its file, and its size as served.</summary>
public sealed record PublicImage(Record Record, RecordFile File, ImageIdentifier Id, int Width, int Height);

/// <summary>
/// Finds the image an id names, only among published records (<see cref="PublicationGate"/>): anything
/// else is 404, never 403, so the existence of unpublished material is not revealed. Opens the best source
/// for pixels: the pyramid when it has been made, otherwise the master itself.
/// </summary>
public sealed class ImageCatalog(Archive archive, PublicRecordCache records, DerivativeStore derivatives, IImageEngine engine)
{
    public async Task<PublicImage> FindAsync(string id, CancellationToken ct)
    {
        if (!ImageIdentifier.TryParse(id, out var image))
            throw IiifRequestException.NotFound($"'{id}' is not an image id of this archive ({{identifier}}~{{page}})");
        // The cache holds only what the gate lets through; asked again here so this stays the visible rule.
        var entry = await records.GetAsync(image.Record, ct);
        var record = entry.Record;
        if (!PublicationGate.IsPublic(record) || image.Page > record!.Files.Count || !IsImage(record.Files[image.Page - 1]))
            throw IiifRequestException.NotFound($"there is no public image '{id}'");
        var file = record.Files[image.Page - 1];
        var (width, height) = (file.Width, file.Height);
        if (width < 1 || height < 1)
        {
            if (!entry.ProbedSizes.TryGetValue(image.Page, out var probed))
            {
                // Older imports may lack the size; the header tells it without decoding.
                await using var master = await OpenMasterAsync(image.Record, file, ct);
                var info = engine.Probe(master);
                probed = entry.ProbedSizes[image.Page] = (info.UprightWidth, info.UprightHeight);
            }
            (width, height) = probed;
        }
        return new PublicImage(record, file, image, width, height);
    }

    public static bool IsImage(RecordFile file) => file.MediaType.StartsWith("image/", StringComparison.Ordinal);

    /// <summary>The record's image files with their 1-based page numbers (page counts every file).</summary>
    public static IEnumerable<(int Page, RecordFile File)> Images(Record record) =>
        record.Files.Select((f, i) => (i + 1, f)).Where(p => IsImage(p.f)).Select(p => (p.Item1, p.f));

    /// <summary>The pyramid if one exists, else the master; the caller disposes the stream.</summary>
    public async Task<(Stream Stream, bool FromPyramid)> OpenPixelsAsync(PublicImage image, CancellationToken ct)
    {
        if (await derivatives.PyramidPathAsync(image.File.Sha512, ct) is { } pyramid)
            return (new FileStream(pyramid, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.RandomAccess), true);
        return (await OpenMasterAsync(image.Record.Identifier, image.File, ct), false);
    }

    /// <summary>The master exactly as archived; the caller disposes the stream.</summary>
    public Task<Stream> OpenMasterAsync(PublicImage image, CancellationToken ct) => OpenMasterAsync(image.Record.Identifier, image.File, ct);

    private async Task<Stream> OpenMasterAsync(string identifier, RecordFile file, CancellationToken ct) =>
        await archive.OpenRecordFileAsync(identifier, file.Path, ct)
        ?? throw IiifRequestException.NotFound($"the file of '{identifier}' is missing from storage");
}
