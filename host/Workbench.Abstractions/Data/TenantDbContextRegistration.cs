using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Workbench.Abstractions.Data;

/// <summary>
/// Declares that a module feature owns a DbContext. The platform opens it on the current tenant's database
/// (sharing one connection per scope, so a recipe can write several modules' tables in one transaction)
/// and applies its migrations in that tenant when the feature is enabled.
/// </summary>
public sealed record TenantDbContextRegistration(Type ContextType, string FeatureId, string MigrationsHistoryTable);

public interface ITenantDbContextFactory
{
    TContext Create<TContext>() where TContext : DbContext;
}

public static class TenantDbContextServiceCollectionExtensions
{
    /// <summary>Register <typeparamref name="TContext"/> as a tenant database context owned by <paramref name="featureId"/>.</summary>
    /// <param name="historyName">Distinguishes the migrations history of a second context of the same feature.</param>
    public static IServiceCollection AddTenantDbContext<TContext>(this IServiceCollection services, string featureId, string? historyName = null)
        where TContext : DbContext
    {
        services.AddSingleton(new TenantDbContextRegistration(typeof(TContext), featureId, $"__{historyName ?? featureId}_migrations"));
        services.AddScoped(sp => sp.GetRequiredService<ITenantDbContextFactory>().Create<TContext>());
        return services;
    }
}
