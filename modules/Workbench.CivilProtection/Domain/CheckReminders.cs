using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Notifications;
using Workbench.CivilProtection.Data;

namespace Workbench.CivilProtection.Domain;

/// <summary>
/// Asked daily by the platform's reminder job: the owner's contact person of a resource whose check falls due (or is
/// overdue) is reminded in the workplace, once per due date. The text names the resource only; the link opens nothing
/// for a person without the civil protection permission.
/// </summary>
public sealed class CheckReminders(CivilProtectionDbContext db) : IReminderSource
{
    public const int DaysBefore = 7;

    public string Feature => CivilProtectionManifest.Feature;

    public async Task<IReadOnlyList<Reminder>> DueAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var soon = today.AddDays(DaysBefore);
        var resources = await db.Resources.AsNoTracking().Where(r => r.ContactEmail != null && (r.NextCheck == null || r.NextCheck <= soon))
            .Select(r => new { r.Id, r.Name, r.ContactEmail, r.NextCheck }).ToListAsync(cancellationToken);
        return resources
            .Select(r => new { r, Due = r.NextCheck })
            .Select(x => new Reminder(x.r.ContactEmail!, $"civil-protection-check:{x.r.Id}:{x.Due?.ToString("yyyy-MM-dd") ?? "never"}",
                x.Due is { } due ? $"Resursa pārbaude {(due < today ? "nokavēta" : "jāveic līdz")} {due:dd.MM.yyyy}: {x.r.Name}" : $"Resurss vēl nav pārbaudīts: {x.r.Name}",
                $"admin/civil-protection/resources/{x.r.Id}"))
            .ToList();
    }
}
