using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Audit;
using Workbench.DocumentRegister.Data;
using Workbench.DocumentRegister.Search;

namespace Workbench.DocumentRegister.Domain;

/// <summary>Moves a document from one status to another (e.g. closed when its last task is done), audited and announced.</summary>
public sealed class DocumentStatusChanges(DocumentRegisterDbContext db, IAuditLog audit, TimeProvider clock, DocumentSearchSource search, DocumentEvents events)
{
    /// <summary>Sets the status (the execution control closes a document when its last task is done).</summary>
    public async Task SetStatusAsync(Guid id, DocumentStatus status, CancellationToken ct)
    {
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == id, ct) ?? throw new KeyNotFoundException("Nav tāda dokumenta.");
        if (document.Status == status) return;
        var from = document.Status;
        document.Status = status;
        document.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync("documents.status", document.RegistrationNumber, new { from, to = status }, ct);
        await search.IndexAsync(id, ct);
        await events.RaiseAsync("document.status-changed", document, ct);
        if (status == DocumentStatus.Closed) await events.RaiseAsync("document.closed", document, ct);
    }
}
