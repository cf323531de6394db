namespace HafizaIzmir.Site.Web;

/// <summary>
/// Headers every response carries. The content security policy allows scripts and styles from this site
/// only, never inline, so injected markup cannot run.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>
    /// The one inline style allowed, by its hash: OpenSeadragon (pinned in site/package-lock.json) inserts a
    /// small &lt;style&gt; for touch screens. The browser test of the viewer fails if a new version changes it.
    /// </summary>
    public const string ViewerStyleHash = "'sha256-9xTiqzfwFaL2SGb1rmr8gysEwVVjIvqWAgmZgqFqpEE='";

    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' " + ViewerStyleHash + "; img-src 'self' data:; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        return next(context);
    }
}
