using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;

namespace Workbench.ServiceCards;

public sealed class ServiceCardsManifest : IModuleManifestProvider
{
    public const string Feature = "Workbench.ServiceCards";
    public const string ViewServiceCards = "ViewServiceCards";
    public const string ManageServiceCards = "ManageServiceCards";
    public const string ReviewServiceCards = "ReviewServiceCards";
    public const string RegisterServiceCases = "RegisterServiceCases";

    public ModuleManifest Manifest { get; } = new()
    {
        Id = Feature,
        Name = "Pakalpojumu kartītes",
        Description = "Pakalpojumu apraksti ar publicēšanas plūsmu un publisko katalogu.",
        Version = "1.0.0",
        HostApiRange = "[1.0,2.0)",
        Features = [new(Feature, "Pakalpojumu kartītes", "Service descriptions: draft, review, publication, versions, public catalogue, CPSV-AP export.")],
        Permissions =
        [
            new(ViewServiceCards, "See drafts and every state of service cards", [BuiltInRoles.Editor, BuiltInRoles.Specialist, BuiltInRoles.Viewer]),
            new(ManageServiceCards, "Write service cards and send them for review", [BuiltInRoles.Editor]),
            new(ReviewServiceCards, "Approve, reject and withdraw service cards"),
            new(RegisterServiceCases, "Register service cases and change their status", [BuiltInRoles.Specialist, BuiltInRoles.Editor]),
        ],
        Navigation =
        [
            new("Pakalpojumu kartītes", "Service cards", "admin/service-cards", Feature, ViewServiceCards, 5),
            new("Pakalpojumu gadījumi", "Service cases", "admin/service-cases", Feature, RegisterServiceCases, 6),
        ],
        PublicNavigation = [new("Pakalpojumi", "Services", "services", Feature)],
    };
}
