using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Records;
using Workbench.Abstractions.Tenants;

namespace Workbench.Platform.Modules;

/// <summary>Another module's contract in the current tenant: the first implementation whose feature the tenant has enabled.</summary>
public sealed class ModuleContract<TContract> : IModuleContract<TContract> where TContract : class
{
    private readonly (string FeatureId, TContract Implementation)[] _offered;
    private readonly ITenantContext _tenant;

    public ModuleContract(IServiceProvider services, IEnumerable<ModuleContractRegistration> registrations, ITenantContext tenant)
    {
        // Built with their consumer, as constructor injection builds services: a tenant DbContext joins the scope's shared
        // connection when it is created, which SQLite refuses while a statement of the consumer's work is running.
        _offered = registrations.Where(r => r.Contract == typeof(TContract))
            .Select(r => (r.FeatureId, (TContract)services.GetRequiredService(r.Implementation))).ToArray();
        _tenant = tenant;
    }

    /// <summary>Asked each time: a recipe run enables features as it goes.</summary>
    public TContract? Current =>
        _tenant.Current is { } current ? _offered.FirstOrDefault(o => current.IsFeatureEnabled(o.FeatureId)).Implementation : null;
}
