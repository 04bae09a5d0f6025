using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Recipes;
using Workbench.KnowledgeBase.Domain;

namespace Workbench.KnowledgeBase.Recipes;

/// <summary><c>{"name": "knowledge-base", "items": [ &lt;the JSON POST /api/kb accepts&gt; ]}</c>; an existing id updates.</summary>
public sealed class KnowledgeBaseStep : IRecipeStepHandler
{
    public string StepName => "knowledge-base";
    public string? RequiredFeature => KnowledgeBaseManifest.Feature;

    public async Task ValidateAsync(RecipeStepContext context, CancellationToken ct)
    {
        var articles = context.Services.GetRequiredService<ArticleService>();
        var ids = context.ReadItems<ArticleInput>().Select(i => i.Item.Id).OfType<Guid>().ToHashSet();
        foreach (var (index, item) in context.ReadItems<ArticleInput>())
            // Related articles may be other items of the same step.
            foreach (var (field, messages) in await articles.ValidateAsync(item with { RelatedArticleIds = item.RelatedArticleIds?.Where(r => !ids.Contains(r)).ToList() }, item.Id, ct))
                foreach (var message in messages) context.Error($"$.items[{index}].{field}", message);
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken ct)
    {
        var articles = context.Services.GetRequiredService<ArticleService>();
        foreach (var (_, item) in context.ReadItems<ArticleInput>()) await articles.SaveAsync(item.Id, item, ct);
    }
}
