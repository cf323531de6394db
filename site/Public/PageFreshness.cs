using System.Security.Cryptography;
using System.Text;
using HafizaIzmir.Site.Derived;
using HafizaIzmir.Site.Ocr;

namespace HafizaIzmir.Site.Public;

/// <summary>
/// The ETag of a public page, computed from derived data before the page is rendered: the versions of the
/// objects the page shows (a record, its ancestors, neighbours, children and linked authorities; an authority,
/// the authorities it names and its published records), or, for listing pages, the generation of everything
/// public. Any change to what the page shows changes its tag; a change elsewhere leaves it alone.
/// </summary>
public sealed class PageFreshness(BrowseData browse, RecordTree tree)
{
    // A new build may render the same data differently, so the program's identity is part of every tag.
    private static readonly string Build = typeof(PageFreshness).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    private static readonly string[] ListingPages = ["/", "/ara", "/fonlar", "/onyillar", "/sokaklar", "/hakkinda", "/robots.txt"];

    /// <summary>The tag for a GET of this address, or null when the address is not a cacheable public page.</summary>
    public string? TagFor(HttpRequest request)
    {
        var path = request.Path.Value ?? "/";
        var turkish = SiteLanguage.ToTurkish(path);
        string? state;
        // A search inside a record's scans depends on OCR readings, which are derived data without a version.
        if (turkish.StartsWith("/kayit/", StringComparison.Ordinal) && request.Query.ContainsKey(RecordWithin.Parameter))
            return null;
        if (turkish.StartsWith("/kayit/", StringComparison.Ordinal))
            state = RecordState(Uri.UnescapeDataString(turkish["/kayit/".Length..]));
        else if (AuthorityPaths.KindOf(turkish) is { } kind)
            state = AuthorityState(kind, Uri.UnescapeDataString(turkish[AuthorityPaths.Prefix(kind).Length..]));
        else if (ListingPages.Contains(turkish) || turkish.StartsWith("/eksen/", StringComparison.Ordinal)
                 || (turkish.StartsWith("/sitemap", StringComparison.Ordinal) && turkish.EndsWith(".xml", StringComparison.Ordinal)))
            state = "all " + browse.Generation.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
        else
            return null;
        if (state is null) return null;
        var text = $"{Build}\n{request.Scheme}://{request.Host}\n{path}{request.QueryString}\n{state}";
        // Weak: the page is the same in meaning for the same data, not promised to be the same bytes.
        return "W/\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32] + "\"";
    }

    private string? RecordState(string identifier)
    {
        if (browse.Published(identifier) is not { } record) return null;
        var state = new StringBuilder();
        void Add(string? id)
        {
            if (id is not null && browse.Published(id) is { } r) state.Append("r ").Append(r.Identifier).Append(' ').Append(r.Version).Append('\n');
        }
        Add(record.Identifier);
        foreach (var ancestor in tree.Ancestors(identifier)) Add(ancestor.Identifier);
        foreach (var child in tree.Children(identifier)) Add(child.Identifier);
        if (record.Parent is { } parent)
        {
            var siblings = tree.Children(parent).Where(n => n.IsPublic).ToList();
            var at = siblings.FindIndex(n => n.Identifier == identifier);
            if (at > 0) Add(siblings[at - 1].Identifier);
            if (at >= 0 && at < siblings.Count - 1) Add(siblings[at + 1].Identifier);
        }
        foreach (var id in record.Authorities) AddAuthority(state, id);
        return state.ToString();
    }

    private string? AuthorityState(HafizaIzmir.Archive.Domain.AuthorityKind kind, string segment)
    {
        // Redirects and misses are not cached here; only the canonical address has a tag.
        if (browse.Resolve(kind, segment) is not { } found || found.Canonical != segment) return null;
        var a = found.Authority.Value;
        var state = new StringBuilder();
        AddAuthority(state, a.Id);
        foreach (var relation in a.Relations) AddAuthority(state, relation.TargetId);
        if (a is HafizaIzmir.Archive.Domain.Place { PartOf: { } parent }) AddAuthority(state, parent);
        foreach (var part in browse.PartsOf(a.Id)) AddAuthority(state, part.Value.Id);
        foreach (var r in browse.RecordsAbout(a.Id)) state.Append("r ").Append(r.Identifier).Append(' ').Append(r.Version).Append('\n');
        return state.ToString();
    }

    private void AddAuthority(StringBuilder state, string id)
    {
        var version = browse.Authority(id)?.Version ?? 0;
        // The segment is part of the state: a rename elsewhere can change which address this page links to.
        state.Append("a ").Append(id).Append(' ').Append(version).Append(' ').Append(browse.Segment(id)).Append('\n');
    }
}
