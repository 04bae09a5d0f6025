using System.Text.Json.Nodes;
using Workbench.Abstractions.Workflows;
using Workbench.DocumentRegister.Domain;

namespace Workbench.DocumentRegister.Workflows;

/// <summary>
/// <c>document-status</c>: <c>{"status": "Closed"}</c> — sets the status of the document the workflow runs for (the
/// register's own activity for workflows attached to document kinds).
/// </summary>
public sealed class DocumentStatusActivity(DocumentStatusChanges statuses) : IWorkflowActivity
{
    public string Type => "document-status";
    public string? Feature => DocumentRegisterManifest.Feature;
    public string Description => "Maina dokumenta statusu: Registered, InProgress, Closed.";
    public IReadOnlyList<string> Outcomes { get; } = ["done"];

    public IEnumerable<string> Validate(JsonObject properties) =>
        properties["status"] is JsonValue value && value.TryGetValue<string>(out var text) && Enum.TryParse<DocumentStatus>(text, out _)
            ? [] : [$"\"status\" ir viens no {string.Join(", ", Enum.GetNames<DocumentStatus>())}"];

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        if (context.CorrelationType != "document" || !Guid.TryParse(context.CorrelationId, out var id))
            throw new InvalidOperationException("Šī darbplūsma nav par dokumentu.");
        await statuses.SetStatusAsync(id, Enum.Parse<DocumentStatus>(context.Text("status")!), cancellationToken);
        return ActivityResult.Done("done");
    }
}
