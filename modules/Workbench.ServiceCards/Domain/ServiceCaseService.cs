using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Data;
using Workbench.Abstractions.Integration;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Tenants;
using Workbench.ServiceCards.Data;
using Workbench.ServiceCards.Integration;
using Workbench.Abstractions.Validation;

namespace Workbench.ServiceCards.Domain;

/// <summary>Service cases and their status changes; every change is queued for PSPP/VIRSIS in the same transaction.</summary>
public sealed class ServiceCaseService(
    ServiceCardsDbContext db,
    ITenantTransaction transaction,
    IOutbox outbox,
    IAuditLog audit,
    ICurrentActor actor,
    ITenantContext tenant)
{
    private static readonly Dictionary<CaseStatus, CaseStatus[]> Allowed = new()
    {
        [CaseStatus.Submitted] = [CaseStatus.InProgress, CaseStatus.Refused],
        [CaseStatus.InProgress] = [CaseStatus.Completed, CaseStatus.Refused],
        [CaseStatus.Completed] = [],
        [CaseStatus.Refused] = [],
    };

    public sealed record Registration(Guid CardId, CaseChannel Channel, string ClientReference, DateOnly PlannedCompletion);

    public async Task<ValidationErrors> ValidateAsync(Registration registration, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (!await db.Cards.AnyAsync(c => c.Id == registration.CardId, ct)) errors["cardId"] = ["Pakalpojuma kartīte nav atrasta."];
        if (string.IsNullOrWhiteSpace(registration.ClientReference) || registration.ClientReference.Length > 100)
            errors["clientReference"] = ["Klienta atsauce ir obligāta, līdz 100 zīmēm."];
        return errors;
    }

    public Task<ServiceCase> RegisterAsync(Registration registration, CancellationToken ct) =>
        transaction.InTransactionAsync(async () =>
        {
            var serviceCase = new ServiceCase
            {
                Id = Guid.NewGuid(), CardId = registration.CardId, Channel = registration.Channel, ClientReference = registration.ClientReference.Trim(),
                PlannedCompletion = registration.PlannedCompletion, Status = CaseStatus.Submitted, CreatedUtc = DateTime.UtcNow,
            };
            db.Cases.Add(serviceCase);
            await RecordAsync(serviceCase, 1, ct);
            return serviceCase;
        }, ct);

    public Task<(ServiceCase? Case, string? Problem)> ChangeStatusAsync(Guid id, CaseStatus status, CancellationToken ct) =>
        transaction.InTransactionAsync<(ServiceCase? Case, string? Problem)>(async () =>
        {
            var serviceCase = await db.Cases.SingleOrDefaultAsync(c => c.Id == id, ct);
            if (serviceCase is null) return (null, null);
            if (!Allowed[serviceCase.Status].Contains(status))
                return (serviceCase, $"Gadījumu statusā {serviceCase.Status} nevar pārvietot uz {status}.");
            serviceCase.Status = status;
            if (status is CaseStatus.Completed or CaseStatus.Refused) serviceCase.CompletedUtc = DateTime.UtcNow;
            var sequence = await db.CaseEvents.Where(e => e.CaseId == id).MaxAsync(e => e.Sequence, ct) + 1;
            await RecordAsync(serviceCase, sequence, ct);
            return (serviceCase, null);
        }, ct);

    /// <summary>Cases not yet completed or refused, oldest first: the front office's work list.</summary>
    public async Task<List<ServiceCase>> OpenAsync(CancellationToken ct) =>
        await db.Cases.AsNoTracking().Where(c => c.Status == CaseStatus.Submitted || c.Status == CaseStatus.InProgress).OrderBy(c => c.CreatedUtc).Take(500).ToListAsync(ct);

    public static IReadOnlyList<CaseStatus> NextStatuses(CaseStatus status) => Allowed[status];

    public async Task<(ServiceCase Case, List<ServiceCaseEvent> Events)?> FindAsync(Guid id, CancellationToken ct)
    {
        var serviceCase = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (serviceCase is null) return null;
        return (serviceCase, await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.Sequence).ToListAsync(ct));
    }

    /// <summary>The event, the audit entry and the PSPP message for one status, in the caller's transaction.</summary>
    private async Task RecordAsync(ServiceCase serviceCase, int sequence, CancellationToken ct)
    {
        var at = DateTime.UtcNow;
        db.CaseEvents.Add(new ServiceCaseEvent { Id = Guid.NewGuid(), CaseId = serviceCase.Id, Sequence = sequence, Status = serviceCase.Status, AtUtc = at, Actor = actor.Name });
        await db.SaveChangesAsync(ct);
        var card = await db.Cards.AsNoTracking().Where(c => c.Id == serviceCase.CardId).Select(c => new { c.Identifier, c.WorkingJson }).SingleAsync(ct);
        var catalogueIds = System.Text.Json.JsonSerializer.Deserialize<ServiceCardContent>(card.WorkingJson, Workbench.Abstractions.Recipes.RecipeStepContext.JsonOptions)!.CatalogueIds;
        await outbox.EnqueueAsync(PsppStatusAdapter.AdapterName, $"{serviceCase.Id}:{sequence}", new PsppStatusMessage(
            serviceCase.Id, sequence, tenant.Required.Name, card.Identifier, catalogueIds, serviceCase.Channel.ToString(), serviceCase.Status.ToString(), at, serviceCase.PlannedCompletion), ct);
        await audit.AppendAsync($"service-case.{serviceCase.Status.ToString().ToLowerInvariant()}", serviceCase.Id.ToString(), new { card.Identifier, sequence }, ct);
    }
}
