using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;

namespace Workbench.Cemetery;

public sealed class CemeteryManifest : IModuleManifestProvider
{
    public const string Feature = "Workbench.Cemetery";
    /// <summary>The cemetery administrator (kapsētu pārzinis) and the specialist who signs use-right contracts.</summary>
    public const string ManageCemetery = "ManageCemetery";
    public const string ViewCemetery = "ViewCemetery";
    /// <summary>Personal codes of the deceased and of holders: restricted data.</summary>
    public const string ViewCemeteryPersonalData = "ViewCemeteryPersonalData";

    public ModuleManifest Manifest { get; } = new()
    {
        Id = Feature,
        Name = "Kapsētu reģistrs",
        Description = "Kapsētas, kapavietas, apbedījumi un uzturēšanas tiesības.",
        Version = "0.1.0",
        HostApiRange = "[1.0,2.0)",
        Features = [new(Feature, "Kapsētu reģistrs", "Cemeteries with their schemes, grave sites, burials, use rights and fees, burial scheduling, public grave search, FPRIS notifications.")],
        Permissions =
        [
            new(ManageCemetery, "Manage cemeteries, grave sites, burials and use rights", [BuiltInRoles.Editor]),
            new(ViewCemetery, "See the cemetery register (sites, burials, use rights, holders)", [BuiltInRoles.Editor, BuiltInRoles.Specialist, BuiltInRoles.Viewer]),
            new(ViewCemeteryPersonalData, "See personal codes of the deceased and of holders", [BuiltInRoles.Editor]),
        ],
        Navigation = [new("Kapsētas", "Cemeteries", "admin/cemetery", Feature, ViewCemetery, 40)],
        PublicNavigation = [new("Kapu meklēšana", "Grave search", "kapi", Feature)],
    };
}
