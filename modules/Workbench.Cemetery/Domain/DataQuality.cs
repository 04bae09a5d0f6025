using Workbench.Abstractions.Data;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Tenants;
using Workbench.Cemetery.Data;

namespace Workbench.Cemetery.Domain;

public enum QualityIssueKind { ImpossibleDates, FutureDate, MissingDates, ProbableDuplicate, NotOnScheme, BeyondCapacity, ExpiredUseRight }

/// <param name="Fixable">A one-click fix exists and is safe (only: ending a use right whose period is over).</param>
public sealed record QualityIssue(QualityIssueKind Kind, string Message, Guid? CemeteryId, Guid? SiteId, string? SiteNumber, Guid? BurialId, Guid? UseRightId, bool Fixable);

/// <summary>
/// The register's data-quality report: impossible or missing dates, probable duplicate persons, sites without a scheme
/// position, burials beyond a site's capacity, use rights expired with nothing done. It never shows personal codes.
/// </summary>
public sealed class DataQuality(CemeteryDbContext db, AuditedWriter<CemeteryDbContext> writer, ITenantContext tenant, TimeProvider clock)
{
    private DateOnly Today => tenant.Current?.Settings.Today() ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<List<QualityIssue>> ReportAsync(Guid? cemeteryId, CancellationToken ct)
    {
        var today = Today;
        var cemeteries = await db.Cemeteries.AsNoTracking().Where(c => cemeteryId == null || c.Id == cemeteryId).ToDictionaryAsync(c => c.Id, ct);
        var sites = await db.Sites.AsNoTracking().Where(s => cemeteryId == null || s.CemeteryId == cemeteryId).ToDictionaryAsync(s => s.Id, ct);
        var burials = await db.Burials.AsNoTracking().Where(b => cemeteryId == null || b.CemeteryId == cemeteryId).ToListAsync(ct);
        var issues = new List<QualityIssue>();
        QualityIssue Of(QualityIssueKind kind, string message, Burial b) => new(kind, $"{b.DisplayName} ({sites[b.SiteId].Number}): {message}", b.CemeteryId, b.SiteId, sites[b.SiteId].Number, b.Id, null, false);
        foreach (var b in burials)
        {
            if (b.BirthDate is { } born && b.DeathDate is { } died && died < born) issues.Add(Of(QualityIssueKind.ImpossibleDates, "miršanas datums pirms dzimšanas", b));
            if (b.DeathDate is { } d && b.BurialDate < d) issues.Add(Of(QualityIssueKind.ImpossibleDates, "apbedīts pirms nāves", b));
            if (b.BirthDate > today || b.DeathDate > today || (b.BurialDate > today && b.SlotStart is null))
                issues.Add(Of(QualityIssueKind.FutureDate, "datums nākotnē", b));
            if (!b.Unidentified && (b.BirthDate is null || b.DeathDate is null))
                issues.Add(Of(QualityIssueKind.MissingDates, b.BirthDate is null && b.DeathDate is null ? "nav dzimšanas un miršanas datuma"
                    : b.BirthDate is null ? "nav dzimšanas datuma" : "nav miršanas datuma", b));
        }
        foreach (var group in burials.Where(b => !b.Unidentified && b.NameKeys.Trim().Length > 0)
                     .GroupBy(b => (b.NameKeys, b.BirthDate, b.DeathDate)).Where(g => g.Count() > 1 && (g.Key.BirthDate != null || g.Key.DeathDate != null)))
        {
            var list = group.ToList();
            foreach (var b in list.Skip(1))
                issues.Add(Of(QualityIssueKind.ProbableDuplicate, $"iespējams, tā pati persona kā kapavietā {sites[list[0].SiteId].Number}", b));
        }
        foreach (var site in sites.Values.Where(s => s.Polygon is null))
            issues.Add(new(QualityIssueKind.NotOnScheme, $"Kapavieta {site.Number} nav izvietota shēmā", site.CemeteryId, site.Id, site.Number, null, null, false));
        foreach (var siteBurials in burials.Where(b => b.Type == BurialType.Coffin).GroupBy(b => b.SiteId))
        {
            var site = sites[siteBurials.Key];
            if (site.HoldsUrnsOnly) continue;
            var reuse = cemeteries[site.CemeteryId].ReuseYears;
            var ordered = siteBurials.OrderBy(b => b.BurialDate).ToList();
            var worst = ordered.Select(b => BurialRules.OccupiedPlaces(ordered.Where(o => o.BurialDate <= b.BurialDate), b.BurialDate, reuse).Count).Max();
            if (worst > site.Capacity)
                issues.Add(new(QualityIssueKind.BeyondCapacity, $"Kapavietā {site.Number} reizē {worst} zārki, ietilpība {site.Capacity} ({worst} coffins at once, capacity {site.Capacity})",
                    site.CemeteryId, site.Id, site.Number, null, null, false));
        }
        var siteIds = sites.Keys.ToList();
        foreach (var right in await db.UseRights.AsNoTracking().Where(u => u.State == UseRightState.Active && u.End < today).ToListAsync(ct))
        {
            if (!sites.TryGetValue(right.SiteId, out var site)) continue;
            issues.Add(new(QualityIssueKind.ExpiredUseRight, $"Kapavietas {site.Number} tiesības ({right.HolderName}) beidzās {right.End:dd.MM.yyyy}, nekas nav darīts",
                site.CemeteryId, site.Id, site.Number, null, right.Id, true));
        }
        return issues.OrderBy(i => i.Kind).ThenBy(i => i.SiteNumber, SiteNumberOrder.Instance).ToList();
    }

    /// <summary>The one safe fix: a use right whose period is over is marked ended (its history stays).</summary>
    public Task<int> EndExpiredUseRightsAsync(CancellationToken ct) => writer.InTransactionAsync(async () =>
    {
        var today = Today;
        var expired = await db.UseRights.Where(u => u.State == UseRightState.Active && u.End < today).ToListAsync(ct);
        foreach (var right in expired) right.State = UseRightState.Ended;
        await writer.SaveAsync("cemetery.use-rights.ended", "quality", new { count = expired.Count }, ct);
        return expired.Count;
    }, ct);
}
