using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Images.Derivatives;
using HafizaIzmir.Archive.Text;
using HafizaIzmir.Indexer.Hosting;
using HafizaIzmir.Site.Iiif;
using HafizaIzmir.Site.Web;

namespace HafizaIzmir.Site.Stories;

using Archive = HafizaIzmir.Archive.Storage.Archive;

/// <summary>
/// What a reference points at, as a card or link shows it. <see cref="Path"/> is the Turkish site path;
/// <see cref="IsPublic"/> is false for a record the public may not see (then the public site shows nothing).
/// </summary>
public sealed record EmbedTarget(
    EmbedReference Reference, string Path, LocalizedText Title, EdtfDate? Date, bool IsPublic,
    string? Identifier = null, string? Thumbnail = null, int ThumbnailWidth = 0, int ThumbnailHeight = 0, string? Subtype = null);

/// <summary>Looks references up in the archive: records by identifier, authorities by id or by any of their names.</summary>
public sealed class EmbedResolver(Archive archive, AuthorityNames names)
{
    private static readonly Dictionary<AuthorityKind, string> AuthorityPaths = new()
    {
        [AuthorityKind.Person] = "/kisi/",
        [AuthorityKind.Institution] = "/kurum/",
        [AuthorityKind.Place] = "/mekan/",
    };

    /// <summary>Each distinct reference with its target; null for one that names nothing.</summary>
    public async Task<IReadOnlyDictionary<EmbedReference, EmbedTarget?>> ResolveAsync(IEnumerable<EmbedReference> references, CancellationToken ct)
    {
        var found = new Dictionary<EmbedReference, EmbedTarget?>();
        foreach (var reference in references.Distinct())
            found[reference] = reference.IsRecord ? await RecordAsync(reference, ct) : await AuthorityAsync(reference, ct);
        return found;
    }

    private async Task<EmbedTarget?> RecordAsync(EmbedReference reference, CancellationToken ct)
    {
        if (!Archive.IsIdentifier(reference.Reference)) return null;
        if ((await archive.GetRecordAsync(reference.Reference, ct))?.Value is not { } record) return null;
        var isPublic = PublicationGate.IsPublic(record);
        string? thumbnail = null;
        var (width, height) = (0, 0);
        // Only a public record's image is addressable through IIIF; a preview of a draft shows no picture.
        if (isPublic && ImageCatalog.Images(record).FirstOrDefault() is ({ } page, { } file) && page > 0)
        {
            var service = $"/iiif/3/{Uri.EscapeDataString($"{record.Identifier}~{page}")}";
            var size = file.Width > 0 ? Math.Min(DerivativeStore.ThumbnailWidth, file.Width) : DerivativeStore.ThumbnailWidth;
            thumbnail = $"{service}/full/{size},/0/default.jpg";
            if (file.Width > 0 && file.Height > 0) (width, height) = DerivativeStore.ThumbnailSize(file.Width, file.Height);
        }
        return new EmbedTarget(reference, "/kayit/" + Uri.EscapeDataString(record.Identifier), record.Title, record.Date, isPublic,
            record.Identifier, thumbnail, width, height);
    }

    private async Task<EmbedTarget?> AuthorityAsync(EmbedReference reference, CancellationToken ct)
    {
        var kind = reference.Kind!.Value;
        Authority? authority = null;
        if (Archive.IsIdentifier(reference.Reference) && (await archive.GetAuthorityAsync(reference.Reference, ct))?.Value is { } byId && byId.Kind == kind)
            authority = byId;
        if (authority is null)
        {
            // A name, variant or slug: it must name exactly one authority of the kind, never a guess among several.
            var folded = TurkishText.Fold(reference.Reference);
            var exact = new List<Authority>();
            foreach (var candidate in names.Lookup(reference.Reference, kind, 20))
                if ((await archive.GetAuthorityAsync(candidate.Id, ct))?.Value is { } a && a.AllNames.Any(n => TurkishText.Fold(n) == folded))
                    exact.Add(a);
            if (exact.Count == 1) authority = exact[0];
        }
        return authority is null ? null
            : new EmbedTarget(reference, AuthorityPaths[kind] + Uri.EscapeDataString(authority.Id), new LocalizedText(authority.Name), authority.Dates,
                IsPublic: true, Subtype: authority.Subtype);
    }
}
