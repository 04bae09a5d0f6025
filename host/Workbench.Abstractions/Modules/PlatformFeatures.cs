namespace Workbench.Abstractions.Modules;

/// <summary>Feature ids of the platform itself, for modules that build on them (e.g. public pages need the public site).</summary>
public static class PlatformFeatures
{
    public const string Admin = "Workbench.Admin";
    public const string CustomFields = "Workbench.CustomFields";
    public const string PublicSite = "Workbench.PublicSite";
    public const string TenantAdministration = "Workbench.TenantAdministration";
    public const string OpenIdServer = "Workbench.OpenId.Server";
}
