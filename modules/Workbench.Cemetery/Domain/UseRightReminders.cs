using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Notifications;
using Workbench.Cemetery.Data;

namespace Workbench.Cemetery.Domain;

/// <summary>Reminds the cemetery's responsible person (its <c>ReminderEmail</c>) of use rights ending within <see cref="DaysAhead"/> days, once per use right.</summary>
public sealed class UseRightReminders(CemeteryDbContext db) : IReminderSource
{
    public const int DaysAhead = 30;

    public string Feature => CemeteryManifest.Feature;

    public async Task<IReadOnlyList<Reminder>> DueAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var until = today.AddDays(DaysAhead);
        var due = await (from u in db.UseRights.AsNoTracking()
                         join s in db.Sites.AsNoTracking() on u.SiteId equals s.Id
                         join c in db.Cemeteries.AsNoTracking() on s.CemeteryId equals c.Id
                         where u.State == UseRightState.Active && u.End >= today && u.End <= until && c.ReminderEmail != null
                         select new { u.Id, u.End, u.HolderName, s.Number, SiteId = s.Id, c.Name, c.ReminderEmail }).ToListAsync(cancellationToken);
        return due.Select(d => new Reminder(d.ReminderEmail!, $"cemetery:use-right-ends:{d.Id}:{d.End:yyyy-MM-dd}",
            $"{d.Name}, kapavieta {d.Number}: {d.HolderName} uzturēšanas tiesības beidzas {d.End:dd.MM.yyyy}", $"admin/cemetery/sites/{d.SiteId}")).ToList();
    }
}
