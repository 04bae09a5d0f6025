using Microsoft.AspNetCore.Mvc;
using Workbench.CivilProtection.Domain;

namespace Workbench.CivilProtection.Pages.Admin.CivilProtection;

/// <summary>The commission's readiness dashboard: every scenario's gaps, in red.</summary>
public sealed class ReadinessModel(Readiness readiness) : CivilProtectionPageModel
{
    [BindProperty(SupportsGet = true)] public int? Months { get; set; }
    public List<ReadinessView> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Items = await readiness.AllAsync(Months, ct);
        Months = Items.FirstOrDefault()?.StaleAfterMonths ?? Readiness.DefaultStaleMonths;
    }
}
