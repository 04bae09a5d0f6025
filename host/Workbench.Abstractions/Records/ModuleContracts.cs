using Microsoft.Extensions.DependencyInjection;

namespace Workbench.Abstractions.Records;

/// <summary>
/// The one way a module reaches another: a typed contract from this namespace, as the current tenant has it. Inject
/// <c>IModuleContract&lt;IRecordRegistry&gt;</c> and read <see cref="Current"/>: null where no installed module offers the
/// contract or the feature that offers it is not enabled in the tenant — the caller then carries on without it.
/// </summary>
public interface IModuleContract<out TContract> where TContract : class
{
    TContract? Current { get; }
}

/// <summary>Declares that <paramref name="FeatureId"/> offers <paramref name="Contract"/>, implemented by <paramref name="Implementation"/>.</summary>
public sealed record ModuleContractRegistration(Type Contract, Type Implementation, string FeatureId);

public static class ModuleContractServiceCollectionExtensions
{
    /// <summary>
    /// Offers <typeparamref name="TContract"/> to other modules (through <see cref="IModuleContract{TContract}"/>) in the
    /// tenants where <paramref name="featureId"/> is enabled. The implementation is scoped and checks no feature itself.
    /// </summary>
    public static IServiceCollection AddModuleContract<TContract, TImplementation>(this IServiceCollection services, string featureId)
        where TContract : class
        where TImplementation : class, TContract
    {
        services.AddScoped<TImplementation>();
        services.AddSingleton(new ModuleContractRegistration(typeof(TContract), typeof(TImplementation), featureId));
        return services;
    }
}
