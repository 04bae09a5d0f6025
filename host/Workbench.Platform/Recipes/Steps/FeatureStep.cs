using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Recipes;
using Workbench.Platform.Features;

namespace Workbench.Platform.Recipes.Steps;

/// <summary><c>{"name": "feature", "enable": [...], "disable": [...]}</c></summary>
public sealed class FeatureStep : IRecipeStepHandler
{
    public string StepName => "feature";
    public string? RequiredFeature => null;

    public Task ValidateAsync(RecipeStepContext context, CancellationToken ct)
    {
        var state = context.Services.GetRequiredService<RecipeRunState>();
        var manager = context.Services.GetRequiredService<FeatureManager>();
        var (enable, disable) = (Ids(context, "enable"), Ids(context, "disable"));
        var enablePlan = manager.PlanEnable(state.EnabledFeatures, enable);
        foreach (var error in enablePlan.Errors) context.Error("$.enable", error);
        foreach (var id in enablePlan.Features)
        {
            state.EnabledFeatures.Add(id);
            state.NewlyEnabled.Add(id);
        }
        var disablePlan = manager.PlanDisable(state.EnabledFeatures, disable);
        foreach (var error in disablePlan.Errors) context.Error("$.disable", error);
        state.EnabledFeatures.ExceptWith(disablePlan.Features);
        return Task.CompletedTask;
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken ct)
    {
        var manager = context.Services.GetRequiredService<FeatureManager>();
        var enabled = await manager.EnabledAsync(ct);
        var enable = manager.PlanEnable(enabled, Ids(context, "enable")).Features;
        var disable = manager.PlanDisable(enabled.Union(enable).ToHashSet(), Ids(context, "disable")).Features;
        await manager.ApplyAsync(enable, disable, ct);
    }

    private static List<string> Ids(RecipeStepContext context, string property)
    {
        if (context.Step[property] is null) return [];
        if (context.Step[property] is not JsonArray array)
        {
            context.Error($"$.{property}", "Jābūt funkciju identifikatoru masīvam.");
            return [];
        }
        return array.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : "").ToList();
    }
}
