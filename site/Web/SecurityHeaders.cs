namespace HafizaIzmir.Site.Web;

/// <summary>
/// Headers every response carries. The content security policy allows scripts and styles from this site
/// only, never inline, so injected markup cannot run; no other site may frame a page. HSTS is sent only on
/// HTTPS requests (directly or, through <c>X-Forwarded-Proto</c>, behind a proxy on this machine): on plain
/// HTTP it would be ignored, and on 127.0.0.1 during development it must not pin the browser to HTTPS.
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

    /// <summary>Lets this response's images also come from <paramref name="origin"/> (a map's tile server); null changes nothing.</summary>
    public static void AllowImagesFrom(HttpResponse response, string? origin)
    {
        if (origin is null) return;
        response.Headers.ContentSecurityPolicy =
            ContentSecurityPolicy.Replace("img-src 'self' data:", $"img-src 'self' data: {origin}", StringComparison.Ordinal);
    }

    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        if (context.Request.IsHttps) headers.StrictTransportSecurity = StrictTransportSecurity;
        return next(context);
    }
}
