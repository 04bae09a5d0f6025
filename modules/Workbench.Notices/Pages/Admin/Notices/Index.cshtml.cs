using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Tenants;
using Workbench.Notices.Domain;

namespace Workbench.Notices.Pages.Admin.Notices;

[Authorize(Policy = "permission:" + NoticesManifest.ViewNotices)]
public sealed class IndexModel(NoticeService notices, IPermissionService permissions, ITenantContext tenant) : PageModel
{
    public List<Notice> Notices { get; private set; } = [];
    public bool CanManage => permissions.HasPermission(User, NoticesManifest.ManageNotices);

    public async Task OnGetAsync(CancellationToken ct) =>
        Notices = await notices.ListAsync(includeInternal: true, tenant.Required.Settings.Today(), ct);
}
