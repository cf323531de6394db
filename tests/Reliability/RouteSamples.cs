namespace HafizaIzmir.Tests.Reliability;

/// <summary>
/// Values for route parameters, by name and route, from <see cref="GuardedArchive"/>'s seeded data. A parameter
/// that names a record takes the record given, so the same table serves the authorization matrix (a public
/// record) and the leak checks (each hidden record). New parameter names must be added here.
/// </summary>
public static class RouteSamples
{
    public static string? For(RouteEntry route, string parameter, string record) => parameter switch
    {
        "identifier" => record,
        "id" when route.Template.StartsWith("/iiif/3/", StringComparison.Ordinal) => record + "~1",
        "id" => GuardedArchive.Authority,
        "axis" => GuardedArchive.Axis,
        "region" => "full",
        "size" => "!200,200",
        "rotation" => "0",
        "qualityFormat" => "default.jpg",
        "slug" => GuardedArchive.StorySlug,
        "version" or "part" or "page" => "1",
        "action" => "dondur",
        "name" => "matris-student",
        _ => null,
    };

    /// <summary>Whether the parameter names a record (so a hidden record's identifier can be put in it).</summary>
    public static bool NamesRecord(RouteEntry route, string parameter) =>
        parameter == "identifier" || (parameter == "id" && route.Template.StartsWith("/iiif/3/", StringComparison.Ordinal));
}
