using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workbench.Abstractions.Security;
using Workbench.Cemetery.Domain;

namespace Workbench.Cemetery.Pages.Staff;

/// <summary>The caretaker's day: each burial slot, who is buried in which site, coffin or urn, how deep.</summary>
[Authorize(Policy = "permission:" + CemeteryManifest.ViewCemetery)]
public sealed class DayModel(BurialService burials, IPermissionService permissions) : CemeteryPageModel(permissions)
{
    public DaySchedule Schedule { get; private set; } = null!;
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        try { Schedule = await burials.DayAsync(id, Date ?? burials.Today, ct); }
        catch (KeyNotFoundException) { return NotFound(); }
        return Page();
    }
}
