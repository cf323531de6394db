namespace HafizaIzmir.Site.Public;

/// <summary>
/// The section <c>Map</c> of appsettings: where the place maps take their background tiles from. With no
/// <see cref="TileUrl"/> a place page shows its coordinates as text only; the map never hides them.
/// </summary>
public sealed class MapOptions
{
    public const string Section = "Map";

    /// <summary>A Leaflet tile template such as <c>https://tile.example.org/{z}/{x}/{y}.png</c>; empty for no map.</summary>
    public string TileUrl { get; set; } = "";

    /// <summary>The credit the tile provider asks for, shown in the map's corner.</summary>
    public string Attribution { get; set; } = "";

    public int MaxZoom { get; set; } = 19;

    /// <summary>The zoom a single place opens at.</summary>
    public int Zoom { get; set; } = 16;

    /// <summary>The tile server's origin (scheme, host, port), which the content security policy must admit for images.</summary>
    public string? TileOrigin =>
        Uri.TryCreate(TileUrl.Replace("{s}", "a", StringComparison.Ordinal), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? TileUrl.Contains("{s}", StringComparison.Ordinal)
                ? $"{uri.Scheme}://*.{string.Join('.', uri.Host.Split('.').Skip(1))}{(uri.IsDefaultPort ? "" : ":" + uri.Port)}"
                : uri.GetLeftPart(UriPartial.Authority)
            : null;
}
