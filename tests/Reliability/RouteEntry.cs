using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace HafizaIzmir.Tests.Reliability;

/// <summary>One routed endpoint of the app: a method and a route pattern, as the routing table has it.</summary>
public sealed record RouteEntry(string Method, RoutePattern Pattern, Endpoint Endpoint)
{
    /// <summary>"GET /kayit/{identifier}": the key of the expectation tables.</summary>
    public string Key => $"{Method} {Template}";

    public string Template => "/" + (Pattern.RawText ?? "").TrimStart('/');

    public IEnumerable<string> ParameterNames => Pattern.Parameters.Select(p => p.Name);

    /// <summary>The path with every parameter replaced by <paramref name="value"/>'s answer for it (escaped as one segment).</summary>
    public string Fill(Func<string, string> value)
    {
        var path = new StringBuilder();
        foreach (var segment in Pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => Uri.EscapeDataString(value(parameter.Name)),
                    _ => "",
                });
            }
        }
        return path.Length == 0 ? "/" : path.ToString();
    }

    /// <summary>Every routed endpoint of a running app, one entry per HTTP method (GET when none is declared).</summary>
    public static IReadOnlyList<RouteEntry> Of(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? methods : [HttpMethods.Get])
                .Select(m => new RouteEntry(m, e.RoutePattern, e)))
            .DistinctBy(e => e.Key)
            .OrderBy(e => e.Key, StringComparer.Ordinal)];
}
