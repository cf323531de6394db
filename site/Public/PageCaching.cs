namespace HafizaIzmir.Site.Public;

/// <summary>
/// Conditional GETs for the public pages: each cacheable page gets the ETag <see cref="PageFreshness"/> computes,
/// a request that already holds it gets 304 without the page being rendered, and caches must revalidate
/// (a withdrawn record must not linger in a shared cache). Catalogue pages are never stored.
/// </summary>
public sealed class PageCaching(RequestDelegate next)
{
    public const string PublicPolicy = "public, no-cache";
    public const string PrivatePolicy = "no-store";

    public Task InvokeAsync(HttpContext context, PageFreshness freshness)
    {
        var request = context.Request;
        var response = context.Response;
        if (request.Path.StartsWithSegments("/katalog"))
        {
            response.OnStarting(() =>
            {
                response.Headers.CacheControl = PrivatePolicy;
                return Task.CompletedTask;
            });
            return next(context);
        }
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)) return next(context);
        if (freshness.TagFor(request) is not { } tag) return next(context);

        if (Matches(request.Headers.IfNoneMatch, tag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            response.Headers.ETag = tag;
            response.Headers.CacheControl = PublicPolicy;
            return Task.CompletedTask;
        }
        response.OnStarting(() =>
        {
            if (response.StatusCode == StatusCodes.Status200OK)
            {
                response.Headers.ETag = tag;
                response.Headers.CacheControl = PublicPolicy;
            }
            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>If-None-Match compares weakly (RFC 9110 §13.1.2): <c>*</c> or any listed tag equal after dropping <c>W/</c>.</summary>
    private static bool Matches(Microsoft.Extensions.Primitives.StringValues header, string tag)
    {
        var opaque = tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
        foreach (var value in header)
        {
            if (value is null) continue;
            foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (part == "*") return true;
                var candidate = part.StartsWith("W/", StringComparison.Ordinal) ? part[2..] : part;
                if (candidate == opaque) return true;
            }
        }
        return false;
    }
}
