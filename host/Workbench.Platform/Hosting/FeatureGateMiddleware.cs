using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Tenants;

namespace Workbench.Platform.Hosting;

/// <summary>
/// After routing: an endpoint of a feature that is disabled in this tenant, or a tenant endpoint reached without
/// a tenant, does not exist (404) — for pages, APIs and everything else alike. So does an endpoint marked
/// <see cref="HiddenWithoutPermissionAttribute"/> for whoever lacks its permission: the same answer, so nothing tells
/// restricted information apart from a module that is not there.
/// </summary>
public sealed class FeatureGateMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ITenantContext tenant, IPermissionService permissions)
    {
        if (context.GetEndpoint() is { } endpoint)
        {
            var current = tenant.Current;
            var hostLevel = endpoint.Metadata.GetMetadata<HostEndpointAttribute>() is not null;
            var missingFeature = endpoint.Metadata.GetOrderedMetadata<RequiresFeatureAttribute>()
                .Any(f => current is null || !current.IsFeatureEnabled(f.FeatureId));
            var hidden = current is not null && endpoint.Metadata.GetOrderedMetadata<HiddenWithoutPermissionAttribute>()
                .Any(h => !permissions.HasPermission(context.User, h.Permission));
            if ((current is null && !hostLevel) || missingFeature || hidden)
            {
                context.SetEndpoint(null);
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                if (ApiPaths.IsApi(context.Request))
                {
                    await context.Response.WriteAsJsonAsync(new ProblemDetails
                    {
                        Status = 404,
                        Title = "Nav atrasts",
                        Detail = current is null ? "Norādiet pašvaldību ceļā, piem. /riga/api/...." : "Šī funkcija šajā pašvaldībā nav ieslēgta.",
                    }, options: null, contentType: "application/problem+json");
                }
                return;
            }
        }
        await next(context);
    }
}

public static class ApiPaths
{
    /// <summary>Protocol endpoints of the identity provider that machines call (authorize and logout are pages people see).</summary>
    private static readonly string[] Machine = ["/.well-known", "/connect/token", "/connect/userinfo", "/connect/revoke", "/connect/introspect"];

    public static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || Machine.Any(p => request.Path.StartsWithSegments(p))
        || request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal);
}
