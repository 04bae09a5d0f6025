using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;

namespace Workbench.KnowledgeBase;

public sealed class KnowledgeBaseManifest : IModuleManifestProvider
{
    public const string Feature = "Workbench.KnowledgeBase";
    public const string ViewArticles = "ViewKnowledgeBase";
    public const string ManageArticles = "ManageKnowledgeBase";
    public const string ExportArticles = "ExportKnowledgeBase";

    public ModuleManifest Manifest { get; } = new()
    {
        Id = Feature,
        Name = "Zināšanu bāze",
        Description = "Zināšanu bāze klientu apkalpošanai.",
        Version = "1.0.0",
        HostApiRange = "[1.0,2.0)",
        Features = [new(Feature, "Zināšanu bāze", "Articles with versions, review dates, attachments, public and internal visibility, export for VPVKAC.")],
        Permissions =
        [
            new(ViewArticles, "Read internal articles", [BuiltInRoles.Editor, BuiltInRoles.Specialist, BuiltInRoles.Viewer]),
            new(ManageArticles, "Write articles", [BuiltInRoles.Editor]),
            new(ExportArticles, "Read the export for the client-service system"),
        ],
        Navigation = [new("Zināšanu bāze", "Knowledge base", "admin/kb", Feature, ViewArticles, 7)],
        PublicNavigation = [new("Padomi iedzīvotājiem", "Guidance", "kb", Feature)],
    };
}
