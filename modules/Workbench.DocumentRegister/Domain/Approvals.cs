using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Data;
using Workbench.Abstractions.Notifications;
using Workbench.DocumentRegister.Data;
using Workbench.DocumentRegister.Search;

namespace Workbench.DocumentRegister.Domain;

/// <summary>
/// Approval (saskaņošana): a draft goes to approvers one after another (sequential) or to all at once (parallel);
/// each approves or rejects with a comment. A rejection ends the round; a new route starts a new round.
/// </summary>
public sealed class Approvals(DocumentRegisterDbContext db, DocumentSearchSource search, IAuditLog audit, ITenantTransaction transaction, INotifications notifications, TimeProvider clock)
{
    public Task<List<ApprovalStep>> RouteAsync(Guid documentId, CancellationToken ct) =>
        db.Approvals.AsNoTracking().Where(a => a.DocumentId == documentId).OrderBy(a => a.Round).ThenBy(a => a.Order).ToListAsync(ct);

    public Task<List<ApprovalStep>> StartAsync(Guid documentId, ApprovalInput input, CancellationToken ct) => transaction.InTransactionAsync(async () =>
    {
        var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId, ct) ?? throw new KeyNotFoundException("Nav tāda dokumenta.");
        var approvers = (input.Approvers ?? []).Select(a => a.Trim().ToLowerInvariant()).ToList();
        if (approvers.Count == 0 || approvers.Any(a => !a.Contains('@'))) throw new ArgumentException("Saskaņotājus norāda ar e-pasta adresēm.");
        if (approvers.Distinct().Count() != approvers.Count) throw new ArgumentException("Saskaņotājs sarakstā ir divreiz.");
        var steps = await db.Approvals.Where(a => a.DocumentId == documentId).ToListAsync(ct);
        if (steps.Count > 0 && State(steps.Where(s => s.Round == steps.Max(x => x.Round)).ToList()) == ApprovalDecision.Pending)
            throw new DocumentConflictException("Saskaņošana jau notiek.");
        var round = steps.Count == 0 ? 1 : steps.Max(s => s.Round) + 1;
        var route = approvers.Select((a, i) => new ApprovalStep { Id = Guid.NewGuid(), DocumentId = documentId, Round = round, Order = i + 1, Mode = input.Mode, Approver = a, Decision = ApprovalDecision.Pending }).ToList();
        db.Approvals.AddRange(route);
        // An approver of a restricted draft must be able to read it.
        if (document.Restricted)
        {
            var readers = await db.Access.Where(a => a.DocumentId == documentId).Select(a => a.Email).ToListAsync(ct);
            db.Access.AddRange(approvers.Except(readers).Select(a => new DocumentAccess { DocumentId = documentId, Email = a }));
        }
        await db.SaveChangesAsync(ct);
        if (document.Restricted) await search.IndexAsync(documentId, ct);
        await audit.AppendAsync("documents.approval.started", document.RegistrationNumber, new { round, input.Mode, approvers }, ct);
        foreach (var step in Waiting(route)) await NotifyAsync(step, document, ct);
        return route;
    }, ct);

    /// <summary>The signed-in approver's decision on their step, when it is their turn.</summary>
    public Task<ApprovalStep> DecideAsync(Guid documentId, ClaimsPrincipal user, bool approve, string? comment, CancellationToken ct) => transaction.InTransactionAsync(async () =>
    {
        var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId, ct) ?? throw new KeyNotFoundException("Nav tāda dokumenta.");
        var steps = await db.Approvals.Where(a => a.DocumentId == documentId).ToListAsync(ct);
        var round = steps.Where(s => s.Round == (steps.Count == 0 ? 0 : steps.Max(x => x.Round))).OrderBy(s => s.Order).ToList();
        if (round.Count == 0 || State(round) != ApprovalDecision.Pending) throw new DocumentConflictException("Dokuments netiek saskaņots.");
        var email = DocumentAccessRule.EmailOf(user);
        var step = Waiting(round).FirstOrDefault(s => s.Approver == email)
            ?? throw new DocumentConflictException("Jums šobrīd nav jāsaskaņo šis dokuments.");
        if (!approve && string.IsNullOrWhiteSpace(comment)) throw new ArgumentException("Noraidot vajag komentāru.");
        (step.Decision, step.Comment, step.DecidedUtc) = (approve ? ApprovalDecision.Approved : ApprovalDecision.Rejected, comment?.Trim(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(approve ? "documents.approval.approved" : "documents.approval.rejected", document.RegistrationNumber, new { step.Round, step.Approver, comment }, ct);
        if (State(round) == ApprovalDecision.Pending)
            foreach (var next in Waiting(round).Where(s => s.Id != step.Id)) await NotifyAsync(next, document, ct);
        return step;
    }, ct);

    /// <summary>Rejected if anyone rejected, approved when everyone approved, else pending.</summary>
    public static ApprovalDecision State(IReadOnlyCollection<ApprovalStep> round) =>
        round.Any(s => s.Decision == ApprovalDecision.Rejected) ? ApprovalDecision.Rejected
        : round.All(s => s.Decision == ApprovalDecision.Approved) ? ApprovalDecision.Approved : ApprovalDecision.Pending;

    /// <summary>Whose turn it is: in a parallel round every undecided approver, in a sequential one the first undecided.</summary>
    public static IEnumerable<ApprovalStep> Waiting(IReadOnlyCollection<ApprovalStep> round)
    {
        var pending = round.Where(s => s.Decision == ApprovalDecision.Pending).OrderBy(s => s.Order).ToList();
        return pending.Count == 0 ? [] : pending[0].Mode == ApprovalMode.Parallel ? pending : [pending[0]];
    }

    private Task NotifyAsync(ApprovalStep step, Document document, CancellationToken ct) =>
        notifications.NotifyAsync(step.Approver, $"document-approval:{step.Id}", $"Lūdzu saskaņot: {document.RegistrationNumber} {document.Title}", $"admin/documents/{document.Id}", ct);
}
