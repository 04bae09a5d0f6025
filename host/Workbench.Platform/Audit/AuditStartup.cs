using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Audit;

namespace Workbench.Platform.Audit;

/// <summary>The tenants' audit logs as one piece (see README.md beside this file).</summary>
public static class AuditStartup
{
    /// <summary><c>IAuditLog</c> (appends in the caller's transaction), the chainer that links entries after commit, the verifier.</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddSingleton<AuditKeys>();
        services.AddSingleton<AuditChainer>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditChainer>());
        services.AddScoped<AuditLog>();
        services.AddScoped<IAuditLog>(sp => sp.GetRequiredService<AuditLog>());
        services.AddScoped<AuditVerifier>();
        return services;
    }
}
