using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workbench.Abstractions.Security;
using Workbench.Cemetery.Domain;

namespace Workbench.Cemetery.Pages.Staff;

/// <summary>Current use rights ending within the chosen number of days (default 90), soonest first.</summary>
[Authorize(Policy = "permission:" + CemeteryManifest.ViewCemetery)]
public sealed class UseRightsModel(UseRightService rights, IPermissionService permissions) : CemeteryPageModel(permissions)
{
    public List<UseRight> Rights { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public int Days { get; set; } = 90;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Days = Math.Clamp(Days, 0, 3650);
        Rights = await rights.ListAsync(null, Days, ct);
    }
}
