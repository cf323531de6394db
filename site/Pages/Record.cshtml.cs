using System.Text.Json;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Site.Derived;
using HafizaIzmir.Site.Iiif;
using HafizaIzmir.Site.Ocr;
using HafizaIzmir.Site.Public;
using HafizaIzmir.Site.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HafizaIzmir.Site.Pages;

using Archive = HafizaIzmir.Archive.Storage.Archive;

/// <summary>
/// <c>/kayit/{identifier}</c>: one published record with its place in the hierarchy, its scans, rights,
/// a citation with the stable address, and schema.org data for search engines.
/// </summary>
public sealed class RecordModel(Archive archive, RecordTree tree, BrowseData browse, IOptions<IiifOptions> iiif, OcrFeed ocr) : SitePage
{
    /// <summary>A search inside the record's scans (<c>?ara=</c>), when one was asked for.</summary>
    public RecordWithin? Within { get; private set; }

    /// <summary>Whether the page links each scan to its master (configuration and the record's rights).</summary>
    public bool MastersDownloadable => MasterDownload.Allows(iiif.Value.DownloadMasters, Record);

    /// <summary>A master's link text: page, format and size in the page's language.</summary>
    public string DownloadLabel(int page, RecordFile file) =>
        string.Format(Language.Culture, T("Record_DownloadMaster"), page, MasterDownload.FormatName(file.MediaType),
            (file.Bytes / 1048576.0).ToString("0.0", Language.Culture));

    public Record Record { get; private set; } = null!;
    public IReadOnlyList<TreeNode> Ancestors { get; private set; } = [];
    public IReadOnlyList<TreeNode> Children { get; private set; } = [];
    public TreeNode? Previous { get; private set; }
    public TreeNode? Next { get; private set; }
    public IReadOnlyList<(AuthorityKind Kind, string Id, string Name, string? Role)> Authorities { get; private set; } = [];

    public string StableUrl => $"{Request.Scheme}://{Request.Host}{RecordPath(Record.Identifier)}";

    public static string RecordPath(string identifier) => "/kayit/" + Uri.EscapeDataString(identifier);

    public async Task<IActionResult> OnGetAsync(string identifier, CancellationToken ct)
    {
        var record = (await archive.GetRecordAsync(identifier, ct))?.Value;
        if (!PublicationGate.IsPublic(record)) return NotFoundPage("Record_NotFound");
        Record = record!;
        Title = Localized(Record.Title);
        if (RecordWithin.QueryOf(Request) is { } within) Within = RecordWithin.Find(Record, within, ocr);
        Ancestors = [.. tree.Ancestors(Record.Identifier).Where(n => n.IsPublic)];
        Children = [.. tree.Children(Record.Identifier).Where(n => n.IsPublic)];
        if (Record.Parent is { } parent)
        {
            var siblings = tree.Children(parent).Where(n => n.IsPublic).ToList();
            var at = siblings.FindIndex(n => n.Identifier == Record.Identifier);
            if (at > 0) Previous = siblings[at - 1];
            if (at >= 0 && at < siblings.Count - 1) Next = siblings[at + 1];
        }
        var authorities = new List<(AuthorityKind, string, string, string?)>();
        foreach (var link in Record.Authorities)
            if ((await archive.GetAuthorityAsync(link.AuthorityId, ct))?.Value is { } authority)
                authorities.Add((link.Kind, authority.Id, authority.Name, link.Role));
        Authorities = authorities;
        JsonLd = SchemaOrg();
        Summary = Record.Description?.In(Language.Code) is { Length: > 0 } d ? AuthorityModel.Shorten(d) : Citation;
        PreviewType = "article";
        PreviewImage = browse.Published(Record.Identifier)?.Thumbnail?.Url;
        return Page();
    }

    /// <summary>The page of a linked authority, in this page's language.</summary>
    public string AuthorityLink(AuthorityKind kind, string id) => Language.Path(browse.PathOf(kind, id));

    public string Localized(LocalizedText text) => Language.IsEnglish && !string.IsNullOrWhiteSpace(text.En) ? text.En : text.Tr;

    public string NodeTitle(TreeNode node) => Language.IsEnglish && !string.IsNullOrWhiteSpace(node.TitleEn) ? node.TitleEn : node.Title;

    public string? NodeDate(TreeNode node) =>
        node.Date is { } d && EdtfDate.TryParse(d, out var parsed, out _) ? parsed.Describe(Language.Code) : null;

    /// <summary>A link's role in the reader's language when it is a common one ("creator"); any other role as catalogued.</summary>
    public string RoleLabel(string role) => T("Role_" + role) is var label && label != "Role_" + role ? label : role;

    public string Citation => $"{Localized(Record.Title)}" +
        (Record.Date is { } date ? $", {date.Describe(Language.Code)}" : "") +
        $". {T("Site_Name")}, {Record.Identifier}. {StableUrl}";

    /// <summary>Whether the rights statement is a known address (Creative Commons or rightsstatements.org).</summary>
    public Uri? RightsUri => Record.Rights is { } r && Uri.TryCreate(r, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    /// <summary>A plain-language meaning for the common statements; other statements show only their link.</summary>
    public string? RightsMeaning => RightsUri?.AbsoluteUri switch
    {
        { } u when u.Contains("rightsstatements.org/vocab/InC", StringComparison.Ordinal) => T("Rights_InC"),
        { } u when u.Contains("rightsstatements.org/vocab/NoC", StringComparison.Ordinal) => T("Rights_NoC"),
        { } u when u.Contains("creativecommons.org/publicdomain", StringComparison.Ordinal) => T("Rights_PublicDomain"),
        { } u when u.Contains("creativecommons.org/licenses", StringComparison.Ordinal) => T("Rights_CC"),
        _ => null,
    };

    private string SchemaOrg()
    {
        var data = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "ArchiveComponent",
            ["@id"] = StableUrl,
            ["url"] = StableUrl,
            ["identifier"] = Record.Identifier,
            ["name"] = Record.Title.Tr,
            ["inLanguage"] = Record.Languages.Count > 0 ? Record.Languages : null,
            ["dateCreated"] = Record.Date?.Text,
            ["description"] = Record.Description?.Tr,
            ["license"] = RightsUri?.AbsoluteUri,
            ["isPartOf"] = Record.Parent is { } p && Ancestors.Count > 0 ? $"{Request.Scheme}://{Request.Host}{RecordPath(p)}" : null,
            ["holdingArchive"] = new Dictionary<string, string> { ["@type"] = "ArchiveOrganization", ["name"] = "Hafıza İzmir" },
        };
        var json = JsonSerializer.Serialize(data.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value));
        // The default encoder escapes '<', '>' and '&', so record text cannot close the script element.
        return json;
    }
}
