using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Data;

namespace Workbench.Platform.Signals;

/// <summary>Change signals for live screens, across the nodes of a PostgreSQL host (see README.md beside this file).</summary>
public static class SignalsStartup
{
    public static IServiceCollection AddSignals(this IServiceCollection services)
    {
        services.AddSingleton<SignalHub>();
        services.AddSingleton<PostgresSignalRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<PostgresSignalRelay>());
        services.AddScoped<IChangeSignals, ChangeSignals>();
        return services;
    }
}
