using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workbench.Abstractions.Security;
using Workbench.Cemetery.Domain;

namespace Workbench.Cemetery.Pages.Staff;

/// <summary>The cemeteries of the municipality, use rights ending soon, and the form that adds a cemetery.</summary>
[Authorize(Policy = "permission:" + CemeteryManifest.ViewCemetery)]
public sealed class IndexModel(CemeteryService cemeteries, UseRightService rights, IPermissionService permissions) : CemeteryPageModel(permissions)
{
    public List<Domain.Cemetery> Cemeteries { get; private set; } = [];
    public List<UseRight> Expiring { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Cemeteries = await cemeteries.ListAsync(ct);
        Expiring = await rights.ListAsync(null, 60, ct);
    }

    public Task<IActionResult> OnPostCreateAsync(string? name, CemeteryStatus status, string? address, int reuseYears, CancellationToken ct) => ActAsync(async () =>
    {
        var input = new CemeteryInput(name, status, address, ReuseYears: reuseYears);
        Require(CemeteryValidation.Validate(input));
        var cemetery = await cemeteries.CreateAsync(input, ct);
        return $"Kapsēta \"{cemetery.Name}\" pievienota.";
    });
}
