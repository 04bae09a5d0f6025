using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Recipes;
using Workbench.Notices.Domain;

namespace Workbench.Notices.Recipes;

/// <summary><c>{"name": "notices", "items": [ &lt;the JSON POST /api/notices accepts&gt; ]}</c></summary>
public sealed class NoticesStep : IRecipeStepHandler
{
    public string StepName => "notices";
    public string? RequiredFeature => NoticesManifest.Feature;

    public async Task ValidateAsync(RecipeStepContext context, CancellationToken ct)
    {
        var notices = context.Services.GetRequiredService<NoticeService>();
        foreach (var (index, item) in context.ReadItems<NoticeInput>())
            foreach (var (field, messages) in await notices.ValidateAsync(item, ct))
                foreach (var message in messages) context.Error($"$.items[{index}].{field}", message);
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken ct)
    {
        var notices = context.Services.GetRequiredService<NoticeService>();
        foreach (var (_, item) in context.ReadItems<NoticeInput>()) await notices.SaveAsync(item, ct);
    }
}
