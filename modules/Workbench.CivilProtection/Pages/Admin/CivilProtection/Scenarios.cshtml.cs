using Workbench.CivilProtection.Domain;

namespace Workbench.CivilProtection.Pages.Admin.CivilProtection;

public sealed class ScenariosModel(ScenarioService scenarios) : CivilProtectionPageModel
{
    public List<Scenario> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await scenarios.ScenariosAsync(ct);
}
