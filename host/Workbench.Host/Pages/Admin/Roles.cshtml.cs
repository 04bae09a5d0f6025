using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;
using Workbench.Platform;
using Workbench.Platform.Data;
using Workbench.Platform.Modules;
using Workbench.Platform.Security;

namespace Workbench.Host.Pages.Admin;

[Authorize(Policy = "permission:" + PermissionNames.ManageRoles)]
[RequiresFeature(PlatformManifest.Admin)]
public sealed class RolesModel(RoleService roles, ModuleCatalog catalog) : AdminPageModel
{
    public IReadOnlyList<(WorkbenchRole Role, IReadOnlyList<string> Permissions)> Roles { get; private set; } = [];
    public IReadOnlyList<PermissionDefinition> Permissions => catalog.Permissions.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();

    public async Task OnGetAsync(CancellationToken ct) => Roles = await roles.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(string name, string? description, string[] permissions, CancellationToken ct)
    {
        if (!RoleService.IsValidName(name)) return Done("Nederīgs lomas nosaukums (2–64 burti, cipari, atstarpes, '-', '_').", error: true);
        try { await roles.SaveAsync(name, description ?? "", permissions, ct); }
        catch (ArgumentException ex) { return Done(ex.Message, error: true); }
        return Done($"Loma \"{name}\" saglabāta.");
    }
}
