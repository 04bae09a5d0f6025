using System.Security.Claims;

namespace Workbench.Abstractions.Security;

public interface IPermissionService
{
    /// <summary>Whether the user holds the permission in the current tenant (through any of their roles there).</summary>
    bool HasPermission(ClaimsPrincipal user, string permission);
}
