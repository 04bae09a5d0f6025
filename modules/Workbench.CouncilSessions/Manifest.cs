using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;

namespace Workbench.CouncilSessions;

public sealed class CouncilSessionsManifest : IModuleManifestProvider
{
    public const string Feature = "Workbench.CouncilSessions";
    /// <summary>The council secretariat: bodies, members, meetings, agendas.</summary>
    public const string ManageCouncil = "ManageCouncil";
    public const string ViewCouncil = "ViewCouncil";

    public ModuleManifest Manifest { get; } = new()
    {
        Id = Feature,
        Name = "Sēžu pārvaldība",
        Description = "Domes, komiteju un komisiju sēdes.",
        Version = "0.1.0",
        HostApiRange = "[1.0,2.0)",
        Features = [new(Feature, "Sēžu pārvaldība", "Bodies and their members, meetings with their state, agendas; REST API and recipe step.")],
        Permissions =
        [
            new(ManageCouncil, "Manage bodies, members, meetings and agendas", [BuiltInRoles.Editor]),
            new(ViewCouncil, "See closed meetings and non-public agenda items", [BuiltInRoles.Editor, BuiltInRoles.Specialist, BuiltInRoles.Viewer]),
        ],
        Navigation = [new("Sēdes", "Council meetings", "admin/council", Feature, ViewCouncil, 20)],
        PublicNavigation = [new("Sēdes", "Council meetings", "council", Feature)],
    };
}
