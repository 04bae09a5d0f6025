using Microsoft.EntityFrameworkCore;
using Workbench.ServiceCards.Data;

namespace Workbench.ServiceCards.Domain;

/// <summary>Indicators of service cases: per service, channel and month; durations; overdue; refusals.</summary>
public sealed class ServiceCaseKpis(ServiceCardsDbContext db)
{
    public sealed record Row(string Service, string Channel, string Month, int Cases, int Completed, int Refused, int Overdue, double? AverageDays, double? P90Days);

    public async Task<IReadOnlyList<Row>> CalculateAsync(DateOnly today, CancellationToken ct)
    {
        var cases = await db.Cases.AsNoTracking().ToListAsync(ct);
        var names = await db.Cards.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return cases
            .GroupBy(c => (Service: names.GetValueOrDefault(c.CardId, "?"), Channel: c.Channel.ToString(), Month: c.CreatedUtc.ToString("yyyy-MM")))
            .OrderBy(g => g.Key.Month).ThenBy(g => g.Key.Service).ThenBy(g => g.Key.Channel)
            .Select(g =>
            {
                var durations = g.Where(c => c.CompletedUtc is not null).Select(c => (c.CompletedUtc!.Value - c.CreatedUtc).TotalDays).Order().ToList();
                var overdue = g.Count(c => c.CompletedUtc is null ? c.PlannedCompletion < today : DateOnly.FromDateTime(c.CompletedUtc.Value) > c.PlannedCompletion);
                return new Row(g.Key.Service, g.Key.Channel, g.Key.Month, g.Count(), g.Count(c => c.Status == CaseStatus.Completed), g.Count(c => c.Status == CaseStatus.Refused),
                    overdue, durations.Count == 0 ? null : Math.Round(durations.Average(), 2), durations.Count == 0 ? null : Math.Round(Percentile(durations, 0.9), 2));
            }).ToList();
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
