using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Data;
using Workbench.Abstractions.Validation;
using Workbench.CivilProtection.Data;
using Workbench.CivilProtection.Search;

namespace Workbench.CivilProtection.Domain;

/// <summary>A scenario as the API and pages show it; its alerting list is read on its own, and every such read is audited.</summary>
public sealed record ScenarioView(
    Guid Id, string Name, ScenarioType Type, string? Description, string? Instruction,
    IReadOnlyList<AreaView> Areas, IReadOnlyList<RequirementView> Requirements, IReadOnlyList<ResponsiblePerson> Responsible,
    IReadOnlyList<RouteView> Routes, int AlertingListEntries, DateOnly? AlertingListConfirmedOn, DateTime UpdatedUtc);

public sealed record AreaView(string Name, int Population, IReadOnlyList<GeoPoint> Polygon);
public sealed record RequirementView(string Type, string TypeName, int Quantity);
public sealed record RouteView(Guid Id, string Name, string FromArea, Guid ToShelterId, int CapacityNeeded, IReadOnlyList<GeoPoint> Waypoints);

/// <summary>A scenario's alerting list (apziņošanas saraksts), in calling order.</summary>
public sealed record AlertingListView(Guid ScenarioId, string Scenario, DateOnly? ConfirmedOn, IReadOnlyList<AlertingEntryView> Entries);
public sealed record AlertingEntryView(int Order, string Name, string? Organisation, string Role, string? Phone, string? Email);

/// <summary>Crisis scenarios: saved whole (areas, needs, people, alerting list, routes replaced together), read, confirmed.</summary>
public sealed class ScenarioService(CivilProtectionDbContext db, IAuditLog audit, ITenantTransaction transaction, TimeProvider clock, CivilProtectionSearchSource search)
{
    public const string AlertingListRead = "civil-protection.alerting-list.read";

    public async Task<ValidationErrors> ValidateAsync(ScenarioInput input, CancellationToken ct)
    {
        var codes = (await db.Types.AsNoTracking().Select(t => t.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var shelters = (await db.Shelters.AsNoTracking().Select(s => s.Id).ToListAsync(ct)).ToHashSet();
        return Validation.Check(input, codes, shelters);
    }

    public Task<List<Scenario>> ScenariosAsync(CancellationToken ct) => db.Scenarios.AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct);

    public Task<Scenario?> FindAsync(Guid id, CancellationToken ct) => db.Scenarios.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);

    public async Task<Scenario> RequiredAsync(Guid id, CancellationToken ct) =>
        await FindAsync(id, ct) ?? throw new KeyNotFoundException("Nav tāda scenārija.");

    public async Task<ScenarioView> ViewAsync(Guid id, CancellationToken ct)
    {
        var s = await RequiredAsync(id, ct);
        var areas = await db.Areas.AsNoTracking().Where(a => a.ScenarioId == id).OrderBy(a => a.Order).ToListAsync(ct);
        var requirements = await (from r in db.Requirements.AsNoTracking()
                                  join t in db.Types.AsNoTracking() on r.TypeId equals t.Id
                                  where r.ScenarioId == id
                                  orderby t.Code
                                  select new RequirementView(t.Code, t.Name, r.Quantity)).ToListAsync(ct);
        var routes = await db.Routes.AsNoTracking().Where(r => r.ScenarioId == id).OrderBy(r => r.Order).ToListAsync(ct);
        var entries = await db.AlertingEntries.CountAsync(e => e.ScenarioId == id, ct);
        return new ScenarioView(s.Id, s.Name, s.Type, s.Description, s.Instruction,
            areas.Select(a => new AreaView(a.Name, a.Population, a.Polygon)).ToList(), requirements, s.Responsible,
            routes.Select(r => new RouteView(r.Id, r.Name, r.FromArea, r.ToShelterId, r.CapacityNeeded, r.Waypoints)).ToList(), entries, s.AlertingListConfirmedOn, s.UpdatedUtc);
    }

    /// <summary>The alerting list; the read itself is audited (who saw which list when).</summary>
    public async Task<AlertingListView> AlertingListAsync(Guid id, string channel, CancellationToken ct)
    {
        var s = await RequiredAsync(id, ct);
        var entries = await db.AlertingEntries.AsNoTracking().Where(e => e.ScenarioId == id).OrderBy(e => e.Order).ToListAsync(ct);
        await audit.AppendAsync(AlertingListRead, id.ToString(), new { scenario = s.Name, channel, entries = entries.Count }, ct);
        return new AlertingListView(s.Id, s.Name, s.AlertingListConfirmedOn,
            entries.Select(e => new AlertingEntryView(e.Order, e.Name, e.Organisation, e.Role, e.Phone, e.Email)).ToList());
    }

