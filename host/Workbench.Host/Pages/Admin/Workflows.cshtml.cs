using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Workflows;
using Workbench.Platform.Workflows;

namespace Workbench.Host.Pages.Admin;

/// <summary>
/// Workflow types: the list, a JSON editor that refuses a definition with every reason, the rendered graph of the
/// selected type, and the activities available to write with.
/// </summary>
[Authorize(Policy = "permission:" + PermissionNames.ManageWorkflows)]
[RequiresFeature(PlatformFeatures.Admin)]
public sealed class WorkflowsModel(WorkflowEngine engine) : AdminPageModel
{
    public List<WorkflowType> Types { get; private set; } = [];
    public IReadOnlyCollection<IWorkflowActivity> Activities => engine.Activities;
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty] public string Json { get; set; } = "";
    public List<string> Errors { get; private set; } = [];
    public WorkflowDefinition? Selected { get; private set; }
    public string? Diagram { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Types = await engine.TypesAsync(ct);
        if (Types.FirstOrDefault(t => t.Name == Name) is { } type)
        {
            Json = JsonNode.Parse(type.Json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            Selected = WorkflowDefinitions.Parse(type.Json, engine.Activities).Definition;
            if (Selected is not null) Diagram = WorkflowDiagram.Svg(Selected, type.Title);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (type, errors) = await engine.SaveTypeAsync(Json, ct);
        if (type is not null)
        {
            StatusMessage = $"Darbplūsma \"{type.Name}\" saglabāta (versija {type.Version}).";
            return RedirectToPage(new { name = type.Name });
        }
        // The text stays in the editor with the reasons, so nothing typed is lost.
        Errors = errors;
        Types = await engine.TypesAsync(ct);
        return Page();
    }
}
