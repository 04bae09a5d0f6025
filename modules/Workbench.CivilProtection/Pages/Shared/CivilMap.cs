using Microsoft.Extensions.Configuration;

namespace Workbench.CivilProtection.Pages.Shared;

/// <summary>What the map partial draws: the plot (always, the fallback) and, when a tile URL is configured and Leaflet was built in, the Leaflet map.</summary>
public sealed record CivilMap(Plot Plot, string? Tiles)
{
    /// <summary><c>Workbench:CivilProtection:TileUrl</c>, e.g. a municipal tile server's <c>https://…/{z}/{x}/{y}.png</c>; none by default.</summary>
    public static string? TileUrl(IConfiguration configuration) => configuration["Workbench:CivilProtection:TileUrl"] is { Length: > 0 } url ? url : null;

    public bool Leaflet => Tiles is not null && Api.MapAssets.Available;
}
