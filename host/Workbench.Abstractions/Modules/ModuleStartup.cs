using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Workbench.Abstractions.Modules;

/// <summary>
/// Services and routes of a module, in its <c>Startup.cs</c>. Runs once per process, not per tenant:
/// per-tenant work belongs to migrations and recipe steps, which run when a feature is enabled in a tenant.
/// </summary>
public abstract class ModuleStartup
{
    public virtual void ConfigureServices(IServiceCollection services) { }

    /// <summary>
    /// Map minimal-API endpoints. <paramref name="routes"/> is already scoped to the tenant prefix and to the
    /// module's main feature: when the feature is disabled in a tenant, these endpoints answer 404 there.
    /// </summary>
    public virtual void MapEndpoints(IEndpointRouteBuilder routes) { }
}
