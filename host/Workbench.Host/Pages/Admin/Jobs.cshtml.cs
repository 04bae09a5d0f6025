using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;
using Workbench.Platform;
using Workbench.Platform.Jobs;

namespace Workbench.Host.Pages.Admin;

/// <summary>The host's background jobs with their last and next run and last error; any can be run by hand.</summary>
[Authorize(Policy = "permission:" + PermissionNames.ManageFeatures)]
[RequiresFeature(PlatformManifest.TenantAdministration)]
public sealed class JobsModel(JobsOverview overview, IAuditLog audit) : AdminPageModel
{
    public IReadOnlyList<JobsOverview.JobStatus> Jobs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Jobs = await overview.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(string name, CancellationToken ct)
    {
        if (!await overview.RunNowAsync(name, ct)) return Done($"Nav tāda fona darba \"{name}\".", error: true);
        await audit.AppendAsync("jobs.triggered", name, cancellationToken: ct);
        return Done($"Fona darbs \"{name}\" palaists.");
    }
}
