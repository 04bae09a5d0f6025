using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workbench.Abstractions;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;
using Workbench.Platform.Workflows;

namespace Workbench.Host.Pages.Admin;

/// <summary>Running, finished and failed workflow instances; one instance's history; a failed one's error and retry.</summary>
[Authorize(Policy = "permission:" + PermissionNames.ManageWorkflows)]
[RequiresFeature(PlatformFeatures.Admin)]
public sealed class WorkflowInstancesModel(WorkflowEngine engine) : AdminPageModel
{
    [BindProperty(SupportsGet = true)] public WorkflowStatus? State { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    public List<WorkflowInstance> Instances { get; private set; } = [];
    public (WorkflowInstance Instance, List<WorkflowHistoryEntry> History, List<WorkflowTask> Tasks)? Detail { get; private set; }
    public string? Diagram { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Instances = await engine.InstancesAsync(State, ct);
        if (Id is { } id && await engine.DetailAsync(id, ct) is { } detail)
        {
            Detail = detail;
            if (WorkflowDefinitions.Parse(detail.Instance.DefinitionJson, engine.Activities).Definition is { } definition)
                Diagram = WorkflowDiagram.Svg(definition, detail.Instance.TypeName, detail.Instance.Status == WorkflowStatus.Finished ? null : detail.Instance.CurrentActivity);
        }
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken ct)
    {
        try
        {
            var instance = await engine.RetryAsync(id, null, ct);
            StatusMessage = $"Instance atsākta: {instance.Status}.";
            StatusIsError = instance.Status == WorkflowStatus.Failed;
        }
        catch (Exception refusal) when (Refusals.Is(refusal)) { (StatusMessage, StatusIsError) = (refusal.Message, true); }
        return RedirectToPage(new { id });
    }
}
