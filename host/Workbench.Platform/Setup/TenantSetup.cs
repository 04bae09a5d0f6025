using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workbench.Abstractions.Recipes;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Audit;
using Workbench.Platform.Data;
using Workbench.Platform.Features;
using Workbench.Platform.Recipes;
using Workbench.Platform.Security;
using Workbench.Platform.Tenants;

namespace Workbench.Platform.Setup;

/// <summary>Creates a tenant: registry row, database, platform schema, built-in roles, recipe, first administrator. All or nothing.</summary>
public sealed class TenantSetup(
    HostDatabase hostDatabase,
    TenantRegistry registry,
    TenantScopes scopes,
    RecipeLoader recipes,
    InitialAdmin initialAdmin,
    AuditChainer auditChainer,
    ILogger<TenantSetup> logger)
{
    public async Task<TenantSetupResult> CreateAsync(TenantCreateRequest request, string actor, CancellationToken ct)
    {
        if (TenantNameRule.Validate(request.Name) is { } nameError) return TenantSetupResult.Invalid(nameError);
        if (request.Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(request.ConnectionString))
            return TenantSetupResult.Invalid("PostgreSQL pašvaldībai vajag savienojuma virkni.");
        var loaded = recipes.LoadByName(request.Recipe);
        if (!loaded.IsValid) return TenantSetupResult.Invalid(loaded.Errors.Select(e => e.ToString()).ToArray());

        var record = new TenantRecord
        {
            Name = request.Name,
            State = TenantState.Initializing,
            DatabaseProvider = request.Provider,
            ConnectionString = request.Provider == DatabaseProvider.Sqlite ? Path.Combine("tenants", request.Name, "workbench.db") : request.ConnectionString!,
            Recipe = request.Recipe,
            CreatedUtc = DateTime.UtcNow,
        };
        await using (var db = hostDatabase.CreateContext())
        {
            if (await db.Tenants.AnyAsync(t => t.Name == request.Name, ct))
                return TenantSetupResult.Duplicate($"Pašvaldība \"{request.Name}\" jau pastāv.");
            db.Tenants.Add(record);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { return TenantSetupResult.Duplicate($"Pašvaldība \"{request.Name}\" jau pastāv."); }
        }
        var info = registry.Provisional(record);
        try
        {
            await DatabaseConfigurator.EnsureDatabaseExistsAsync(record.DatabaseProvider, info.ConnectionString, ct);
            RecipeResult result;
            await using (var scope = scopes.Create(info, actor))
            {
                var services = scope.ServiceProvider;
                await services.GetRequiredService<FeatureManager>().MigrateAsync([], ct);
                await services.GetRequiredService<TenantDatabaseSession>().InTransactionAsync(
                    () => services.GetRequiredService<RoleService>().SeedBuiltInAsync(ct), ct);
                result = await services.GetRequiredService<RecipeRunner>().RunAsync(loaded.Recipe!, ct, async s =>
                {
                    var (email, password) = initialAdmin.Get();
                    await s.GetRequiredService<UserService>().SaveAsync(email, "Administrators", password, [BuiltInRoles.Administrator], ct);
                });
            }
            if (!result.Succeeded)
            {
                await RemoveAsync(record, info, ct);
                return TenantSetupResult.Invalid(result.Errors.Select(e => e.ToString()).ToArray());
            }
            // The new tenant starts with its setup's audit entries chained.
            await auditChainer.ChainAsync(info, ct, waitForLock: true);
            await using (var db = hostDatabase.CreateContext())
                await db.Tenants.Where(t => t.Name == record.Name)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.State, TenantState.Running).SetProperty(t => t.Version, t => t.Version + 1), ct);
            await registry.RefreshAsync(record.Name, ct);
            logger.LogInformation("Tenant {TenantName} created from recipe {Recipe}", record.Name, request.Recipe);
            return TenantSetupResult.Created();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Setting up tenant {TenantName} failed", record.Name);
            await RemoveAsync(record, info, CancellationToken.None);
            return TenantSetupResult.Invalid($"Pašvaldību neizdevās izveidot: {ex.Message}");
        }
    }

    /// <summary>Removes what a failed setup left: the database and the registry row.</summary>
    public async Task RemoveAsync(TenantRecord record, TenantInfo info, CancellationToken ct)
    {
        await DatabaseConfigurator.DropDatabaseAsync(record.DatabaseProvider, info.ConnectionString, ct);
        await using var db = hostDatabase.CreateContext();
        await db.Tenants.Where(t => t.Name == record.Name).ExecuteDeleteAsync(ct);
        await registry.RefreshAsync(record.Name, ct);
    }
}

public sealed record TenantCreateRequest(string Name, string Recipe, DatabaseProvider Provider = DatabaseProvider.Sqlite, string? ConnectionString = null);

public enum TenantSetupOutcome { Created, Invalid, Duplicate }

public sealed record TenantSetupResult(TenantSetupOutcome Outcome, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Outcome == TenantSetupOutcome.Created;
    public static TenantSetupResult Created() => new(TenantSetupOutcome.Created, []);
    public static TenantSetupResult Invalid(params string[] errors) => new(TenantSetupOutcome.Invalid, errors);
    public static TenantSetupResult Duplicate(string error) => new(TenantSetupOutcome.Duplicate, [error]);
}
