using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Tenants;

namespace Acme.Module;

public sealed class Startup : Workbench.Abstractions.Modules.ModuleStartup
{
    /// <summary>Routes are relative to the tenant (<c>/{tenant}/api/acme-module</c>) and vanish where the feature is off.</summary>
    public override void MapEndpoints(IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/acme-module", (ITenantContext tenant) => Results.Ok(new { module = ModuleManifestProvider.Feature, tenant = tenant.Required.Name }))
              .RequireAuthorization(PermissionNames.Policy(ModuleManifestProvider.ViewPermission));
}
