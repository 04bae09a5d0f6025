using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Recipes;
using Workbench.Abstractions.Search;
using Workbench.ServiceCards.Search;
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
        var search = context.Services.GetRequiredService<ISearchIndex>();
        foreach (var (index, item) in context.ReadItems<ServiceCardInput>())
        {
            foreach (var (field, messages) in await cards.ValidateAsync(item, item.Id, ct))
                foreach (var message in messages) context.Error($"$.items[{index}].{field}", message);
            if (item.State == CardState.Published)
                foreach (var problem in ServiceCardService.PublishProblems(item.Normalized()))
                    context.Error($"$.items[{index}].state", $"Nevar publicēt: {problem}.");
            if (item.Id is { } id) search.Stage(ServiceCardsManifest.Feature, ServiceCardSearchSource.Type, id.ToString());
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
