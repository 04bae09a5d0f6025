using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Data;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Data;
using Workbench.Platform.Modules;
using Workbench.Platform.Tenants;

namespace Workbench.Platform.Features;

/// <summary>Enables and disables features in the current tenant: dependencies, schema, records, audit.</summary>
public sealed class FeatureManager(
    ModuleCatalog catalog,
    ITenantContext tenant,
    PlatformDbContext db,
    TenantDatabaseSession session,
    TenantDbContextFactory contexts,
    IEnumerable<TenantDbContextRegistration> registrations,
    IAuditLog audit,
    ITenantChanges changes)
{
    /// <summary>The features to add so that <paramref name="requested"/> and all their dependencies are enabled.</summary>
    public FeaturePlan PlanEnable(IReadOnlySet<string> enabled, IEnumerable<string> requested)
    {
        var errors = new List<string>();
        var toEnable = new List<string>();
        void Visit(string id, string? requiredBy)
        {
            if (enabled.Contains(id) || toEnable.Contains(id)) return;
            var feature = catalog.FindFeature(id);
            if (feature is null)
            {
                var failed = catalog.Modules.FirstOrDefault(m => !m.IsLoaded && m.Features.Any(f => f.Id == id) || m.Id == id && !m.IsLoaded);
                errors.Add(failed is not null
                    ? $"Funkciju \"{id}\" nevar ieslēgt: modulis {failed.Id} nav ielādēts ({failed.Error}). Feature \"{id}\" cannot be enabled: its module did not load."
                    : requiredBy is null
                        ? $"Nezināma funkcija \"{id}\"."
                        : $"Funkcija \"{requiredBy}\" ir atkarīga no \"{id}\", kas nav pieejama.");
                return;
            }
            if (feature.DefaultTenantOnly && tenant.Required.Name != TenantNames.CompetenceCentre)
            {
                errors.Add($"Funkcija \"{id}\" pieejama tikai kompetences centram.");
                return;
            }
            foreach (var dependency in feature.Dependencies) Visit(dependency, id);
            toEnable.Add(id);
        }
        foreach (var id in requested) Visit(id, null);
        return new FeaturePlan(toEnable, errors);
    }

    /// <summary>Refuses to disable a feature that another enabled feature depends on.</summary>
    public FeaturePlan PlanDisable(IReadOnlySet<string> enabled, IEnumerable<string> requested)
    {
        var errors = new List<string>();
        var conflict = false;
        var toDisable = requested.Where(enabled.Contains).Distinct().ToList();
        foreach (var id in requested.Where(r => catalog.FindFeature(r) is null && !enabled.Contains(r)))
            errors.Add($"Nezināma funkcija \"{id}\".");
        foreach (var id in toDisable)
        {
            var dependents = enabled.Except(toDisable)
                .Where(other => catalog.FindFeature(other)?.Dependencies.Contains(id) == true)
                .ToList();
            if (dependents.Count == 0) continue;
            conflict = true;
            errors.Add($"Funkciju \"{id}\" nevar izslēgt, jo no tās atkarīgas ieslēgtās funkcijas: {string.Join(", ", dependents)}.");
        }
        return new FeaturePlan(toDisable, errors, conflict);
    }

    public async Task<IReadOnlySet<string>> EnabledAsync(CancellationToken ct) =>
        (await db.EnabledFeatures.Select(f => f.FeatureId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Brings the tables of the given features (and the platform's) to their latest migration. Runs outside transactions.</summary>
    public async Task MigrateAsync(IEnumerable<string> featureIds, CancellationToken ct)
    {
        var ids = featureIds.Append(PlatformDbContext.FeatureId).ToHashSet();
        // The platform's tables first: module migrations may move data into them (files into Platform_Files).
        foreach (var registration in registrations.Where(r => ids.Contains(r.FeatureId)).OrderBy(r => r.FeatureId != PlatformDbContext.FeatureId))
            await contexts.MigrateAsync(registration, ct);
    }

    /// <summary>Writes the plan's records and audit entries (joins the caller's transaction when there is one).</summary>
    public async Task ApplyAsync(IReadOnlyList<string> enable, IReadOnlyList<string> disable, CancellationToken ct)
    {
        foreach (var id in enable)
        {
            db.EnabledFeatures.Add(new EnabledFeature { FeatureId = id, EnabledUtc = DateTime.UtcNow });
            await audit.AppendAsync("feature.enabled", id, cancellationToken: ct);
        }
        foreach (var id in disable)
        {
            await db.EnabledFeatures.Where(f => f.FeatureId == id).ExecuteDeleteAsync(ct);
            await audit.AppendAsync("feature.disabled", id, cancellationToken: ct);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Enable features and their dependencies, as an administrator does from the admin page or the CLI.</summary>
    public async Task<FeaturePlan> EnableAsync(IEnumerable<string> requested, CancellationToken ct)
    {
        var plan = PlanEnable(await EnabledAsync(ct), requested);
        if (!plan.IsValid) return plan;
        await MigrateAsync(plan.Features, ct);
        await session.InTransactionAsync(() => ApplyAsync(plan.Features, [], ct), ct);
        await changes.ChangedAsync(tenant.Required.Name, ct);
        return plan;
    }

    public async Task<FeaturePlan> DisableAsync(IEnumerable<string> requested, CancellationToken ct)
    {
        var plan = PlanDisable(await EnabledAsync(ct), requested);
        if (!plan.IsValid) return plan;
        await session.InTransactionAsync(() => ApplyAsync([], plan.Features, ct), ct);
        await changes.ChangedAsync(tenant.Required.Name, ct);
        return plan;
    }
}

/// <param name="IsConflict">The change is refused because of the tenant's current state (other features depend on it), not because the request is malformed.</param>
public sealed record FeaturePlan(IReadOnlyList<string> Features, IReadOnlyList<string> Errors, bool IsConflict = false)
{
    public bool IsValid => Errors.Count == 0;
}