    /// <summary>Someone checked the alerting list and says it is current (today).</summary>
    public Task<Scenario> ConfirmAlertingListAsync(Guid id, CancellationToken ct) => transaction.InTransactionAsync(async () =>
    {
        var s = await db.Scenarios.SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new KeyNotFoundException("Nav tāda scenārija.");
        s.AlertingListConfirmedOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync("civil-protection.alerting-list.confirmed", id.ToString(), new { scenario = s.Name }, ct);
        return s;
    }, ct);

    public Task<Scenario> CreateAsync(ScenarioInput input, CancellationToken ct, Guid? id = null) => SaveAsync(id ?? Guid.NewGuid(), input, create: true, ct);

    public Task<Scenario> UpdateAsync(Guid id, ScenarioInput input, CancellationToken ct) => SaveAsync(id, input, create: false, ct);

    private Task<Scenario> SaveAsync(Guid id, ScenarioInput input, bool create, CancellationToken ct) => transaction.InTransactionAsync(async () =>
    {
        RegisterService.Refuse(await ValidateAsync(input, ct));
        var scenario = await db.Scenarios.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (scenario is null && !create) throw new KeyNotFoundException("Nav tāda scenārija.");
        var isNew = scenario is null;
        if (scenario is null) db.Scenarios.Add(scenario = new Scenario { Id = id });
        else
        {
            await db.Areas.Where(a => a.ScenarioId == id).ExecuteDeleteAsync(ct);
            await db.Requirements.Where(a => a.ScenarioId == id).ExecuteDeleteAsync(ct);
            await db.Routes.Where(a => a.ScenarioId == id).ExecuteDeleteAsync(ct);
            // An unchanged alerting list keeps its confirmation; a changed one needs confirming again.
            var before = await db.AlertingEntries.AsNoTracking().Where(e => e.ScenarioId == id).OrderBy(e => e.Order).ToListAsync(ct);
            var after = (input.AlertingList ?? []).Select(e => e!).ToList();
            var same = before.Count == after.Count && before.Zip(after).All(p => p.First.Name == p.Second.Name!.Trim() && p.First.Organisation == Blank(p.Second.Organisation)
                && p.First.Role == p.Second.Role!.Trim() && p.First.Phone == Blank(p.Second.Phone) && p.First.Email == Blank(p.Second.Email)?.ToLowerInvariant());
            if (!same) scenario.AlertingListConfirmedOn = null;
            await db.AlertingEntries.Where(a => a.ScenarioId == id).ExecuteDeleteAsync(ct);
        }
        scenario.Name = input.Name!.Trim();
        scenario.Type = input.Type!.Value;
        (scenario.Description, scenario.Instruction) = (Blank(input.Description), Blank(input.Instruction));
        scenario.Responsible = (input.Responsible ?? []).Select(p => new ResponsiblePerson(p!.Name!.Trim(), p.Role!.Trim(), Blank(p.Phone), Blank(p.Email)?.ToLowerInvariant())).ToList();
        scenario.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        var types = await db.Types.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Id, ct);
        foreach (var (area, i) in (input.Areas ?? []).Select((a, i) => (a!, i)))
            db.Areas.Add(new ScenarioArea { Id = Guid.NewGuid(), ScenarioId = id, Order = i, Name = area.Name!.Trim(), Population = area.Population!.Value, Polygon = area.Polygon!.Select(p => p!).ToList() });
        foreach (var requirement in input.Requirements ?? [])
            db.Requirements.Add(new ScenarioRequirement { ScenarioId = id, TypeId = types[requirement!.Type!], Quantity = requirement.Quantity!.Value });
        foreach (var (entry, i) in (input.AlertingList ?? []).Select((a, i) => (a!, i)))
            db.AlertingEntries.Add(new AlertingEntry
            {
                Id = Guid.NewGuid(), ScenarioId = id, Order = i + 1, Name = entry.Name!.Trim(), Organisation = Blank(entry.Organisation), Role = entry.Role!.Trim(),
                Phone = Blank(entry.Phone), Email = Blank(entry.Email)?.ToLowerInvariant(),
            });
        foreach (var (route, i) in (input.Routes ?? []).Select((a, i) => (a!, i)))
            db.Routes.Add(new EvacuationRoute
            {
                Id = Guid.NewGuid(), ScenarioId = id, Order = i, Name = route.Name!.Trim(), FromArea = route.FromArea!, ToShelterId = route.ToShelterId!.Value,
                CapacityNeeded = route.CapacityNeeded!.Value, Waypoints = route.Waypoints!.Select(p => p!).ToList(),
            });
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(isNew ? "civil-protection.scenario.created" : "civil-protection.scenario.changed", id.ToString(), new { scenario.Name, type = scenario.Type.ToString() }, ct);
        await search.IndexScenarioAsync(id, ct);
        return scenario;
    }, ct);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
