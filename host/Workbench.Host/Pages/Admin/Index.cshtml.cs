using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Tenants;
using Workbench.Platform;
using Workbench.Platform.Data;

namespace Workbench.Host.Pages.Admin;

[Authorize(Policy = "permission:" + PermissionNames.AccessAdmin)]
[RequiresFeature(PlatformManifest.Admin)]
public sealed class DashboardModel(ITenantContext tenant, PlatformDbContext db) : PageModel
{
    public string SiteName => tenant.Required.Settings.SiteName;
    public int EnabledCount => tenant.Required.EnabledFeatures.Count;
    public List<AuditEntry> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Recent = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Take(10).ToListAsync(ct);
}
