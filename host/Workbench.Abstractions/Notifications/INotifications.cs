namespace Workbench.Abstractions.Notifications;

/// <summary>In-app notifications of staff (shown in the workplace); e-mail delivery comes with the notification activities of the workflow engine.</summary>
public interface INotifications
{
    /// <summary>Notifies a person (by e-mail address) once per key: the same key again changes nothing.</summary>
    Task NotifyAsync(string recipient, string key, string text, string url, CancellationToken cancellationToken = default);

    Task<int> UnreadCountAsync(string recipient, CancellationToken cancellationToken = default);
}

/// <summary>A module's due reminders (review dates, deadlines); the platform's reminder job asks every enabled source daily.</summary>
public interface IReminderSource
{
    string Feature { get; }

    Task<IReadOnlyList<Reminder>> DueAsync(DateOnly today, CancellationToken cancellationToken);
}

/// <param name="Key">Identifies the occasion (e.g. article and review date), so a person is reminded once per occasion.</param>
/// <param name="Url">Tenant-relative address of what to look at.</param>
public sealed record Reminder(string Recipient, string Key, string Text, string Url);
