using HafizaIzmir.Archive.Domain;
using Microsoft.Extensions.Primitives;

namespace HafizaIzmir.Site.Katalog;

/// <summary>
/// Searches filtered by a merged duplicate's id (a bookmarked facet link, a harvested API URL) answer 301 with
/// the survivor's id in its place, so the JSON API and the search pages follow a merge like the authority pages do.
/// </summary>
public sealed class MergedAuthorityRedirects(RequestDelegate next)
{
    private static readonly string[] Paths = ["/api/search", "/ara", "/en/search"];
    private static readonly string[] Filters = ["person", "institution", "place"];
    // A survivor merged again later points further; a short chain is followed, a cycle never is.
    private const int MaxHops = 5;

    public async Task InvokeAsync(HttpContext context, Archive.Storage.Archive archive)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) && Paths.Contains(request.Path.Value, StringComparer.Ordinal) && Filters.Any(request.Query.ContainsKey))
        {
            var query = request.Query.ToDictionary(q => q.Key, q => q.Value, StringComparer.Ordinal);
            var moved = false;
            foreach (var filter in Filters)
            {
                if (!query.TryGetValue(filter, out var values) || values.Count != 1 || await SurvivorAsync(archive, values[0]!, context.RequestAborted) is not { } survivor) continue;
                query[filter] = new StringValues(survivor);
                moved = true;
            }
            if (moved)
            {
                context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
                context.Response.Headers.Location = request.PathBase + request.Path + QueryString.Create(query);
                return;
            }
        }
        await next(context);
    }

    private static async Task<string?> SurvivorAsync(Archive.Storage.Archive archive, string id, CancellationToken ct)
    {
        string? survivor = null;
        for (var hop = 0; hop < MaxHops; hop++)
        {
            Authority? authority;
            try
            {
                authority = (await archive.GetAuthorityAsync(survivor ?? id, ct))?.Value;
            }
            catch (ArgumentException)
            {
                return null; // not an id at all: the search itself explains that
            }
            if (authority?.MergedInto is not { } next) break;
            survivor = next;
        }
        return survivor;
    }
}
