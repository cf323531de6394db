using System.Security.Cryptography;
using System.Text;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Oai.Source;

namespace HafizaIzmir.Oai.Catalogue;

/// <summary>
/// The OAI header of one record that is or was published, with what it takes to notice a change in what
/// the record disseminates. <see cref="ContentHash"/> covers the record, the authorities it links to and its
/// own sets (axes, europeana); <see cref="Fingerprint"/> adds its line of description (ancestors' identifiers,
/// levels and titles), so a renamed series changes the fingerprint of everything below it.
/// </summary>
internal sealed record CatalogueEntry(
    string Identifier,
    DateTimeOffset Datestamp,
    bool Deleted,
    IReadOnlyList<string> SetSpecs,
    IReadOnlyList<string> Authorities,
    IReadOnlyList<string> OwnSpecs,
    string ContentHash,
    string Fingerprint)
{
    public OaiPosition Position => new(Datestamp, Identifier);

    public bool Matches(OaiQuery query) =>
        (query.From is null || Datestamp >= query.From) &&
        (query.Until is null || Datestamp <= query.Until) &&
        (query.Set is null || SetSpecs.Any(s => OaiSets.Contains(query.Set, s)));

    public OaiItem Header() => OaiItem.HeaderOnly(Identifier, Datestamp, Deleted, SetSpecs);
}

/// <summary>One record's place in the hierarchy (every record, published or not: sets and fingerprints need the whole line).</summary>
internal sealed record CatalogueNode(string? Parent, Level Level, string Title, string? TitleEn)
{
    public static CatalogueNode From(Record r) => new(r.Parent, r.Level, r.Title.Tr, r.Title.En);
}

/// <summary>Hashes over the canonical JSON of stored objects; audit fields (who, when) are left out because they are not disseminated.</summary>
internal static class ContentHashes
{
    public static string Of(Record record) =>
        Hash(ArchiveJson.Serialize(record with { CreatedBy = null, CreatedAt = null, ChangedBy = null, ChangedAt = null }));

    public static string Of(Authority authority) =>
        Hash(ArchiveJson.Serialize<Authority>(authority with { CreatedBy = null, CreatedAt = null, ChangedBy = null, ChangedAt = null }));

    /// <summary>The content hash of a published record: itself, each linked authority as it is now, and its own sets.</summary>
    public static string Content(Record record, IEnumerable<Authority> authorities, IEnumerable<string> ownSpecs)
    {
        var text = new StringBuilder(Of(record));
        foreach (var authority in authorities.OrderBy(a => a.Id, StringComparer.Ordinal)) text.Append('\n').Append(authority.Id).Append('=').Append(Of(authority));
        foreach (var spec in ownSpecs) text.Append("\nset=").Append(spec);
        return Hash(Encoding.UTF8.GetBytes(text.ToString()));
    }

    public static string Fingerprint(string contentHash, IEnumerable<(string Identifier, CatalogueNode Node)> ancestors)
    {
        var text = new StringBuilder(contentHash);
        foreach (var (id, node) in ancestors)
            text.Append('\n').Append(id).Append('|').Append(node.Level).Append('|').Append(node.Title).Append('|').Append(node.TitleEn);
        return Hash(Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static string Hash(byte[] bytes) => Convert.ToBase64String(SHA256.HashData(bytes).AsSpan(0, 18));
}
