using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Recipes;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Data;
using Workbench.Platform.Features;
using Workbench.Platform.Tenants;

namespace Workbench.Platform.Recipes;

/// <summary>
/// Runs a recipe in the current tenant: validates every step first (preparing the schema of features it enables
/// on the way), then executes all steps in one transaction. Any failure leaves the tenant's data as it was.
/// </summary>
public sealed class RecipeRunner(
    IServiceProvider services,
    IEnumerable<IRecipeStepHandler> handlers,
    RecipeRunState state,
    FeatureManager features,
    PlatformDbContext db,
    TenantDatabaseSession session,
    ITenantContext tenant,
    ITenantChanges changes,
    IAuditLog audit,
    ActorContext actor,
    ILogger<RecipeRunner> logger)
{
    /// <summary>Checks every step against the tenant as it is now, changing nothing.</summary>
    public async Task<IReadOnlyList<RecipeError>> ValidateAsync(RecipeDocument recipe, CancellationToken ct) =>
        (await PlanAsync(recipe, ct)).Errors;

    /// <param name="setup">Work that belongs to the same transaction, e.g. seeding the first administrator during tenant setup.</param>
    public async Task<RecipeResult> RunAsync(RecipeDocument recipe, CancellationToken ct, Func<IServiceProvider, Task>? setup = null)
    {
        var started = DateTime.UtcNow;
        var (planned, errors) = await PlanAsync(recipe, ct);
        if (errors.Count > 0) return await FailAsync(recipe, started, errors, ct);

        RecipeStepContext? current = null;
        try
        {
            await session.InTransactionAsync(async () =>
            {
                // Steps see the tenant with the features this recipe enables, as it will be once it commits (e.g. a module
                // asking whether another one is there to cooperate with).
                if (tenant is TenantContext { Current: { } now } scope) scope.Current = now with { EnabledFeatures = state.EnabledFeatures.ToHashSet(StringComparer.Ordinal) };
                // First, so that steps may refer to the first administrator (e.g. give them memberships).
                if (setup is not null) await setup(services);
                foreach (var (handler, context) in planned)
                {
                    current = context;
                    await handler.ExecuteAsync(context, ct);
                }
                current = null;
                db.RecipeRuns.Add(NewRun(recipe, started, succeeded: true, error: null));
                await db.SaveChangesAsync(ct);
                await audit.AppendAsync("recipe.run", recipe.Name, new { recipe.Source, steps = recipe.Steps.Count }, ct);
            }, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Recipe {Recipe} failed in tenant {Tenant}", recipe.Name, tenant.Required.Name);
            // Refusals of our own code speak to people already; the database's messages do not.
            var message = DatabaseErrors.IsUniqueViolation(ex) ? DatabaseErrors.UniqueViolationMessage
                : ex is DbUpdateException ? "Datubāze atteica saglabāt izmaiņas; sīkāk žurnālā."
                : ex.Message;
            var error = current is null
                ? new RecipeError(-1, "", "$", message)
                : new RecipeError(current.Index, current.Name, recipe.Steps[current.Index].Origin, message);
            return await FailAsync(recipe, started, [error], ct);
        }
        await changes.ChangedAsync(tenant.Required.Name, ct);
        return new RecipeResult(true, []);
    }

    private async Task<(List<(IRecipeStepHandler Handler, RecipeStepContext Context)> Planned, List<RecipeError> Errors)> PlanAsync(RecipeDocument recipe, CancellationToken ct)
    {
        var byName = handlers.ToDictionary(h => h.StepName, StringComparer.OrdinalIgnoreCase);
        state.EnabledFeatures = (await features.EnabledAsync(ct)).ToHashSet();
        state.Roles = (await db.Roles.Select(r => r.Name!).ToListAsync(ct)).Concat(BuiltInRoles.All).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var errors = new List<RecipeError>();
        var planned = new List<(IRecipeStepHandler Handler, RecipeStepContext Context)>();
        for (var i = 0; i < recipe.Steps.Count; i++)
        {
            var entry = recipe.Steps[i];
            var context = new RecipeStepContext(i, entry.Origin, entry.Step, services);
            if (!byName.TryGetValue(context.Name, out var handler))
            {
                errors.Add(new RecipeError(i, context.Name, entry.Origin + ".name",
                    $"Nezināms solis \"{context.Name}\" ; der {string.Join(", ", byName.Keys.Order())}."));
                continue;
            }
            if (handler.RequiredFeature is { } required && !state.EnabledFeatures.Contains(required))
            {
                errors.Add(new RecipeError(i, context.Name, entry.Origin,
                    $"Solim vajadzīga ieslēgta funkcija \"{required}\"."));
                continue;
            }
            await handler.ValidateAsync(context, ct);
            errors.AddRange(context.Errors);
            planned.Add((handler, context));
            // Later steps may validate against the tables of features this step enables: prepare their schema now.
            // Empty tables of a feature that ends up not enabled change nothing a tenant can see.
            if (context.Errors.Count == 0 && state.NewlyEnabled.Count > 0) await features.MigrateAsync(state.NewlyEnabled, ct);
        }
        return (planned, errors);
    }

    private async Task<RecipeResult> FailAsync(RecipeDocument recipe, DateTime started, IReadOnlyList<RecipeError> errors, CancellationToken ct)
    {
        // The history of a failed run is kept; it is the only trace the failure leaves.
        db.ChangeTracker.Clear();
        db.RecipeRuns.Add(NewRun(recipe, started, succeeded: false, string.Join("\n", errors.Select(e => e.ToString()))));
        await db.SaveChangesAsync(ct);
        return new RecipeResult(false, errors);
    }

    private RecipeRun NewRun(RecipeDocument recipe, DateTime started, bool succeeded, string? error) => new()
    {
        Id = Guid.NewGuid(),
        RecipeName = recipe.Name,
        Actor = actor.Name ?? "user",
        StartedUtc = started,
        FinishedUtc = DateTime.UtcNow,
        Succeeded = succeeded,
        StepCount = recipe.Steps.Count,
        Error = error,
    };
}

public sealed record RecipeResult(bool Succeeded, IReadOnlyList<RecipeError> Errors);
