using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;

namespace Workbench.DocumentRegister;

public sealed class DocumentRegisterManifest : IModuleManifestProvider
{
    public const string Feature = "Workbench.DocumentRegister";
    /// <summary>Read documents that are not restricted (restricted ones only by their access list).</summary>
    public const string ViewDocuments = "ViewDocuments";
    public const string RegisterDocuments = "RegisterDocuments";
    /// <summary>The head's right: give documents to executors with a due date (rezolūcija).</summary>
    public const string AssignTasks = "AssignDocumentTasks";
    /// <summary>Registers, numbering patterns and the file plan.</summary>
    public const string ManageRegisters = "ManageDocumentRegisters";

    public ModuleManifest Manifest { get; } = new()
    {
        Id = Feature,
        Name = "Dokumentu reģistrs",
        Description = "Lietvedība: reģistri ar numerāciju, lietu nomenklatūra, izpildes kontrole, saskaņošana, sūtīšana.",
        Version = "0.1.0",
        HostApiRange = "[1.0,2.0)",
        Features = [new(Feature, "Dokumentu reģistrs", "Registers with numbering patterns, file plan, documents with versions, attachments, execution control, approval, e-address and DIV sending.")],
        Permissions =
        [
            new(ViewDocuments, "Read registered documents that are not restricted", [BuiltInRoles.Editor, BuiltInRoles.Specialist, BuiltInRoles.Viewer]),
            new(RegisterDocuments, "Register documents, correct them, attach files, send them", [BuiltInRoles.Editor, BuiltInRoles.Specialist]),
            new(AssignTasks, "Assign documents to executors with a due date", [BuiltInRoles.Editor]),
            new(ManageRegisters, "Manage registers, numbering patterns and the file plan"),
        ],
        Navigation =
        [
            new("Dokumenti", "Documents", "admin/documents", Feature, ViewDocuments, 15),
            new("Izpildes kontrole", "Execution control", "admin/documents/tasks", Feature, ViewDocuments, 16),
        ],
    };
}
