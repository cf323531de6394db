using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HafizaIzmir.Site.Public;

/// <summary>
/// What the shared layout needs from every public page: its language, title and the addresses of the
/// same page in both languages (for the switch and the <c>hreflang</c> alternates).
/// </summary>
public abstract class SitePage : PageModel
{
    private SiteLanguage? _language;

    public SiteLanguage Language => _language ??= SiteLanguage.Of(Request);
    public string T(string key) => Language[key];
    public string Title { get; protected set; } = "";

    /// <summary>Optional schema.org description of the page, written as JSON-LD in the head.</summary>
    public string? JsonLd { get; protected set; }

    /// <summary>A sentence or two about the page for search results and link previews (meta and Open Graph).</summary>
    public string? Summary { get; protected set; }

    /// <summary>Site path of the image a link preview shows (a IIIF thumbnail), when the page has one.</summary>
    public string? PreviewImage { get; protected set; }

    /// <summary>The Open Graph type: <c>website</c>, <c>article</c> for records, <c>profile</c> for persons.</summary>
    public string PreviewType { get; protected set; } = "website";

    /// <summary>An origin besides this site that images may come from (map tiles); null keeps the site-wide policy.</summary>
    protected void AllowImagesFrom(string? origin) => HafizaIzmir.Site.Web.SecurityHeaders.AllowImagesFrom(Response, origin);

    private string PathAndQuery => Request.Path.Value + Request.QueryString.Value;

    public string TurkishUrl => Language.IsEnglish ? SiteLanguage.ToTurkish(Request.Path.Value ?? "/") + Request.QueryString.Value : PathAndQuery;
    public string EnglishUrl => Language.IsEnglish ? PathAndQuery : SiteLanguage.ToEnglish(Request.Path.Value ?? "/") + Request.QueryString.Value;

    /// <summary>A 404 page in the layout; used for anything missing or not published, so the two look alike.</summary>
    protected IActionResult NotFoundPage(string titleKey = "NotFound_Title")
    {
        Title = T(titleKey);
        MissingText = T(titleKey + "_Text");
        Missing = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    /// <summary>Set by <see cref="NotFoundPage"/>: the page shows the shared "not found" text instead of its content.</summary>
    public bool Missing { get; private set; }

    public string MissingText { get; private set; } = "";
}
