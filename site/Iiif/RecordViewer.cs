using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Images.Derivatives;
using Microsoft.Extensions.FileProviders;

namespace HafizaIzmir.Site.Iiif;

/// <summary>
/// The scans block of a record page: plain thumbnails linking to the full images (works without
/// JavaScript), and a deep-zoom viewer (OpenSeadragon, fed by the record's manifest) that a separate
/// script file switches on. No inline script or style, so the content security policy holds.
/// </summary>
public static class RecordViewer
{
    public const string AssetsPath = "/assets";
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <param name="heading">The section heading in the page's language.</param>
    /// <param name="pageLabel">Alternative text of a page's thumbnail, from its 1-based number.</param>
    /// <param name="openPage">The page to open on (from a search hit inside the scans' text); the first when null or out of range.</param>
    /// <param name="within">Words searched inside the scans, which the viewer marks on the page (from the manifest's search service).</param>
    /// <param name="downloadLabel">The text of a page's link to its master, when masters may be downloaded (<see cref="MasterDownload"/>).</param>
    public static string Render(Record record, string heading = "Taramalar", Func<int, string>? pageLabel = null, int? openPage = null,
        Func<int, RecordFile, string>? downloadLabel = null, string? within = null)
    {
        pageLabel ??= page => $"Sayfa {page}";
        var images = ImageCatalog.Images(record).ToList();
        if (images.Count == 0) return "";
        var manifest = $"/iiif/manifest/{Uri.EscapeDataString(record.Identifier)}";
        var opened = openPage is { } wanted && images.Any(i => i.Page == wanted) ? wanted : images[0].Page;
        var body = new StringBuilder();
        body.Append($"<link rel=\"stylesheet\" href=\"{AssetsPath}/viewer.css\">");
        body.Append($"<section class=\"scans\" aria-labelledby=\"scans-heading\"><h2 id=\"scans-heading\">{Html.Encode(heading)}</h2>");
        body.Append($"<div class=\"viewer\" role=\"region\" aria-label=\"{Html.Encode(heading)}\" data-iiif-viewer data-manifest=\"{Html.Encode(manifest)}\" " +
                    $"data-prefix=\"{AssetsPath}/openseadragon/images/\" data-page=\"{images.FindIndex(i => i.Page == opened) + 1}\"" +
                    (within is null ? "" : $" data-within=\"{Html.Encode(within)}\"") + " hidden></div>");
        body.Append("<ul class=\"pages\">");
        foreach (var (page, file) in images)
        {
            var service = $"/iiif/3/{Uri.EscapeDataString($"{record.Identifier}~{page}")}";
            var size = "";
            if (file.Width > 0 && file.Height > 0)
            {
                var (w, h) = DerivativeStore.ThumbnailSize(file.Width, file.Height);
                size = $" width=\"{w}\" height=\"{h}\"";
            }
            var thumbnailWidth = file.Width > 0 ? Math.Min(DerivativeStore.ThumbnailWidth, file.Width) : DerivativeStore.ThumbnailWidth;
            var current = page == openPage ? " class=\"current\" aria-current=\"true\"" : "";
            body.Append($"<li id=\"sayfa-{page}\"{current}><a href=\"{Html.Encode(service)}/full/max/0/default.jpg\">" +
                        $"<img src=\"{Html.Encode(service)}/full/{thumbnailWidth},/0/default.jpg\" alt=\"{Html.Encode(pageLabel(page))}\"{size} loading=\"lazy\"></a>");
            if (downloadLabel is not null)
                body.Append($"<a class=\"download\" href=\"{Html.Encode(MasterDownload.Path(record.Identifier, page))}\" download>{Html.Encode(downloadLabel(page, file))}</a>");
            body.Append("</li>");
        }
        body.Append("</ul>");
        body.Append($"<p><a href=\"{Html.Encode(manifest)}\">IIIF manifest</a></p></section>");
        body.Append($"<script src=\"{AssetsPath}/openseadragon/openseadragon.min.js\" defer></script>");
        body.Append($"<script src=\"{AssetsPath}/viewer.js\" defer></script>");
        return body.ToString();
    }

    /// <summary>Serves the viewer's files (copied beside the program at build) under <see cref="AssetsPath"/>.</summary>
    public static void UseViewerAssets(this WebApplication app)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "assets");
        if (!Directory.Exists(directory)) return;
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(directory),
            RequestPath = AssetsPath,
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=86400",
        });
    }
}
