using Workbench.Abstractions.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.OpenId;
using Workbench.Platform.Tenants;

namespace Workbench.Platform.Workplace;

/// <summary>A client of the Workbench provider shown in a municipality's workplace, with its pending-count endpoint.</summary>
public sealed record ExternalApplication(string ClientId, string Name, string Url, string? PendingUrl, IReadOnlyCollection<string> Tenants);

/// <summary>
/// The provider's clients that have a workplace address, read from the competence centre at most every
/// <see cref="Refresh"/> (every workplace page shows them); an application serves the municipalities in its TenantRoles.
/// </summary>
public sealed class WorkplaceApplications(TenantRegistry registry, TenantScopes scopes, TimeProvider clock) : IOpenIdApplicationListener
{
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private IReadOnlyList<ExternalApplication> _all = [];
    private DateTimeOffset _loaded = DateTimeOffset.MinValue;

    public async Task<IReadOnlyList<ExternalApplication>> ForTenantAsync(string tenant, CancellationToken ct) =>
        (await AllAsync(ct)).Where(a => a.Tenants.Contains(tenant)).ToList();

    private async Task<IReadOnlyList<ExternalApplication>> AllAsync(CancellationToken ct)
    {
        if (clock.GetUtcNow() - _loaded < Refresh) return _all;
        await _lock.WaitAsync(ct);
        try
        {
            if (clock.GetUtcNow() - _loaded < Refresh) return _all;
            if (registry.Find(TenantNames.CompetenceCentre) is { Info: { } provider } && provider.IsFeatureEnabled(PlatformFeatures.OpenIdServer))
            {
                await using var scope = scopes.Create(provider, "system");
                var clients = await scope.ServiceProvider.GetRequiredService<OpenIdDbContext>().Applications.AsNoTracking()
                    .Where(a => a.WorkplaceUrl != null).OrderBy(a => a.DisplayName).ToListAsync(ct);
                _all = clients.Select(a => new ExternalApplication(a.ClientId, a.DisplayName, a.WorkplaceUrl!, a.PendingUrl, a.TenantRoles().Keys.ToList())).ToList();
            }
            else _all = [];
            _loaded = clock.GetUtcNow();
            return _all;
        }
        finally { _lock.Release(); }
    }

    /// <summary>After a client is saved or deleted, so the workplaces show the change at once.</summary>
    public void ApplicationsChanged() => _loaded = DateTimeOffset.MinValue;
}
