using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Tenants;
using Workbench.Platform;
using Workbench.Platform.Tenants;

namespace Workbench.Host.Pages;

/// <summary>Without a tenant: the list of municipalities. In a tenant: its public home page (or the workplace when the public site is off).</summary>
[HostEndpoint]
public sealed class IndexModel(ITenantContext tenantContext, TenantRegistry registry, IWorkplaceNavigation navigation) : PageModel
{
    public TenantInfo? Tenant => tenantContext.Current;
    public IReadOnlyList<TenantShell> Tenants => registry.All;
    public IReadOnlyList<NavigationItem> PublicLinks => navigation.GetPublicItems();

    public IActionResult OnGet() =>
        Tenant is not null && !Tenant.IsFeatureEnabled(PlatformManifest.PublicSite) ? Redirect(Url.Content("~/admin")) : Page();
}
