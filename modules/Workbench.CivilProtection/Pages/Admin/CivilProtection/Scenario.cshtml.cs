using Microsoft.AspNetCore.Mvc;
using Workbench.CivilProtection.Domain;

namespace Workbench.CivilProtection.Pages.Admin.CivilProtection;

/// <summary>One scenario without its alerting list (that page is separate, because every read of it is audited).</summary>
public sealed class ScenarioModel(ScenarioService scenarios, RegisterService register) : CivilProtectionPageModel
{
    public ScenarioView? View { get; private set; }
    public Dictionary<Guid, string> Shelters { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await scenarios.FindAsync(id, ct) is null) return NotFound();
        View = await scenarios.ViewAsync(id, ct);
        Shelters = (await register.SheltersAsync(publicOnly: false, ct)).ToDictionary(s => s.Id, s => s.Name);
        return Page();
    }
}
