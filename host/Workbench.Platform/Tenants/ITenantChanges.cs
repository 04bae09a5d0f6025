namespace Workbench.Platform.Tenants;

/// <summary>
/// Announces a committed change to a tenant's configuration (features, roles, a recipe run) so that this and every
/// other host process reloads the tenant. Features, security and recipes raise it without knowing who listens; the
/// registry does (it bumps the tenant's version, <see cref="TenantRegistry.BumpAsync"/>).
/// </summary>
public interface ITenantChanges
{
    Task ChangedAsync(string tenant, CancellationToken ct);
}
