using Workbench.Abstractions.Modules;

namespace Workbench.CivilProtection;

public sealed class CivilProtectionManifest : IModuleManifestProvider
{
    public const string Feature = "Workbench.CivilProtection";
    /// <summary>Restricted-access information: without it every page, API answer, search hit and export is absent (404).</summary>
    public const string ViewCivilProtection = "ViewCivilProtection";
    /// <summary>The civil protection specialist: register, scenarios, commitments.</summary>
    public const string ManageCivilProtection = "ManageCivilProtection";

    public ModuleManifest Manifest { get; } = new()
    {
        Id = Feature,
        Name = "Civilās aizsardzības resursi",
        Description = "Resursi, patvertnes, krīzes scenāriji, evakuācijas ceļi, apziņošanas saraksti un gatavība.",
        Version = "0.1.0",
        HostApiRange = "[1.0,2.0)",
        Features = [new(Feature, "Civilās aizsardzības resursi", "Resource register after NIMS typing, shelters and gathering points, crisis scenarios with areas, routes and alerting lists, readiness, map, CSV/GeoJSON/CAP 1.2; restricted access.")],
        // No built-in role holds these: a municipality grants them to the roles of its civil protection specialist and commission.
        Permissions =
        [
            new(ViewCivilProtection, "See the civil protection register, scenarios, alerting lists, readiness and exports (restricted access)"),
            new(ManageCivilProtection, "Change the civil protection register and scenarios, commit and release resources"),
        ],
        Navigation =
        [
            new("Civilā aizsardzība", "Civil protection", "admin/civil-protection", Feature, ViewCivilProtection, 40),
            new("CA karte", "Civil protection map", "admin/civil-protection/map", Feature, ViewCivilProtection, 41),
        ],
        PublicNavigation = [new("Patvertnes un pulcēšanās vietas", "Shelters and gathering points", "shelters", Feature)],
    };
}
