using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workbench.Abstractions.Notifications;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Tenants;

namespace Workbench.Platform.Notifications;

/// <summary>
/// Once a day (<c>Workbench:ReminderIntervalHours</c>) asks every enabled module's reminder source what is due in
/// each running tenant and notifies the people concerned; each occasion is notified once, however often the job runs.
/// </summary>
public sealed class ReminderJob(TenantRegistry registry, TenantScopes scopes, IOptions<WorkbenchOptions> options, ILogger<ReminderJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(options.Value.ReminderIntervalHours));
        do
        {
            foreach (var tenant in registry.All.Where(t => t.IsRunning))
            {
                try { await RunAsync(tenant.Info!, stoppingToken); }
                catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogWarning(ex, "Reminders failed in {TenantName}", tenant.Name); }
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

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
