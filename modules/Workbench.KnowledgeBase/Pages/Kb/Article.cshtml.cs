using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Abstractions.Modules;
using Workbench.KnowledgeBase.Domain;

namespace Workbench.KnowledgeBase.Pages.Kb;

[RequiresFeature(PlatformFeatures.PublicSite)]
public sealed class PublicArticleModel(ArticleService articles) : PageModel
{
    public Domain.Article? Article { get; private set; }
    public string BodyHtml { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Article = await articles.FindAsync(id, ct);
        if (Article is not { IsPublic: true }) return NotFound();
        BodyHtml = SafeMarkdown.ToHtml(Article.Body);
        return Page();
    }
}
