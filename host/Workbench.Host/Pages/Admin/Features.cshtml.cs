using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Tenants;
using Workbench.Platform;
using Workbench.Platform.Features;
using Workbench.Platform.Modules;

namespace Workbench.Host.Pages.Admin;

[Authorize(Policy = "permission:" + PermissionNames.ManageFeatures)]
[RequiresFeature(PlatformManifest.Admin)]
public sealed class FeaturesModel(ModuleCatalog catalog, ITenantContext tenant, FeatureManager features) : AdminPageModel
{
    public IReadOnlyList<ModuleDescriptor> Modules => catalog.Modules;
    public bool IsDefaultTenant => tenant.Required.IsDefaultTenant;
    public bool IsEnabled(string feature) => tenant.Required.IsFeatureEnabled(feature);

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(string id, bool enable, CancellationToken ct)
    {
        var plan = enable ? await features.EnableAsync([id], ct) : await features.DisableAsync([id], ct);
        if (!plan.IsValid) return Done(string.Join(" ", plan.Errors), error: true);
        return Done(plan.Features.Count == 0 ? "Nekas nav mainīts." : $"{(enable ? "Ieslēgts" : "Izslēgts")}: {string.Join(", ", plan.Features)}");
    }
}
