using Workbench.Abstractions.Notifications;

namespace Workbench.KnowledgeBase.Domain;

/// <summary>Owners of articles past their review date are reminded, once per review date.</summary>
public sealed class ArticleReminders(ArticleService articles) : IReminderSource
{
    public string Feature => KnowledgeBaseManifest.Feature;

    public async Task<IReadOnlyList<Reminder>> DueAsync(DateOnly today, CancellationToken cancellationToken) =>
        (await articles.StaleAsync(cancellationToken))
            .Where(a => a.Owner.Contains('@'))
            .Select(a => new Reminder(a.Owner, $"kb-review:{a.Id}:{a.NextReviewDate:yyyy-MM-dd}",
                $"Pārskatiet rakstu \"{a.Title}\" (pārskatīšanas datums {a.NextReviewDate:dd.MM.yyyy}).", $"admin/kb/{a.Id}"))
            .ToList();
}
