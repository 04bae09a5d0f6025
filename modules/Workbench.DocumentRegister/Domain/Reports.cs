using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Tenants;
using Workbench.DocumentRegister.Data;

namespace Workbench.DocumentRegister.Domain;

/// <summary>The register's reports, over the documents the person may see: registered per register per month, overdue tasks per unit.</summary>
public sealed class Reports(DocumentRegisterDbContext db, DocumentAccessRule access, ITenantContext tenant)
{
    public sealed record RegisteredRow(string Register, string Month, int Documents);

    public sealed record OverdueRow(string Unit, int Tasks, int OldestDaysLate);

    public async Task<List<RegisteredRow>> RegisteredAsync(ClaimsPrincipal user, int year, CancellationToken ct)
    {
        var start = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var rows = await (from d in access.Visible(user).AsNoTracking()
                          join r in db.Registers.AsNoTracking() on d.RegisterId equals r.Id
                          where d.RegisteredUtc >= start && d.RegisteredUtc < start.AddYears(1)
                          select new { r.Code, d.RegisteredUtc }).ToListAsync(ct);
        return rows.GroupBy(r => (r.Code, Month: r.RegisteredUtc.ToString("yyyy-MM", CultureInfo.InvariantCulture)))
            .OrderBy(g => g.Key.Code, StringComparer.Ordinal).ThenBy(g => g.Key.Month, StringComparer.Ordinal)
            .Select(g => new RegisteredRow(g.Key.Code, g.Key.Month, g.Count())).ToList();
    }

    /// <summary>By the task's responsible unit, else the case file's unit.</summary>
    public async Task<List<OverdueRow>> OverdueAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var today = tenant.Required.Settings.Today();
        var rows = await (from t in db.Tasks.AsNoTracking()
                          join d in access.Visible(user).AsNoTracking() on t.DocumentId equals d.Id
                          join c in db.CaseFiles.AsNoTracking() on d.CaseFileId equals c.Id
                          where t.CompletedOn == null && t.DueDate < today
                          select new { Unit = t.ResponsibleUnit ?? c.ResponsibleUnit, t.DueDate }).ToListAsync(ct);
        return rows.GroupBy(r => r.Unit).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new OverdueRow(g.Key, g.Count(), g.Max(r => today.DayNumber - r.DueDate.DayNumber))).ToList();
    }
}
