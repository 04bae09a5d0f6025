using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Abstractions.Security;
using Workbench.KnowledgeBase.Domain;

namespace Workbench.KnowledgeBase.Pages.Admin.Kb;

[Authorize(Policy = "permission:" + KnowledgeBaseManifest.ViewArticles)]
public sealed class ArticleModel(ArticleService articles, IPermissionService permissions) : PageModel
{
    public Domain.Article? Article { get; private set; }
    public string BodyHtml { get; private set; } = "";
    public List<ArticleVersion> Versions { get; private set; } = [];
    public List<ArticleAttachment> Attachments { get; private set; } = [];
    public IReadOnlyList<(LineDiff.Kind Kind, string Line)>? Diff { get; private set; }
    public bool CanManage => permissions.HasPermission(User, KnowledgeBaseManifest.ManageArticles);

    public async Task<IActionResult> OnGetAsync(Guid id, int? compare, CancellationToken ct)
    {
        Article = await articles.FindAsync(id, ct);
        if (Article is null) return NotFound();
        BodyHtml = SafeMarkdown.ToHtml(Article.Body);
        Versions = await articles.VersionsAsync(id, ct);
        Attachments = await articles.AttachmentsAsync(id, ct);
        if (compare is { } version && Versions.FirstOrDefault(v => v.Version == version) is { } old)
            Diff = LineDiff.Compare(old.Body, Article.Body);
        return Page();
    }
}
