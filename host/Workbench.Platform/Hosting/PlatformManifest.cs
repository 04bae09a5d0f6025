using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;
using Workbench.Platform.Jobs;
using Workbench.Platform.OpenId;
using Workbench.Platform.Outbox;
using Workbench.Platform.Search;
using Workbench.Platform.Workflows;

namespace Workbench.Platform;

/// <summary>
/// The platform's own features, toggled per tenant like any module's. The core's permissions and pages are declared
/// here; each subsystem declares its own beside its services (<c>WorkflowsStartup.Permissions</c>, <c>…Navigation</c>).
/// </summary>
public sealed class PlatformManifest : IModuleManifestProvider
{
    public const string Admin = PlatformFeatures.Admin;
    public const string CustomFields = PlatformFeatures.CustomFields;
    public const string PublicSite = PlatformFeatures.PublicSite;
    public const string TenantAdministration = PlatformFeatures.TenantAdministration;
    public const string OpenIdServer = PlatformFeatures.OpenIdServer;

    public ModuleManifest Manifest { get; } = new()
    {
        Id = "Workbench.Platform",
        Name = "Platforma",
        Description = "Darbavieta, lomas, lietotāji, receptes un audits.",
        Version = "1.0.0",
        HostApiRange = "[1.0,2.0)",
        Features =
        [
            new(Admin, "Darbinieku darbavieta", "Staff workplace: modules, roles, users, recipes, audit log."),
            new(CustomFields, "Pielāgojami lauki", "Administrators add typed fields to record types.", [Admin]),
            new(PublicSite, "Publiskā vietne", "The municipality's public pages."),
            new(TenantAdministration, "Pašvaldību pārvaldība", "Create and list tenants (competence centre only).", [Admin], DefaultTenantOnly: true),
            OpenIdStartup.Feature,
        ],
        Permissions =
        [
            new(PermissionNames.AccessAdmin, "Open the staff workplace", [BuiltInRoles.Editor, BuiltInRoles.Specialist, BuiltInRoles.Viewer]),
            new(PermissionNames.ManageFeatures, "Enable and disable modules"),
            new(PermissionNames.ManageRoles, "Manage roles and their permissions"),
            new(PermissionNames.ManageUsers, "Manage staff accounts"),
            new(PermissionNames.ManageSettings, "Change site settings and branding"),
            new(PermissionNames.ManageCustomFields, "Add and remove custom fields"),
            new(PermissionNames.RunRecipes, "Run recipes"),
            new(PermissionNames.ViewAuditLog, "Read and verify the audit log"),
            .. WorkflowsStartup.Permissions,
            .. OpenIdStartup.Permissions,
        ],
        Navigation =
        [
            new("Moduļi", "Modules", "admin/features", Admin, PermissionNames.ManageFeatures, 900),
            new("Lomas", "Roles", "admin/roles", Admin, PermissionNames.ManageRoles, 910),
            new("Lietotāji", "Users", "admin/users", Admin, PermissionNames.ManageUsers, 920),
            new("Pielāgojami lauki", "Custom fields", "admin/custom-fields", CustomFields, PermissionNames.ManageCustomFields, 930),
            new("Iestatījumi", "Settings", "admin/settings", Admin, PermissionNames.ManageSettings, 940),
            new("Receptes", "Recipes", "admin/recipes", Admin, PermissionNames.RunRecipes, 950),
            new("Audita žurnāls", "Audit log", "admin/audit", Admin, PermissionNames.ViewAuditLog, 960),
            new("Pašvaldības", "Tenants", "admin/tenants", TenantAdministration, PermissionNames.ManageFeatures, 970),
            .. WorkflowsStartup.Navigation,
            .. SearchStartup.Navigation,
            .. OutboxStartup.Navigation,
            .. JobsStartup.Navigation,
            .. OpenIdStartup.Navigation,
        ],
    };
}
