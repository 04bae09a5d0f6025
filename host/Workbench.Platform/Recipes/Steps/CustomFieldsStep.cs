using Workbench.Abstractions.Modules;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.CustomFields;
using Workbench.Abstractions.Recipes;
using Workbench.Platform.CustomFields;

namespace Workbench.Platform.Recipes.Steps;

/// <summary><c>{"name": "custom-fields", "items": [{"recordType": "notices.notice", "key": "district", "label": "Apkaime", "type": "Choice", "choices": [...]}]}</c></summary>
public sealed class CustomFieldsStep : IRecipeStepHandler
{
    public string StepName => "custom-fields";
    public string? RequiredFeature => PlatformFeatures.CustomFields;

    public Task ValidateAsync(RecipeStepContext context, CancellationToken ct)
    {
        var service = context.Services.GetRequiredService<CustomFieldService>();
        foreach (var (index, item) in context.ReadItems<CustomFieldDefinition>())
        {
            var problems = service.Check(Normalize(item));
            foreach (var (field, message) in problems.Entries) context.Error($"$.items[{index}].{field}", message);
            if (problems.IsValid) service.Stage(Normalize(item));
        }
        return Task.CompletedTask;
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken ct)
    {
        var service = context.Services.GetRequiredService<CustomFieldService>();
        foreach (var (_, item) in context.ReadItems<CustomFieldDefinition>())
            await service.SaveAsync(Normalize(item), ct);
    }

    private static CustomFieldDefinition Normalize(CustomFieldDefinition item) => item with { Choices = item.Choices ?? [] };
}
