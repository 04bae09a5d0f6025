namespace Workbench.Abstractions.Modules;

/// <summary>
/// Endpoint metadata: the endpoint exists in a tenant only while the feature is enabled there.
/// Module pages get their module's main feature automatically; put this on a page model to name another feature.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RequiresFeatureAttribute(string featureId) : Attribute
{
    public string FeatureId { get; } = featureId;
}

/// <summary>Endpoint metadata: the endpoint belongs to the host itself and answers without a tenant prefix.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class HostEndpointAttribute : Attribute;
