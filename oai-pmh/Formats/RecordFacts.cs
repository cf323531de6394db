using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Oai.Source;

namespace HafizaIzmir.Oai.Formats;

/// <summary>How a linked person or institution relates to the record in Dublin Core terms.</summary>
public enum AgentRole { Creator, Contributor, Subject }

/// <summary>
/// Readings of a record that both the mappings and the tier classifiers need, kept in one place so
/// what the readiness check counts is exactly what the EDM says.
/// </summary>
public static class RecordFacts
{
    private static readonly HashSet<string> CreatorRoles = new(StringComparer.Ordinal)
    {
        "creator", "author", "photographer", "yazar", "fotoğrafçı", "yaratıcı", "ressam", "mimar",
    };

    private static readonly HashSet<string> ContributorRoles = new(StringComparer.Ordinal)
    {
        "contributor", "addressee", "recipient", "publisher", "alıcı", "muhatap", "yayıncı", "katkıda bulunan",
    };

    /// <summary>A creator role makes <c>dc:creator</c>, a correspondent or publisher <c>dc:contributor</c>; anyone else is what the record is about.</summary>
    public static AgentRole RoleOf(AuthorityLink link)
    {
        var role = link.Role is null ? "" : Archive.Text.TurkishText.ToLower(link.Role.Trim());
        if (CreatorRoles.Contains(role)) return AgentRole.Creator;
        return ContributorRoles.Contains(role) ? AgentRole.Contributor : AgentRole.Subject;
    }

    /// <summary>The linked authorities that were resolved, each once, in link order.</summary>
    public static IEnumerable<(AuthorityLink Link, Authority Authority)> Linked(OaiItem item) =>
        item.Record.Authorities
            .Select(l => (Link: l, Authority: item.Authority(l.AuthorityId)))
            .Where(p => p.Authority is not null && p.Authority.Kind == p.Link.Kind)
            .DistinctBy(p => (p.Link.AuthorityId, RoleOf(p.Link)))
            .Select(p => (p.Link, p.Authority!));

    /// <summary>The <c>edm:type</c>: as catalogued, else IMAGE when every file is an image, else TEXT.</summary>
    public static EuropeanaType EdmType(Record record) =>
        record.Type ?? (record.Files.Count > 0 && record.Files.All(OaiLinks.IsImage) ? EuropeanaType.Image : EuropeanaType.Text);

    /// <summary>
    /// The <c>dc:type</c>: the genre, or the level of description in Turkish when no genre is catalogued, so
    /// a record always says what kind of thing it is (Europeana requires a type, subject or coverage).
    /// </summary>
    public static string DcType(Record record) => !string.IsNullOrWhiteSpace(record.Genre) ? record.Genre : record.Level switch
    {
        Level.Fonds => "fon",
        Level.Series => "seri",
        Level.File => "dosya",
        _ => "belge",
    };

    /// <summary>
    /// Languages of the content; a text whose language is not catalogued is <c>und</c> (undetermined),
    /// because Europeana requires one for TEXT and guessing would be wrong.
    /// </summary>
    public static IReadOnlyList<string> Languages(Record record) =>
        record.Languages.Count == 0 && EdmType(record) == EuropeanaType.Text ? ["und"] : record.Languages;

    /// <summary>Megapixels of an image file (0 for anything else or unknown size).</summary>
    public static double Megapixels(RecordFile file) =>
        OaiLinks.IsImage(file) && file.Width > 0 && file.Height > 0 ? (double)file.Width * file.Height / 1_000_000 : 0;
}
