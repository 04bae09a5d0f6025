using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Workbench.Platform.Hosting;

/// <summary>
/// Refuses state-changing API requests that a browser sends from another site: a staff cookie rides along with those,
/// and SameSite=Lax does not stop every one of them (top-level form posts, sibling sites). Browsers say where a request
/// comes from in <c>Sec-Fetch-Site</c> and <c>Origin</c>; calls with a bearer token carry no ambient credential and pass,
/// as do scripts and servers that send neither header. Every tenant shares the origin, so a same-origin request whose
/// <c>Referer</c> is another tenant's page is refused too. Razor pages have antiforgery tokens instead.
/// </summary>
public sealed class CrossSiteRequestGuard(RequestDelegate next, ILogger<CrossSiteRequestGuard> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (IsStateChanging(request.Method) && request.Path.StartsWithSegments("/api") && !request.Headers.ContainsKey("Authorization") && IsCrossSite(request))
        {
            logger.LogWarning("Cross-site {Method} {Path} from {Origin} refused", request.Method, request.Path, request.Headers.Origin.ToString());
            await Results.Problem("Pieprasījums no citas vietnes ir atteikts.", statusCode: StatusCodes.Status403Forbidden)
                .ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private static bool IsStateChanging(string method) => !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));

    internal static bool IsCrossSite(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none")) return true;
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase)) return true;
        return FromAnotherTenant(request);
    }

    /// <summary>The referring page is on this host but under another tenant's path (the browser sent it the full URL).</summary>
    private static bool FromAnotherTenant(HttpRequest request) =>
        Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referer)
        && string.Equals(referer.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
        && !new PathString(referer.AbsolutePath).StartsWithSegments(request.PathBase, StringComparison.OrdinalIgnoreCase);
}
