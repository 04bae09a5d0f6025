using System.Security.Claims;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Tenants;

namespace Workbench.Platform.Security;

/// <summary>Permissions come from the user's roles in the current tenant; role grants are cached with the tenant.</summary>
public sealed class PermissionService(ITenantContext tenant, TenantRegistry registry) : IPermissionService
{
    public bool HasPermission(ClaimsPrincipal user, string permission)
    {
        var current = tenant.Current;
        if (current is null || user.Identity?.IsAuthenticated != true) return false;
        // A principal issued by another tenant carries no rights here.
        if (user.FindFirstValue(PermissionClaim.TenantClaimType) is { } issuedFor && issuedFor != current.Name) return false;
        if (registry.Find(current.Name) is not { } shell) return false;
        foreach (var role in user.FindAll(ClaimTypes.Role).Select(c => c.Value))
        {
            if (role == BuiltInRoles.Administrator) return true;
            if (shell.RolePermissions.TryGetValue(role, out var granted) && granted.Contains(permission)) return true;
        }
        return false;
    }
}
