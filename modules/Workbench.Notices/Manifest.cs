using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;

namespace Workbench.Notices;

public sealed class NoticesManifest : IModuleManifestProvider
{
    public const string Feature = "Workbench.Notices";
    public const string ManageNotices = "ManageNotices";
    public const string ViewNotices = "ViewNotices";

    public ModuleManifest Manifest { get; } = new()
    {
        Id = Feature,
        Name = "Paziņojumi",
        Description = "Pašvaldības paziņojumi iedzīvotājiem.",
        Version = "1.1.0",
        HostApiRange = "[1.0,2.0)",
        Features = [new(Feature, "Paziņojumi", "Public notices with custom fields, public list and REST API.")],
        Permissions =
        [
            new(ManageNotices, "Create, edit and delete notices", [BuiltInRoles.Editor]),
            new(ViewNotices, "See unpublished and internal notices", [BuiltInRoles.Editor, BuiltInRoles.Specialist, BuiltInRoles.Viewer]),
        ],
        Navigation = [new("Paziņojumi", "Notices", "admin/notices", Feature, ViewNotices, 10)],
        PublicNavigation = [new("Paziņojumi", "Notices", "notices", Feature)],
    };
}
