using Workbench.Abstractions.Data;
using Workbench.Abstractions.Tenants;

namespace Workbench.Platform.Signals;

/// <summary>The current tenant's signals: woken here after commit, and passed on to the other nodes.</summary>
public sealed class ChangeSignals(ITenantContext tenant, ITenantTransaction transaction, SignalHub hub, PostgresSignalRelay relay) : IChangeSignals
{
    public Task SignalAsync(string topic, Guid subject)
    {
        var name = tenant.Required.Name;
        return transaction.AfterCommitAsync(async () =>
        {
            hub.Wake(name, topic, subject);
            await relay.SendAsync(name, topic, subject);
        });
    }

    public ChangeWatch Watch(string topic, Guid subject) => hub.Watch(tenant.Required.Name, topic, subject);
}
