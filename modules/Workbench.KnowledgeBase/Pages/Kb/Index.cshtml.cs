using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Abstractions.Modules;
using Workbench.KnowledgeBase.Domain;

namespace Workbench.KnowledgeBase.Pages.Kb;

[RequiresFeature(PlatformFeatures.PublicSite)]
public sealed class PublicListModel(ArticleService articles) : PageModel
{
    public List<Article> Articles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Articles = await articles.ListAsync(includeInternal: false, ct);
}
