using Workbench.Abstractions.Security;
using Workbench.Abstractions.Modules;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Integration;

namespace Workbench.Platform.Outbox;

/// <summary>The outbox for outgoing integrations as one piece (see README.md beside this file).</summary>
public static class OutboxStartup
{
    /// <summary>What the outbox adds to the platform's manifest: the page of messages to external systems.</summary>
    public static readonly NavigationItem[] Navigation =
        [new("Nosūtāmie ziņojumi", "Outbox", "admin/outbox", PlatformFeatures.Admin, PermissionNames.ManageFeatures, 967)];

    /// <summary><c>IOutbox</c> (writes in the caller's transaction), the e-mail adapter, the dispatcher the <c>outbox-dispatch</c> job runs.</summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddScoped<IOutbox, OutboxWriter>();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        services.AddScoped<IOutboxAdapter, SmtpEmailAdapter>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHttpClient();
        return services;
    }
}
