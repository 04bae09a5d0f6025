using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Notifications;
using Workbench.ServiceCards.Data;

namespace Workbench.ServiceCards.Domain;

/// <summary>Cards past their next review date: the person who last saved the card is reminded, once per review date.</summary>
public sealed class ServiceCardReminders(ServiceCardsDbContext db) : IReminderSource
{
    public string Feature => ServiceCardsManifest.Feature;

    public async Task<IReadOnlyList<Reminder>> DueAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var due = await db.Cards.AsNoTracking().Where(c => c.NextReviewDate < today && c.State != CardState.Withdrawn).ToListAsync(cancellationToken);
        var reminders = new List<Reminder>();
        foreach (var card in due)
        {
            var editor = await db.Versions.AsNoTracking().Where(v => v.CardId == card.Id && v.Actor.Contains("@"))
                .OrderByDescending(v => v.Version).Select(v => v.Actor).FirstOrDefaultAsync(cancellationToken);
            if (editor is null) continue;
            reminders.Add(new Reminder(editor, $"card-review:{card.Id}:{card.NextReviewDate:yyyy-MM-dd}",
                $"Pārskatiet pakalpojuma kartīti \"{card.Name}\" (pārskatīšanas datums {card.NextReviewDate:dd.MM.yyyy}).", $"admin/service-cards/edit/{card.Id}"));
        }
        return reminders;
    }
}
