using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Recipes;
using Workbench.Abstractions.Records;
using Workbench.ServiceCards.Domain;

namespace Workbench.ServiceCards.Recipes;

/// <summary>
/// <c>{"name": "service-cards", "items": [ &lt;the JSON POST /api/service-cards accepts&gt; ]}</c>; an item with an existing
/// id updates that card. <c>"state": "Published"</c> publishes it (the publication rule applies).
/// </summary>
public sealed class ServiceCardsStep : IRecipeStepHandler
{
    public string StepName => "service-cards";
    public string? RequiredFeature => ServiceCardsManifest.Feature;

    public async Task ValidateAsync(RecipeStepContext context, CancellationToken ct)
    {
        var cards = context.Services.GetRequiredService<ServiceCardService>();
        var recipe = context.Services.GetRequiredService<IRecipeRunState>();
        foreach (var (index, item) in context.ReadItems<ServiceCardInput>())
        {
            foreach (var (field, messages) in await cards.ValidateAsync(item, item.Id, ct))
                foreach (var message in messages) context.Error($"$.items[{index}].{field}", message);
            if (item.State == CardState.Published)
                foreach (var problem in ServiceCardService.PublishProblems(item.Normalized()))
                    context.Error($"$.items[{index}].state", $"Nevar publicēt: {problem}.");
            // Later steps (a knowledge base article explaining the service) may link to the card before it exists.
            if (item.Id is { } id) recipe.Announce<IServiceCardDirectory>(id);
        }
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken ct)
    {
        var cards = context.Services.GetRequiredService<ServiceCardService>();
        foreach (var (_, item) in context.ReadItems<ServiceCardInput>())
        {
            var card = await cards.SaveAsync(item.Id, item, ct);
            if (item.State != CardState.Published || card.PublishedJson == card.WorkingJson) continue;
            await cards.SubmitAsync(card.Id, ct);
            await cards.ApproveAsync(card.Id, "recipe", ct);
        }
    }
}
