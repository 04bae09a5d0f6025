using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Data;
using Workbench.Platform.Tenants;

namespace Workbench.Platform.Security;

/// <summary>Stamps the sign-in with the tenant it was made in, and the person's display name.</summary>
public sealed class TenantClaimsPrincipalFactory(
    UserManager<WorkbenchUser> users,
    RoleManager<WorkbenchRole> roles,
    IOptions<IdentityOptions> options,
    ITenantContext tenant) : UserClaimsPrincipalFactory<WorkbenchUser, WorkbenchRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(WorkbenchUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PermissionClaim.TenantClaimType, tenant.Required.Name));
        if (user.Email is not null) identity.AddClaim(new Claim(ClaimTypes.Email, user.Email));
        identity.AddClaim(new Claim("name", string.IsNullOrEmpty(user.DisplayName) ? user.Email ?? user.UserName ?? "" : user.DisplayName));
        return identity;
    }
}
