using Workbench.Abstractions.Tenants;

namespace Workbench.Platform.Tenants;

/// <summary>Scoped holder of the current tenant: set by the tenant middleware for requests, by <see cref="TenantScopes"/> otherwise.</summary>
public sealed class TenantContext : ITenantContext
{
    public TenantInfo? Current { get; set; }
}
