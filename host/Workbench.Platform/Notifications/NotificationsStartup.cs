using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Notifications;

namespace Workbench.Platform.Notifications;

/// <summary>In-app notifications and the daily reminders as one piece (see README.md beside this file).</summary>
public static class NotificationsStartup
{
    /// <summary><c>INotifications</c> and the dispatcher the <c>reminders</c> job runs.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddScoped<NotificationService>();
        services.AddScoped<INotifications>(sp => sp.GetRequiredService<NotificationService>());
        services.AddSingleton<ReminderDispatcher>();
        return services;
    }
}
