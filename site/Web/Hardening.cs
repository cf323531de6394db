using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;

namespace HafizaIzmir.Site.Web;

/// <summary>
/// Limits that keep one client from exhausting the archive: sign-in attempts and searches per client
/// address (answered 429 with <c>Retry-After</c>), and small bodies for form posts. Configured in the
/// section <c>RateLimits</c>; test hosts raise the limits there.
/// </summary>
public static class Hardening
{
    public const string Section = "RateLimits";

    /// <summary>Form posts (sign-in, cataloguing forms, OAI POST) are small; only multipart uploads may be large.</summary>
    public const long DefaultMaxFormBytes = 1024 * 1024;

    public sealed class Settings
    {
        public Window SignIn { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };
        public Window Search { get; set; } = new() { PermitLimit = 120, WindowSeconds = 10 };
        public long MaxFormBytes { get; set; } = DefaultMaxFormBytes;
    }

    public sealed class Window
    {
        public int PermitLimit { get; set; }
        public int WindowSeconds { get; set; }
    }

    public static IServiceCollection AddHardening(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<Settings>(configuration.GetSection(Section));
        // Behind a reverse proxy on this machine the client's address and scheme come from X-Forwarded-*;
        // the defaults trust only loopback proxies, so a client cannot claim another address.
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                return new ValueTask(context.HttpContext.Response.WriteAsync("Too many requests; try again later.\n"));
            };
            // Global rather than per endpoint, so every search surface (JSON, pages, English twins) is covered.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var settings = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Settings>>().CurrentValue;
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "local";
                return Classify(context.Request) switch
                {
                    Limited.SignIn => Partition("sign-in:" + client, settings.SignIn),
                    Limited.Search => Partition("search:" + client, settings.Search),
                    _ => RateLimitPartition.GetNoLimiter("none"),
                };
            });
        });
        return services;
    }

    private enum Limited { None, SignIn, Search }

    private static Limited Classify(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        if (HttpMethods.IsPost(request.Method) && path.Equals(Katalog.KatalogServices.SignInPath, StringComparison.OrdinalIgnoreCase)) return Limited.SignIn;
        if (path is "/api/search" or "/api/authorities" or "/ara" or "/en/search"
            || path.StartsWith("/api/search/", StringComparison.Ordinal)) return Limited.Search;
        return Limited.None;
    }

    private static RateLimitPartition<string> Partition(string key, Window window) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, window.PermitLimit),
            Window = TimeSpan.FromSeconds(Math.Max(1, window.WindowSeconds)),
            QueueLimit = 0,
        });

    /// <summary>Forwarded headers, security headers, the form size limit and the rate limiter, in the order they must run.</summary>
    public static WebApplication UseHardening(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeaders>();
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (HafizaIzmir.Archive.Storage.InvalidIdentifierException) when (!context.Response.HasStarted)
            {
                // A route parameter that cannot be an identifier names nothing: 404, like any unknown record.
                await Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                    detail: "No record, authority or image has this identifier.").ExecuteAsync(context);
            }
        });
        app.Use(async (context, next) =>
        {
            var settings = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Settings>>().CurrentValue;
            var request = context.Request;
            if (request.HasFormContentType && !request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
            {
                if (request.ContentLength > settings.MaxFormBytes)
                {
                    context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    return;
                }
                // Chunked bodies have no length up front: Kestrel stops reading at the limit instead.
                if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                    size.MaxRequestBodySize = settings.MaxFormBytes;
            }
            await next(context);
        });
        app.UseRateLimiter();
        app.MapReadiness();
        return app;
    }
}
