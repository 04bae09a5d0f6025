using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Notifications;
using Workbench.DocumentRegister.Data;

namespace Workbench.DocumentRegister.Domain;

/// <summary>
/// Reminders of execution control, asked daily by the platform's reminder job: the executor three days before the due
/// date, and the executor and the person who assigned it once the task is overdue. Each occasion is notified once.
/// </summary>
public sealed class TaskReminders(DocumentRegisterDbContext db) : IReminderSource
{
    public const int DaysBefore = 3;

    public string Feature => DocumentRegisterManifest.Feature;

    public async Task<IReadOnlyList<Reminder>> DueAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var soon = today.AddDays(DaysBefore);
        var open = await (from t in db.Tasks.AsNoTracking()
                          join d in db.Documents.AsNoTracking() on t.DocumentId equals d.Id
                          where t.CompletedOn == null && t.DueDate <= soon
                          select new { t, d.RegistrationNumber, d.Title }).ToListAsync(cancellationToken);
        var reminders = new List<Reminder>();
        foreach (var o in open)
        {
            var url = $"admin/documents/{o.t.DocumentId}";
            if (o.t.DueDate >= today)
                reminders.Add(new(o.t.Executor, $"document-task:{o.t.Id}:before", $"Tuvojas izpildes termiņš {o.t.DueDate:dd.MM.yyyy}: {o.RegistrationNumber} {o.Title}", url));
            else
                foreach (var recipient in new[] { o.t.Executor, o.t.AssignedBy }.Where(r => r.Contains('@')).Distinct())
                    reminders.Add(new(recipient, $"document-task:{o.t.Id}:overdue", $"Nokavēts izpildes termiņš {o.t.DueDate:dd.MM.yyyy}: {o.RegistrationNumber} {o.Title}", url));
        }
        return reminders;
    }
}
