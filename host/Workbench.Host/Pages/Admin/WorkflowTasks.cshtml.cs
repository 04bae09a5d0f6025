using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workbench.Abstractions;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;
using Workbench.Platform.Workflows;

namespace Workbench.Host.Pages.Admin;

/// <summary>The signed-in person's open workflow tasks (their own and their roles'), each completed with an outcome.</summary>
[Authorize(Policy = "permission:" + PermissionNames.AccessAdmin)]
[RequiresFeature(PlatformFeatures.Admin)]
public sealed class WorkflowTasksModel(WorkflowEngine engine, IPermissionService permissions) : AdminPageModel
{
    public List<WorkflowTask> Tasks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Tasks = await engine.OpenTasksAsync(User, ct);

    public async Task<IActionResult> OnPostAsync(Guid id, string? outcome, CancellationToken ct)
    {
        try
        {
            await engine.CompleteTaskAsync(id, outcome, User, permissions.HasPermission(User, PermissionNames.ManageWorkflows), ct);
            return Done("Uzdevums izpildīts.");
        }
        catch (Exception refusal) when (Refusals.Is(refusal))
        {
            return Done(refusal.Message, error: true);
        }
    }
}
