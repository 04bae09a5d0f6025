using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Tenants;
using Workbench.KnowledgeBase.Domain;

namespace Workbench.KnowledgeBase.Pages.Admin.Kb;

[Authorize(Policy = "permission:" + KnowledgeBaseManifest.ViewArticles)]
public sealed class IndexModel(ArticleService articles, IPermissionService permissions, ITenantContext tenant) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool Stale { get; set; }
    public List<Article> Articles { get; private set; } = [];
    public bool CanManage => permissions.HasPermission(User, KnowledgeBaseManifest.ManageArticles);
    public DateOnly Today => tenant.Required.Settings.Today();

    public async Task OnGetAsync(CancellationToken ct) =>
        Articles = Stale ? await articles.StaleAsync(ct) : await articles.ListAsync(includeInternal: true, ct);
}
