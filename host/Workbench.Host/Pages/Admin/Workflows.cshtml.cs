using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workbench.Abstractions;
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

    public async Task<IActionResult> OnPostEnabledAsync(string name, bool enabled, CancellationToken ct)
    {
        try
        {
            var type = await engine.SetEnabledAsync(name, enabled, ct);
            StatusMessage = type.Enabled ? $"Darbplūsma \"{type.Name}\" ieslēgta." : $"Darbplūsma \"{type.Name}\" izslēgta: jaunas instances nesāksies, esošās turpinās.";
        }
        catch (Exception refusal) when (Refusals.Is(refusal)) { (StatusMessage, StatusIsError) = (refusal.Message, true); }
        return RedirectToPage(new { name });
    }

    /// <summary>Starts an instance by hand, with the variables given as a JSON object (or none).</summary>
    public async Task<IActionResult> OnPostStartAsync(string name, string? variables, CancellationToken ct)
    {
        JsonObject? given;
        try { given = string.IsNullOrWhiteSpace(variables) ? [] : JsonNode.Parse(variables) as JsonObject; }
        catch (JsonException) { given = null; }
        if (given is null)
        {
            (StatusMessage, StatusIsError) = ("Mainīgos norāda kā JSON objektu, piem. {\"amount\": 120}.", true);
            return RedirectToPage(new { name });
        }
        try
        {
            var instance = await engine.StartAsync(name, null, null, given, ct);
            StatusMessage = $"Darbplūsma \"{name}\" sākta.";
            return RedirectToPage("WorkflowInstances", new { id = instance.Id });
        }
        catch (Exception refusal) when (Refusals.Is(refusal))
        {
            (StatusMessage, StatusIsError) = (refusal.Message, true);
            return RedirectToPage(new { name });
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
