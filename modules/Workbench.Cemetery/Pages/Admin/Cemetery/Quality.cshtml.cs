using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workbench.Abstractions.Security;
using Workbench.Cemetery.Domain;

namespace Workbench.Cemetery.Pages.Staff;

/// <summary>The data-quality report with the one safe fix (ending expired use rights); everything else links to the site to look at.</summary>
[Authorize(Policy = "permission:" + CemeteryManifest.ViewCemetery)]
public sealed class QualityModel(DataQuality quality, IPermissionService permissions) : CemeteryPageModel(permissions)
{
    public List<QualityIssue> Issues { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Issues = await quality.ReportAsync(null, ct);

    public Task<IActionResult> OnPostEndExpiredAsync(CancellationToken ct) => ActAsync(async () => $"Beigušās tiesības atzīmētas: {await quality.EndExpiredUseRightsAsync(ct)}.");
}
