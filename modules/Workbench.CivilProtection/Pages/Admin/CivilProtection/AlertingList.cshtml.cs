using Microsoft.AspNetCore.Mvc;
using Workbench.CivilProtection.Domain;

namespace Workbench.CivilProtection.Pages.Admin.CivilProtection;

/// <summary>A scenario's alerting list; opening the page is an audited read, like the API's.</summary>
public sealed class AlertingListModel(ScenarioService scenarios) : CivilProtectionPageModel
{
    public AlertingListView? List { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await scenarios.FindAsync(id, ct) is null) return NotFound();
        List = await scenarios.AlertingListAsync(id, "page", ct);
        return Page();
    }

    public Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken ct) =>
        ActAsync(async () => $"Apziņošanas saraksts apstiprināts {(await scenarios.ConfirmAlertingListAsync(id, ct)).AlertingListConfirmedOn:dd.MM.yyyy}.");
}
