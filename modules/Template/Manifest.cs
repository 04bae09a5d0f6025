using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;

namespace Acme.Module;

/// <summary>What the host needs to know about this module: id, version, the host API it was built for, features, permissions, menu.</summary>
public sealed class ModuleManifestProvider : IModuleManifestProvider
{
    public const string Feature = "Acme.Module";
    public const string ViewPermission = "ViewAcmeModule";

    public ModuleManifest Manifest { get; } = new()
    {
        Id = Feature,
        Name = "Acme.Module",
        Description = "A module made from the Workbench template.",
        Version = "1.0.0",
        HostApiRange = "[1.0,2.0)",
        Features = [new(Feature, "Acme.Module")],
        Permissions = [new(ViewPermission, "Open the Acme.Module page", [BuiltInRoles.Editor, BuiltInRoles.Specialist, BuiltInRoles.Viewer])],
        Navigation = [new("Acme.Module", "Acme.Module", "acme-module", Feature, ViewPermission)],
    };
}
