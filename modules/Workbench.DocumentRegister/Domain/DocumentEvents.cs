using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Tenants;
using Workbench.Abstractions.Workflows;
using Workbench.DocumentRegister.Data;

namespace Workbench.DocumentRegister.Domain;

/// <summary>Tells workflows what happened to a document, with its fields (a restricted one's content left out).</summary>
public sealed class DocumentEvents(DocumentRegisterDbContext db, ITenantContext tenant, IWorkflowEvents events)
{
    /// <summary>
    /// Tells workflows what happened to the document (<c>document.registered</c>, <c>document.assigned</c>,
    /// <c>document.status-changed</c>, <c>document.closed</c>), with its fields for start filters, conditions and texts.
    /// </summary>
    public async Task RaiseAsync(string eventName, Document d, CancellationToken ct)
    {
        var register = await db.Registers.AsNoTracking().SingleAsync(r => r.Id == d.RegisterId, ct);
        // A restricted document's content stays out of workflow variables, which workflow administrators read.
        var fields = new JsonObject
        {
            ["id"] = d.Id.ToString(), ["registrationNumber"] = d.RegistrationNumber, ["register"] = register.Code, ["kind"] = d.Kind, ["direction"] = d.Direction.ToString(),
            ["title"] = d.Restricted ? "(ierobežotas pieejamības dokuments)" : d.Title, ["correspondent"] = d.Restricted ? null : d.Correspondent,
            ["executor"] = d.Executor, ["registeredBy"] = d.RegisteredBy, ["status"] = d.Status.ToString(),
            ["dueDate"] = d.DueDate?.ToString("O"), ["restricted"] = d.Restricted, ["today"] = tenant.Required.Settings.Today().ToString("O"),
        };
        await events.PublishAsync(eventName, "document", d.Id.ToString(), fields, ct);
    }
}
