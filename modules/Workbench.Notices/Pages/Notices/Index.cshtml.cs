using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Tenants;
using Workbench.Notices.Domain;

namespace Workbench.Notices.Pages.Notices;

[RequiresFeature(PlatformFeatures.PublicSite)]
public sealed class PublicListModel(NoticeService notices, ITenantContext tenant) : PageModel
{
    public List<Notice> Notices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Notices = await notices.ListAsync(includeInternal: false, tenant.Required.Settings.Today(), ct);
}
