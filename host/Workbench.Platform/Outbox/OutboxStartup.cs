using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Integration;

namespace Workbench.Platform.Outbox;

/// <summary>The outbox for outgoing integrations as one piece (see README.md beside this file).</summary>
public static class OutboxStartup
{
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
