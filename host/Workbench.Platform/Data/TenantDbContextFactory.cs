using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Data;

namespace Workbench.Platform.Data;

public sealed class TenantDbContextFactory(
    IServiceProvider services,
    TenantDatabaseSession session,
    IEnumerable<TenantDbContextRegistration> registrations) : ITenantDbContextFactory
{
    public TContext Create<TContext>() where TContext : DbContext
    {
        var registration = registrations.FirstOrDefault(r => r.ContextType == typeof(TContext))
            ?? throw new InvalidOperationException($"{typeof(TContext).Name} is not registered with AddTenantDbContext.");
        var options = new DbContextOptionsBuilder<TContext>()
            .Configure(session.Provider, session.Connection, registration.MigrationsHistoryTable)
            .Options;
        var context = ActivatorUtilities.CreateInstance<TContext>(services, options);
        session.Enlist(context);
        return context;
    }

    /// <summary>Applies pending migrations of one registered context (outside any transaction).</summary>
    public async Task MigrateAsync(TenantDbContextRegistration registration, CancellationToken ct)
    {
        var context = (DbContext)services.GetRequiredService(registration.ContextType);
        await context.Database.MigrateAsync(ct);
    }
}
