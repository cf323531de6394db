using System.Globalization;
using System.Text;
using System.Xml;
using HafizaIzmir.Site.Derived;

namespace HafizaIzmir.Site.Public;

/// <summary>
/// <c>/robots.txt</c> and the sitemaps: <c>/sitemap.xml</c> is an index of <c>/sitemap-pages.xml</c> (home,
/// browse and axis pages), <c>/sitemap-authorities.xml</c> and <c>/sitemap-records-{n}.xml</c> (published
/// records in parts that stay under the protocol's 50,000 addresses). Every address is listed in Turkish and
/// English, each naming both as hreflang alternates. Only <see cref="BrowseData"/>'s records appear, and it
/// keeps only what <see cref="Web.PublicationGate"/> admits.
/// </summary>
public static class Sitemap
{
    /// <summary>Records per part: two addresses each, well below the 50,000 a sitemap may hold.</summary>
    public const int RecordsPerPart = 10_000;

    private const string SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNs = "http://www.w3.org/1999/xhtml";

    /// <summary>Site pages that are not records or authorities, by their Turkish path.</summary>
    public static IReadOnlyList<string> FixedPages =>
        ["/", "/ara", "/fonlar", "/onyillar", "/sokaklar", "/hakkinda", .. HafizaIzmir.Archive.Domain.Vocabulary.Axes.Keys.Select(a => "/eksen/" + Uri.EscapeDataString(a))];

    public static void MapSitemap(this WebApplication app)
    {
        app.MapGet("/robots.txt", (HttpContext http) => Results.Text(
            "User-agent: *\n" +
            "Disallow: /katalog\n" +
            // Every filter combination of the search is a page of its own; the sitemap lists what is worth crawling.
            "Disallow: /ara?\n" +
            "Disallow: /en/search?\n" +
            $"Sitemap: {Origin(http)}/sitemap.xml\n", "text/plain", Encoding.UTF8));

        app.MapGet("/sitemap.xml", (HttpContext http, BrowseData browse) => Xml(http, w =>
        {
            w.WriteStartElement("sitemapindex", SitemapNs);
            var origin = Origin(http);
            var parts = new List<string> { "/sitemap-pages.xml", "/sitemap-authorities.xml" };
            var records = browse.PublishedCount;
            for (var n = 1; n <= Math.Max(1, (records + RecordsPerPart - 1) / RecordsPerPart); n++)
                parts.Add($"/sitemap-records-{n.ToString(CultureInfo.InvariantCulture)}.xml");
            foreach (var part in parts)
            {
                w.WriteStartElement("sitemap", SitemapNs);
                w.WriteElementString("loc", SitemapNs, origin + part);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }));

        app.MapGet("/sitemap-pages.xml", (HttpContext http, HafizaIzmir.Site.Derived.StoryCatalogue stories) => Xml(http, w =>
        {
            UrlSet(w);
            foreach (var page in FixedPages) Url(w, Origin(http), page, null);
            // Published() holds only what the publication gate admits, so drafts never reach the sitemap.
            Url(w, Origin(http), "/hikaye", null);
            foreach (var story in stories.Published())
                Url(w, Origin(http), HafizaIzmir.Site.Pages.StoryModel.StoryPath(story.Slug), story.ChangedAt ?? story.PublishedAt);
            w.WriteEndElement();
        }));

        app.MapGet("/sitemap-authorities.xml", (HttpContext http, BrowseData browse) => Xml(http, w =>
        {
            UrlSet(w);
            foreach (var a in browse.AllAuthorities().OrderBy(a => a.Value.Id, StringComparer.Ordinal))
                Url(w, Origin(http), browse.PathOf(a.Value), a.Value.ChangedAt);
            w.WriteEndElement();
        }));

        app.MapGet("/sitemap-records-{part:int}.xml", (HttpContext http, BrowseData browse, int part) =>
        {
            var records = browse.AllPublished().OrderBy(r => r.Identifier, StringComparer.Ordinal)
                .Skip((part - 1) * RecordsPerPart).Take(RecordsPerPart).ToList();
            if (part < 1 || (records.Count == 0 && part > 1)) return Results.NotFound();
            return Xml(http, w =>
            {
                UrlSet(w);
                foreach (var r in records)
                    Url(w, Origin(http), HafizaIzmir.Indexer.Search.SearchResult.UrlOf(r.Identifier), r.Modified ?? r.PublishedAt);
                w.WriteEndElement();
            });
        });
    }

    private static string Origin(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";

    private static void UrlSet(XmlWriter w)
    {
        w.WriteStartElement("urlset", SitemapNs);
        w.WriteAttributeString("xmlns", "xhtml", null, XhtmlNs);
    }

    /// <summary>The Turkish and the English address of one page, each with both as alternates.</summary>
    private static void Url(XmlWriter w, string origin, string turkishPath, DateTimeOffset? modified)
    {
        var tr = origin + turkishPath;
        var en = origin + SiteLanguage.ToEnglish(turkishPath);
        foreach (var loc in new[] { tr, en })
        {
            w.WriteStartElement("url", SitemapNs);
            w.WriteElementString("loc", SitemapNs, loc);
            if (modified is { } m) w.WriteElementString("lastmod", SitemapNs, m.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            foreach (var (lang, href) in new[] { ("tr", tr), ("en", en), ("x-default", tr) })
            {
                w.WriteStartElement("xhtml", "link", XhtmlNs);
                w.WriteAttributeString("rel", "alternate");
                w.WriteAttributeString("hreflang", lang);
                w.WriteAttributeString("href", href);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
    }

    private static IResult Xml(HttpContext http, Action<XmlWriter> write)
    {
        var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }
        return Results.Bytes(buffer.ToArray(), "application/xml; charset=utf-8");
    }
}
