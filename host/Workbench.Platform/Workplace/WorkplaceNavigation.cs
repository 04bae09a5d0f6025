using System.Security.Claims;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Modules;

namespace Workbench.Platform.Workplace;

public sealed class WorkplaceNavigation(ModuleCatalog catalog, ITenantContext tenant, IPermissionService permissions, WorkplaceApplications applications) : IWorkplaceNavigation
{
    public async Task<IReadOnlyList<WorkplaceApplication>> GetApplicationsAsync(CancellationToken cancellationToken) =>
        tenant.Current is not { } current ? [] : (await applications.ForTenantAsync(current.Name, cancellationToken)).Select(a => new WorkplaceApplication(a.Name, a.Url)).ToList();

    public IReadOnlyList<NavigationItem> GetItems(ClaimsPrincipal user) =>
        Enabled(m => m.Navigation).Where(item => item.Permission is null || permissions.HasPermission(user, item.Permission)).ToList();

    public IReadOnlyList<NavigationItem> GetPublicItems() => Enabled(m => m.PublicNavigation).ToList();

    private IEnumerable<NavigationItem> Enabled(Func<ModuleManifest, IEnumerable<NavigationItem>> items) =>
        tenant.Current is not { } current ? []
            : catalog.Loaded.SelectMany(m => items(m.Manifest!))
                .Where(item => current.IsFeatureEnabled(item.Feature))
                .OrderBy(item => item.Order).ThenBy(item => item.Text, StringComparer.Ordinal);
}
