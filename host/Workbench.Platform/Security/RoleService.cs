using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Data;
using Workbench.Platform.Modules;
using Workbench.Platform.Tenants;

namespace Workbench.Platform.Security;

/// <summary>Per-tenant roles and the permission names they grant (stored as role claims).</summary>
public sealed partial class RoleService(RoleManager<WorkbenchRole> roles, PlatformDbContext db, ModuleCatalog catalog, IAuditLog audit, TenantDatabaseSession session, ITenantChanges changes, ITenantContext tenant)
{
    public static bool IsValidName(string? name) => name is not null && RoleName().IsMatch(name);

    public async Task<IReadOnlyList<(WorkbenchRole Role, IReadOnlyList<string> Permissions)>> ListAsync(CancellationToken ct)
    {
        var all = await db.Roles.OrderBy(r => r.Name).ToListAsync(ct);
        var claims = await db.RoleClaims.Where(c => c.ClaimType == PermissionClaim.Type).ToListAsync(ct);
        return all.Select(r => (r, (IReadOnlyList<string>)claims.Where(c => c.RoleId == r.Id).Select(c => c.ClaimValue!).Order().ToList())).ToList();
    }

    /// <summary>Creates the role or replaces its description and permissions.</summary>
    public Task SaveAsync(string name, string description, IReadOnlyCollection<string> permissions, CancellationToken ct) =>
        session.InTransactionAsync(() => SaveInTransactionAsync(name, description, permissions, ct), ct);

    private async Task SaveInTransactionAsync(string name, string description, IReadOnlyCollection<string> permissions, CancellationToken ct)
    {
        var unknown = permissions.Except(catalog.Permissions.Select(p => p.Name)).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"Nezināmas atļaujas: {string.Join(", ", unknown)}");
        var role = await roles.FindByNameAsync(name);
        if (role is null)
        {
            role = new WorkbenchRole { Name = name, Description = description };
            Check(await roles.CreateAsync(role));
        }
        else if (role.Description != description)
        {
            role.Description = description;
            Check(await roles.UpdateAsync(role));
        }
        await db.RoleClaims.Where(c => c.RoleId == role.Id && c.ClaimType == PermissionClaim.Type).ExecuteDeleteAsync(ct);
        db.RoleClaims.AddRange(permissions.Distinct().Select(p => new IdentityRoleClaim<string> { RoleId = role.Id, ClaimType = PermissionClaim.Type, ClaimValue = p }));
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync("role.saved", name, new { permissions }, ct);
        // Role grants are cached with the tenant in every host process.
        await session.AfterCommitAsync(() => changes.ChangedAsync(tenant.Required.Name, CancellationToken.None));
    }

    /// <summary>The built-in roles with the permissions modules grant them by default.</summary>
    public async Task SeedBuiltInAsync(CancellationToken ct)
    {
        foreach (var name in BuiltInRoles.All)
        {
            if (await roles.FindByNameAsync(name) is not null) continue;
            var defaults = catalog.Permissions.Where(p => p.DefaultRoles.Contains(name)).Select(p => p.Name).ToList();
            await SaveAsync(name, "", defaults, ct);
        }
    }

    internal static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    [GeneratedRegex(@"^[\p{L}\p{N} _-]{2,64}$")]
    private static partial Regex RoleName();
}
