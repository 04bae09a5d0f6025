using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Data;
using Workbench.Abstractions.Security;
using Workbench.CivilProtection.Data;
using Workbench.CivilProtection.Search;

namespace Workbench.CivilProtection.Domain;

public sealed record CommitmentView(Guid Id, string Name, CommitmentKind Kind, Guid? ScenarioId, DateTime StartedUtc, string StartedBy, DateTime? ReleasedUtc, string? ReleasedBy, IReadOnlyList<Guid> Resources);

/// <summary>
/// Exercise mode: resources committed to an exercise or an actual event become Committed, and Available again when the
/// commitment is released. Each change is dated in the resource's history and audited.
/// </summary>
public sealed class CommitmentService(CivilProtectionDbContext db, IAuditLog audit, ITenantTransaction transaction, ICurrentActor actor, TimeProvider clock,
    RegisterService register, CivilProtectionSearchSource search)
{
    public async Task<List<CommitmentView>> CommitmentsAsync(CancellationToken ct)
    {
        var commitments = await db.Commitments.AsNoTracking().OrderByDescending(c => c.StartedUtc).ToListAsync(ct);
        var items = (await db.CommitmentItems.AsNoTracking().ToListAsync(ct)).ToLookup(i => i.CommitmentId, i => i.ResourceId);
        return commitments.Select(c => View(c, items[c.Id].ToList())).ToList();
    }

    public Task<CommitmentView> CommitAsync(CommitmentInput input, CancellationToken ct) => transaction.InTransactionAsync(async () =>
    {
        RegisterService.Refuse(Validation.Check(input));
        if (input.ScenarioId is { } scenario && !await db.Scenarios.AnyAsync(s => s.Id == scenario, ct))
            RegisterService.Refuse(new() { { "scenarioId", "Nav tāda scenārija." } });
        var ids = input.Resources!.Distinct().ToList();
        var resources = await db.Resources.Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        if (ids.FirstOrDefault(id => resources.All(r => r.Id != id)) is var missing && missing != Guid.Empty)
            RegisterService.Refuse(new() { { "resources", $"Nav resursa {missing}." } });
        if (resources.FirstOrDefault(r => r.Availability != Availability.Available) is { } busy)
            throw new ConflictException($"Resurss \"{busy.Name}\" nav pieejams ({busy.Availability}).");
        var now = clock.GetUtcNow().UtcDateTime;
        var commitment = new Commitment { Id = Guid.NewGuid(), Name = input.Name!.Trim(), Kind = input.Kind!.Value, ScenarioId = input.ScenarioId, StartedUtc = now, StartedBy = actor.Name };
        db.Commitments.Add(commitment);
        foreach (var resource in resources)
        {
            db.CommitmentItems.Add(new CommitmentItem { CommitmentId = commitment.Id, ResourceId = resource.Id });
            register.RecordChange(resource.Id, resource.Availability, Availability.Committed, $"{Label(commitment.Kind)}: {commitment.Name}", commitment.Id);
            (resource.Availability, resource.UpdatedUtc) = (Availability.Committed, now);
        }
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync("civil-protection.committed", commitment.Id.ToString(), new { commitment.Name, kind = commitment.Kind.ToString(), resources = ids }, ct);
        foreach (var id in ids) await search.IndexResourceAsync(id, ct);
        return View(commitment, ids);
    }, ct);

    public Task<CommitmentView> ReleaseAsync(Guid id, CancellationToken ct) => transaction.InTransactionAsync(async () =>
    {
        var commitment = await db.Commitments.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new KeyNotFoundException("Nav tādas piesaistes.");
        if (commitment.ReleasedUtc is not null) throw new ConflictException("Piesaiste jau ir atbrīvota.");
        var ids = await db.CommitmentItems.Where(i => i.CommitmentId == id).Select(i => i.ResourceId).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var resource in await db.Resources.Where(r => ids.Contains(r.Id) && r.Availability == Availability.Committed).ToListAsync(ct))
        {
            register.RecordChange(resource.Id, Availability.Committed, Availability.Available, $"Atbrīvots: {commitment.Name}", commitment.Id);
            (resource.Availability, resource.UpdatedUtc) = (Availability.Available, now);
        }
        (commitment.ReleasedUtc, commitment.ReleasedBy) = (now, actor.Name);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync("civil-protection.released", commitment.Id.ToString(), new { commitment.Name, resources = ids }, ct);
        foreach (var resource in ids) await search.IndexResourceAsync(resource, ct);
        return View(commitment, ids);
    }, ct);

    private static string Label(CommitmentKind kind) => kind == CommitmentKind.Exercise ? "Mācības" : "Notikums (event)";

    private static CommitmentView View(Commitment c, IReadOnlyList<Guid> resources) =>
        new(c.Id, c.Name, c.Kind, c.ScenarioId, c.StartedUtc, c.StartedBy, c.ReleasedUtc, c.ReleasedBy, resources);
}
