using Microsoft.EntityFrameworkCore;
using Workbench.CivilProtection.Data;

namespace Workbench.CivilProtection.Domain;

/// <param name="Gap">Units still missing (required − available), 0 when covered.</param>
public sealed record ReadinessLine(string Type, string TypeName, string Metric, double Capability, int Required, int Available, int Committed, int OutOfService, int Gap);

public sealed record OverdueCheck(Guid ResourceId, string Name, string Type, DateOnly? LastChecked, DateOnly? Due, string ContactName);

/// <summary>What the civil protection commission looks at for one scenario.</summary>
public sealed record ReadinessView(
    Guid ScenarioId, string Scenario, ScenarioType Type, IReadOnlyList<ReadinessLine> Resources, int Population, int ShelterCapacity, int ShelterGap,
    int OverdueCheckCount, IReadOnlyList<OverdueCheck> OverdueChecks, DateOnly? AlertingListConfirmedOn, bool AlertingListUnconfirmed, int StaleAfterMonths, bool Ready);

/// <summary>
/// Readiness of a scenario: required against available units by type (committed and out-of-service units do not count),
/// the shelters' total capacity against the population of the affected areas, resources of the needed types whose
/// check is overdue, and whether the alerting list was confirmed in the last N months.
/// </summary>
public sealed class Readiness(CivilProtectionDbContext db, TimeProvider clock)
{
    public const int DefaultStaleMonths = 6;
    /// <summary>How many overdue checks a readiness answer lists (all are counted).</summary>
    public const int OverdueListed = 100;

    public async Task<ReadinessView> ForAsync(Guid scenarioId, int? staleAfterMonths, CancellationToken ct)
    {
        var scenario = await db.Scenarios.AsNoTracking().SingleOrDefaultAsync(s => s.Id == scenarioId, ct) ?? throw new KeyNotFoundException("Nav tāda scenārija.");
        var months = Math.Clamp(staleAfterMonths ?? DefaultStaleMonths, 1, 120);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var required = await (from r in db.Requirements.AsNoTracking()
                              join t in db.Types.AsNoTracking() on r.TypeId equals t.Id
                              where r.ScenarioId == scenarioId
                              select new { t.Id, t.Code, t.Name, t.Metric, t.Capability, r.Quantity }).ToListAsync(ct);
        var typeIds = required.Select(r => r.Id).ToList();
        var counts = await db.Resources.AsNoTracking().Where(r => typeIds.Contains(r.TypeId))
            .GroupBy(r => new { r.TypeId, r.Availability }).Select(g => new { g.Key.TypeId, g.Key.Availability, Units = g.Sum(r => r.Quantity) }).ToListAsync(ct);
        int Units(Guid type, Availability availability) => counts.Where(c => c.TypeId == type && c.Availability == availability).Sum(c => c.Units);
        var lines = required.OrderBy(r => r.Code).Select(r =>
        {
            var available = Units(r.Id, Availability.Available);
            return new ReadinessLine(r.Code, r.Name, r.Metric, r.Capability, r.Quantity, available, Units(r.Id, Availability.Committed), Units(r.Id, Availability.OutOfService), Math.Max(0, r.Quantity - available));
        }).ToList();
        // Due checks are found by the stored next-check date (indexed); the list shows the most overdue ones first.
        var due = db.Resources.AsNoTracking().Where(r => typeIds.Contains(r.TypeId) && (r.NextCheck == null || r.NextCheck < today));
        var overdueCount = await due.CountAsync(ct);
        var codes = required.ToDictionary(r => r.Id, r => r.Code);
        var overdue = (await due.OrderBy(r => r.NextCheck).ThenBy(r => r.Name).Take(OverdueListed)
                .Select(r => new { r.Id, r.Name, r.TypeId, r.LastChecked, r.NextCheck, r.ContactName }).ToListAsync(ct))
            .Select(r => new OverdueCheck(r.Id, r.Name, codes[r.TypeId], r.LastChecked, r.NextCheck, r.ContactName)).ToList();
        var population = await db.Areas.AsNoTracking().Where(a => a.ScenarioId == scenarioId).SumAsync(a => a.Population, ct);
        var capacity = await db.Shelters.AsNoTracking().Where(s => s.Kind == ShelterKind.Shelter).SumAsync(s => s.Capacity, ct);
        var unconfirmed = scenario.AlertingListConfirmedOn is not { } confirmed || confirmed.AddMonths(months) < today;
        var shelterGap = Math.Max(0, population - capacity);
        return new ReadinessView(scenario.Id, scenario.Name, scenario.Type, lines, population, capacity, shelterGap, overdueCount, overdue, scenario.AlertingListConfirmedOn, unconfirmed, months,
            lines.All(l => l.Gap == 0) && shelterGap == 0 && overdueCount == 0 && !unconfirmed);
    }

    public async Task<List<ReadinessView>> AllAsync(int? staleAfterMonths, CancellationToken ct)
    {
        var result = new List<ReadinessView>();
        foreach (var id in await db.Scenarios.AsNoTracking().OrderBy(s => s.Name).Select(s => s.Id).ToListAsync(ct))
            result.Add(await ForAsync(id, staleAfterMonths, ct));
        return result;
    }
}
