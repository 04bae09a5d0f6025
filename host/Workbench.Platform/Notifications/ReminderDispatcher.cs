using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Notifications;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Tenants;

namespace Workbench.Platform.Notifications;

/// <summary>
/// Once a day (<c>Workbench:ReminderIntervalHours</c>, the <c>reminders</c> job) asks every enabled module's reminder source what is due in
/// each running tenant and notifies the people concerned; each occasion is notified once, however often the job runs.
/// </summary>
public sealed class ReminderDispatcher(TenantScopes scopes)
{
    /// <returns>How many reminders were due (already notified ones included).</returns>
    public async Task<int> RunAsync(TenantInfo tenant, CancellationToken ct)
    {
        await using var scope = scopes.Create(tenant, "reminders");
        var notifications = scope.ServiceProvider.GetRequiredService<INotifications>();
        var due = 0;
        foreach (var source in scope.ServiceProvider.GetServices<IReminderSource>().Where(s => tenant.IsFeatureEnabled(s.Feature)))
            foreach (var reminder in await source.DueAsync(tenant.Settings.Today(), ct))
            {
                await notifications.NotifyAsync(reminder.Recipient, reminder.Key, reminder.Text, reminder.Url, ct);
                due++;
            }
        return due;
    }
}
