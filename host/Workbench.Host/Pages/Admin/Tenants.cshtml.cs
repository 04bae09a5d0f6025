using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;
using Workbench.Platform;
using Workbench.Platform.Recipes;
using Workbench.Platform.Setup;
using Workbench.Platform.Tenants;

namespace Workbench.Host.Pages.Admin;

[Authorize(Policy = "permission:" + PermissionNames.ManageFeatures)]
[RequiresFeature(PlatformManifest.TenantAdministration)]
public sealed class TenantsModel(TenantRegistry registry, TenantSetup setup, RecipeFolder recipes) : AdminPageModel
{
    public IReadOnlyList<TenantShell> Tenants => registry.All;
    public IReadOnlyList<string> Recipes => recipes.List().Select(r => r.Name).ToList();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(string name, string recipe, CancellationToken ct)
    {
        var result = await setup.CreateAsync(new TenantCreateRequest(name, recipe), User.Identity?.Name ?? "admin", ct);
        return result.Succeeded ? Done($"Pašvaldība \"{name}\" izveidota.") : Done(string.Join(" ", result.Errors), error: true);
    }
}
