using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Tenants;
using Workbench.Platform;
using Workbench.Platform.Data;
using Workbench.Platform.Recipes.Steps;
using Workbench.Platform.Tenants;

namespace Workbench.Host.Pages.Admin;

[Authorize(Policy = "permission:" + PermissionNames.ManageSettings)]
[RequiresFeature(PlatformManifest.Admin)]
public sealed class SettingsModel(ITenantContext tenant, SiteSettingsStore store, TenantDatabaseSession session, IAuditLog audit, TenantRegistry registry) : AdminPageModel
{
    public SiteSettings Settings => tenant.Required.Settings;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(string siteName, string culture, string timeZone, string? coatOfArmsUrl, string primaryColor, string accentColor, CancellationToken ct)
    {
        var settings = new SiteSettings
        {
            SiteName = siteName?.Trim() ?? "",
            Culture = culture,
            TimeZone = timeZone,
            Branding = new Branding { CoatOfArmsUrl = string.IsNullOrWhiteSpace(coatOfArmsUrl) ? null : coatOfArmsUrl, PrimaryColor = primaryColor, AccentColor = accentColor },
        };
        var problems = SiteSettingsValidator.Validate(settings).ToList();
        if (problems.Count > 0) return Done(string.Join(" ", problems.Select(p => p.Message)), error: true);
        await session.InTransactionAsync(async () =>
        {
            await store.SaveAsync(settings, ct);
            await audit.AppendAsync("settings.saved", "site", settings, ct);
        }, ct);
        await registry.BumpAsync(tenant.Required.Name, ct);
        return Done("Iestatījumi saglabāti.");
    }
}
