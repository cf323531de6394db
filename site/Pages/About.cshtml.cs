using HafizaIzmir.Site.Public;

namespace HafizaIzmir.Site.Pages;

/// <summary><c>/hakkinda</c>: what the archive holds, how it is described, and how to reuse it.</summary>
public sealed class AboutModel : SitePage
{
    public void OnGet()
    {
        Title = T("About_Title");
        Summary = T("About_Lead");
    }
}
