using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Recipes;
using Workbench.Abstractions.Workflows;

namespace Workbench.Platform.Workflows;

/// <summary>
/// Orchard Core's <c>WorkflowType</c> step: <c>{"name": "WorkflowType", "data": [{workflow type JSON}, …]}</c>; each
/// type is checked as the editor checks it, and saved as a new version when it exists.
/// </summary>
public sealed class WorkflowTypeStep : IRecipeStepHandler
{
    public string StepName => "WorkflowType";
    public string? RequiredFeature => null;

    public Task ValidateAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var activities = context.Services.GetServices<IWorkflowActivity>().ToList();
        foreach (var (type, i) in Types(context))
            foreach (var error in WorkflowDefinitions.Parse(type.ToJsonString(), activities).Errors) context.Error($"$.data[{i}]", error);
        return Task.CompletedTask;
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var engine = context.Services.GetRequiredService<WorkflowEngine>();
        foreach (var (type, i) in Types(context))
        {
            // Checked again with the tenant's features as the recipe leaves them: a module's activity needs its module.
            var (_, errors) = await engine.SaveTypeAsync(type.ToJsonString(), cancellationToken);
            if (errors.Count > 0) throw new InvalidOperationException($"$.data[{i}]: {string.Join(" ", errors)}");
        }
    }

    private static IEnumerable<(JsonObject Type, int Index)> Types(RecipeStepContext context)
    {
        if (context.Step["data"] is not JsonArray data)
        {
            context.Error("$.data", "Solim vajag masīvu \"data\" ar darbplūsmu tipiem.");
            yield break;
        }
        for (var i = 0; i < data.Count; i++)
            if (data[i] is JsonObject type) yield return (type, i);
            else context.Error($"$.data[{i}]", "Darbplūsmas tips ir JSON objekts.");
    }
}
