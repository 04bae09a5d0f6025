namespace Workbench.Abstractions.Modules;

/// <summary>Everything the host needs to know about a module without running its code.</summary>
public sealed record ModuleManifest
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public required string Version { get; init; }

    /// <summary>NuGet-style interval of host-API versions, e.g. <c>[1.0,2.0)</c>.</summary>
    public required string HostApiRange { get; init; }

    /// <summary>Features of the module; when empty, the module is one feature with the module's id.</summary>
    public IReadOnlyList<FeatureManifest> Features { get; init; } = [];
    public IReadOnlyList<PermissionDefinition> Permissions { get; init; } = [];
    public IReadOnlyList<NavigationItem> Navigation { get; init; } = [];

    /// <summary>Links on the municipality's public home page.</summary>
    public IReadOnlyList<NavigationItem> PublicNavigation { get; init; } = [];
}

/// <param name="Dependencies">Feature ids enabled together with this one.</param>
/// <param name="DefaultTenantOnly">Only the competence-centre tenant may enable it.</param>
public sealed record FeatureManifest(
    string Id,
    string Name,
    string Description = "",
    IReadOnlyList<string>? Dependencies = null,
    bool DefaultTenantOnly = false)
{
    public IReadOnlyList<string> Dependencies { get; init; } = Dependencies ?? [];
}

/// <param name="DefaultRoles">Built-in roles granted this permission when a tenant is set up.</param>
public sealed record PermissionDefinition(string Name, string Description, IReadOnlyList<string>? DefaultRoles = null)
{
    public IReadOnlyList<string> DefaultRoles { get; init; } = DefaultRoles ?? [];
}

/// <summary>An entry of the staff workplace menu. <paramref name="Url"/> is relative to the tenant, e.g. <c>admin/notices</c>.</summary>
public sealed record NavigationItem(string Text, string TextEn, string Url, string Feature, string? Permission = null, int Order = 100);
