using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Notifications;
using Workbench.Platform.Data;

namespace Workbench.Platform.Notifications;

public sealed class NotificationService(PlatformDbContext db, TenantDatabaseSession session) : INotifications
{
    public Task NotifyAsync(string recipient, string key, string text, string url, CancellationToken cancellationToken = default) =>
        session.InTransactionAsync(async () =>
        {
            var normalized = recipient.Trim().ToLowerInvariant();
            if (await db.Notifications.AnyAsync(n => n.Recipient == normalized && n.Key == key, cancellationToken)) return;
            db.Notifications.Add(new Notification { Id = Guid.NewGuid(), Recipient = normalized, Key = key, Text = text, Url = url, CreatedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);

    public Task<int> UnreadCountAsync(string recipient, CancellationToken cancellationToken = default)
    {
        var normalized = recipient.Trim().ToLowerInvariant();
        return db.Notifications.CountAsync(n => n.Recipient == normalized && n.ReadUtc == null, cancellationToken);
    }

    public Task<List<Notification>> ListAsync(string recipient, CancellationToken ct)
    {
        var normalized = recipient.Trim().ToLowerInvariant();
        return db.Notifications.AsNoTracking().Where(n => n.Recipient == normalized).OrderByDescending(n => n.CreatedUtc).Take(200).ToListAsync(ct);
    }

    public Task<int> MarkReadAsync(string recipient, CancellationToken ct)
    {
        var normalized = recipient.Trim().ToLowerInvariant();
        return db.Notifications.Where(n => n.Recipient == normalized && n.ReadUtc == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadUtc, DateTime.UtcNow), ct);
    }
}
