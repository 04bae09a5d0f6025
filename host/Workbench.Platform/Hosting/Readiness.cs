using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Workbench.Abstractions.Modules;
using Workbench.Platform.Data;
using Workbench.Platform.Setup;
using Workbench.Platform.Tenants;

namespace Workbench.Platform.Hosting;

/// <summary>
/// What a load balancer asks: <c>/health/live</c> (the process answers) and <c>/health/ready</c> (200 only when the tenant
/// registry and every running tenant's database answer and no tenant is still being set up; a tenant that failed is
/// reported as degraded, and does not keep the node out of rotation). <c>/health</c> stays the tenants' overview.
/// </summary>
public static class Readiness
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddWorkbenchHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<RegistryAnswers>("registry", tags: [ReadyTag])
            .AddCheck<TenantsReady>("tenants", tags: [ReadyTag]);
        return services;
    }

    public static void MapWorkbenchHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .WithMetadata(new HostEndpointAttribute()).WithName("Liveness");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync })
            .WithMetadata(new HostEndpointAttribute()).WithName("Readiness");
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        }, JsonSerializerOptions.Web));
    }

    private sealed class RegistryAnswers(HostDatabase hostDatabase) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            await using var db = hostDatabase.CreateContext();
            return await db.Database.CanConnectAsync(ct) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("the tenant registry does not answer");
        }
    }

    private sealed class TenantsReady(TenantActivator activator, TenantRegistry registry, TenantScopes scopes) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            var all = registry.All;
            var data = all.ToDictionary(t => t.Name, t => (object)t.State);
            if (!activator.Ready.IsCompleted || all.Any(t => t.State == "Starting" || t.Record.State == TenantState.Initializing))
                return HealthCheckResult.Unhealthy("tenants are still being set up", data: data);
            var silent = new List<string>();
            foreach (var tenant in all.Where(t => t.IsRunning))
            {
                await using var scope = scopes.Create(tenant.Info!, "health");
                if (!await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Database.CanConnectAsync(ct)) silent.Add(tenant.Name);
            }
            if (silent.Count > 0) return HealthCheckResult.Unhealthy($"no answer from the database of {string.Join(", ", silent)}", data: data);
            var failed = all.Where(t => t.Record.State == TenantState.Failed).Select(t => t.Name).ToList();
            return failed.Count > 0 ? HealthCheckResult.Degraded($"failed: {string.Join(", ", failed)}", data: data) : HealthCheckResult.Healthy(data: data);
        }
    }
}
