using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Tenants;

namespace Workbench.Platform.Tenants;

/// <summary>Creates DI scopes bound to a tenant, for work outside a request (setup, CLI, background jobs).</summary>
public sealed class TenantScopes(IServiceScopeFactory scopeFactory)
{
    public AsyncServiceScope Create(TenantInfo tenant, string actor)
    {
        var scope = scopeFactory.CreateAsyncScope();
        ((TenantContext)scope.ServiceProvider.GetRequiredService<ITenantContext>()).Current = tenant;
        scope.ServiceProvider.GetRequiredService<ActorContext>().Name = actor;
        return scope;
    }
}

/// <summary>Who acts in a scope that has no signed-in user (the CLI, setup, a job).</summary>
public sealed class ActorContext
{
    public string? Name { get; set; }
}
