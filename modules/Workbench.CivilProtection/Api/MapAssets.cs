using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Workbench.CivilProtection.Api;

/// <summary>
/// Leaflet's files, embedded in the module at build time from the npm package (package-lock.json), served from the host:
/// the map loads nothing from another site. Public, like any script, because the public shelters map uses it too.
/// </summary>
public static class MapAssets
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["leaflet.js"] = "text/javascript", ["leaflet.css"] = "text/css",
        ["images/layers.png"] = "image/png", ["images/layers-2x.png"] = "image/png", ["images/marker-icon.png"] = "image/png",
        ["images/marker-icon-2x.png"] = "image/png", ["images/marker-shadow.png"] = "image/png",
    };

    public static IEndpointRouteBuilder MapLeafletAssets(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/civil-protection/lib/leaflet/{*file}", Asset).AllowAnonymous().ExcludeFromDescription();
        return routes;
    }

    /// <summary>Whether the build could embed Leaflet (npm was reachable); without it the map shows its plot only.</summary>
    public static bool Available => typeof(MapAssets).Assembly.GetManifestResourceInfo("leaflet/leaflet.js") is not null;

    private static Results<FileContentHttpResult, NotFound> Asset(string file, HttpContext http)
    {
        if (!Types.TryGetValue(file, out var type) || typeof(MapAssets).Assembly.GetManifestResourceStream("leaflet/" + file) is not { } stream) return TypedResults.NotFound();
        using var memory = new MemoryStream();
        using (stream) stream.CopyTo(memory);
        http.Response.Headers.CacheControl = "public, max-age=86400";
        return TypedResults.File(memory.ToArray(), type);
    }
}
