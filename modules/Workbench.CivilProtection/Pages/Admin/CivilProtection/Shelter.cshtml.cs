using Microsoft.AspNetCore.Mvc;
using Workbench.CivilProtection.Domain;

namespace Workbench.CivilProtection.Pages.Admin.CivilProtection;

public sealed class ShelterModel(RegisterService register) : CivilProtectionPageModel
{
    public Shelter? Item { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => (Item = await register.ShelterAsync(id, ct)) is null ? NotFound() : Page();
}
