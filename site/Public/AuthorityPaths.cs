using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Site.Derived;

namespace HafizaIzmir.Site.Public;

/// <summary>
/// Addresses of authority pages: <c>/kisi/</c>, <c>/kurum/</c>, <c>/mekan/</c> followed by the slug of the
/// current name (<c>/kisi/serif-remzi-reyent</c>), or the identifier when the slug is ambiguous.
/// </summary>
public static class AuthorityPaths
{
    private static readonly (AuthorityKind Kind, string Prefix)[] Prefixes =
        [(AuthorityKind.Person, "/kisi/"), (AuthorityKind.Institution, "/kurum/"), (AuthorityKind.Place, "/mekan/")];

    public static string Prefix(AuthorityKind kind) => Prefixes.First(p => p.Kind == kind).Prefix;

    /// <summary>The kind a Turkish page path names, or null for any other path.</summary>
    public static AuthorityKind? KindOf(string turkishPath)
    {
        foreach (var (kind, prefix) in Prefixes)
            if (turkishPath.StartsWith(prefix, StringComparison.Ordinal)) return kind;
        return null;
    }

    /// <summary>The canonical Turkish path of an authority's page.</summary>
    public static string PathOf(this BrowseData browse, AuthorityKind kind, string id) =>
        Prefix(kind) + Uri.EscapeDataString(browse.Segment(id));

    public static string PathOf(this BrowseData browse, Authority authority) => browse.PathOf(authority.Kind, authority.Id);
}
