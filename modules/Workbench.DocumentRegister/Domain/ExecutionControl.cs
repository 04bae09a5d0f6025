using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Data;
using Workbench.Abstractions.Notifications;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Tenants;
using Workbench.DocumentRegister.Data;
using Workbench.DocumentRegister.Search;

namespace Workbench.DocumentRegister.Domain;

/// <summary>
/// Execution control (izpildes kontrole): the head gives a document to an executor with a due date; the executor
/// completes it with a result; the document closes when its last task is done. Planned (due) and actual completion
/// are both kept; the overdue list and the reminders come from the same records.
/// </summary>
public sealed class ExecutionControl(
    DocumentRegisterDbContext db, DocumentStatusChanges statuses, DocumentEvents events, DocumentSearchSource search, DocumentAccessRule access, IAuditLog audit, ITenantTransaction transaction,
    INotifications notifications, ICurrentActor actor, ITenantContext tenant, TimeProvider clock)
{
    private DateOnly Today => tenant.Required.Settings.Today();

    public Task<ExecutionTask> AssignAsync(Guid documentId, TaskInput input, CancellationToken ct) => transaction.InTransactionAsync(async () =>
    {
        var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId, ct) ?? throw new KeyNotFoundException("Nav tāda dokumenta.");
        if (document.Status == DocumentStatus.Closed) throw new DocumentConflictException("Dokuments jau ir slēgts.");
        if (string.IsNullOrWhiteSpace(input.Executor) || !input.Executor.Contains('@')) throw new ArgumentException("Izpildītāju norāda ar e-pasta adresi.");
        if (string.IsNullOrWhiteSpace(input.Instruction) || input.Instruction.Length > 2000) throw new ArgumentException("Uzdevums (rezolūcija) ir obligāts, līdz 2000 zīmēm.");
        if (input.DueDate is not { } due || due < Today) throw new ArgumentException("Izpildes termiņš ir obligāts un nav pagātnē.");
        var executor = input.Executor.Trim().ToLowerInvariant();
        var task = new ExecutionTask
        {
            Id = Guid.NewGuid(), DocumentId = documentId, Executor = executor, Instruction = input.Instruction.Trim(), DueDate = due,
            AssignedBy = actor.Name, AssignedUtc = clock.GetUtcNow().UtcDateTime, ResponsibleUnit = input.ResponsibleUnit?.Trim(),
        };
        db.Tasks.Add(task);
        // The executor of a restricted document must be able to open it.
        if (document.Restricted && !await db.Access.AnyAsync(a => a.DocumentId == documentId && a.Email == executor, ct))
            db.Access.Add(new DocumentAccess { DocumentId = documentId, Email = executor });
        await db.SaveChangesAsync(ct);
        await statuses.SetStatusAsync(documentId, DocumentStatus.InProgress, ct);
        // A status change indexes the document anyway; otherwise a new reader of a restricted one needs it indexed again.
        if (document.Restricted && document.Status == DocumentStatus.InProgress) await search.IndexAsync(documentId, ct);
        await audit.AppendAsync("documents.task.assigned", document.RegistrationNumber, new { executor, due }, ct);
        await events.RaiseAsync("document.assigned", await db.Documents.AsNoTracking().SingleAsync(d => d.Id == documentId, ct), ct);
        await notifications.NotifyAsync(executor, $"document-task:{task.Id}", $"Jums nodots izpildei: {document.RegistrationNumber} {document.Title} (līdz {due:dd.MM.yyyy})", $"admin/documents/{documentId}", ct);
        return task;
    }, ct);

    /// <summary>The executor (or whoever assigns tasks) completes the task; the document closes when none is left open.</summary>
    public Task<ExecutionTask> CompleteAsync(Guid taskId, string? result, ClaimsPrincipal user, IPermissionService permissions, CancellationToken ct) => transaction.InTransactionAsync(async () =>
    {
        var task = await db.Tasks.SingleOrDefaultAsync(t => t.Id == taskId, ct) ?? throw new KeyNotFoundException("Nav tāda uzdevuma.");
        if (task.Executor != DocumentAccessRule.EmailOf(user) && !permissions.HasPermission(user, DocumentRegisterManifest.AssignTasks))
            throw new UnauthorizedAccessException("Uzdevumu izpilda tā izpildītājs.");
        if (task.CompletedOn is not null) throw new DocumentConflictException("Uzdevums jau ir izpildīts.");
        if (string.IsNullOrWhiteSpace(result) || result.Length > 2000) throw new ArgumentException("Izpildes rezultāts ir obligāts, līdz 2000 zīmēm.");
        (task.CompletedOn, task.Result) = (Today, result.Trim());
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync("documents.task.completed", task.Id.ToString(), new { task.DocumentId, late = task.CompletedOn > task.DueDate }, ct);
        if (!await db.Tasks.AnyAsync(t => t.DocumentId == task.DocumentId && t.CompletedOn == null, ct))
            await statuses.SetStatusAsync(task.DocumentId, DocumentStatus.Closed, ct);
        return task;
    }, ct);

    public Task<List<ExecutionTask>> TasksAsync(Guid documentId, CancellationToken ct) =>
        db.Tasks.AsNoTracking().Where(t => t.DocumentId == documentId).OrderBy(t => t.AssignedUtc).ToListAsync(ct);

    /// <summary>Open tasks past their due date, of documents the person may see, oldest due first.</summary>
    public async Task<List<(ExecutionTask Task, Document Document)>> OverdueAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var today = Today;
        var rows = await (from t in db.Tasks.AsNoTracking()
                          join d in access.Visible(user).AsNoTracking() on t.DocumentId equals d.Id
                          where t.CompletedOn == null && t.DueDate < today
                          orderby t.DueDate
                          select new { t, d }).ToListAsync(ct);
        return rows.Select(r => (r.t, r.d)).ToList();
    }

    /// <summary>Open tasks of one executor (their own work list), soonest due first.</summary>
    public async Task<List<(ExecutionTask Task, Document Document)>> OpenForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var email = DocumentAccessRule.EmailOf(user) ?? "";
        var rows = await (from t in db.Tasks.AsNoTracking()
                          join d in access.Visible(user).AsNoTracking() on t.DocumentId equals d.Id
                          where t.CompletedOn == null && t.Executor == email
                          orderby t.DueDate
                          select new { t, d }).ToListAsync(ct);
        return rows.Select(r => (r.t, r.d)).ToList();
    }
}
