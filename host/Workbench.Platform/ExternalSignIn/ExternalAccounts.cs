using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Data;
using Workbench.Platform.Security;

namespace Workbench.Platform.ExternalSignIn;

/// <summary>
/// Turns a validated external sign-in into a staff session of the municipality. Workbench provider: the person must
/// hold a membership in this municipality, and their roles here are exactly the membership's. Upstream provider:
/// the account is found by its link (provider key + subject), else linked by a verified e-mail, else created with
/// the provider's default role. Every outcome is audited in the municipality.
/// </summary>
public sealed class ExternalAccounts(
    SignInManager<WorkbenchUser> signIn,
    UserManager<WorkbenchUser> users,
    RoleManager<WorkbenchRole> roles,
    UserService userService,
    TenantDatabaseSession session,
    ExternalSignInSchemes schemes,
    ITenantContext tenant,
    IAuditLog audit,
    ILogger<ExternalAccounts> logger)
{
    public async Task<SignInOutcome> CompleteAsync(CancellationToken ct)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        await signIn.Context.SignOutAsync(IdentityConstants.ExternalScheme);
        if (info is null)
            return new SignInOutcome(false, "Pieslēgšanās neizdevās vai ir novecojusi; mēģiniet vēlreiz (the sign-in did not complete or expired; try again).");
        var channel = "oidc:" + info.LoginProvider;
        var email = info.Principal.FindFirstValue(ClaimTypes.Email);
        if (schemes.Find(ExternalSignInSchemes.SchemeName(tenant.Required.Name, info.LoginProvider)) is not { } provider)
            return await RefuseAsync(email, channel, "provider removed", "Šis pieteikšanās veids vairs nav pieejams (this sign-in provider is no longer available).", ct);

        IReadOnlyList<string>? membershipRoles = null;
        if (provider.IsWorkbench && (membershipRoles = MembershipRoles(info.Principal, tenant.Required.Name)) is null)
            return await RefuseAsync(email, channel, "no membership",
                $"Jums nav piekļuves pašvaldībai \"{tenant.Required.Settings.SiteName}\": vienotajā pieteikšanās sistēmā neesat tās darbinieku sarakstā. " +
                "Lūdziet kompetences centram piešķirt dalību (you are not a member of this municipality; ask the competence centre for a membership).", ct);

        var (user, problem) = await session.InTransactionAsync(() => FindOrProvisionAsync(info, provider, email, membershipRoles, ct), ct);
        if (user is null) return await RefuseAsync(email, channel, problem!, problem!, ct);
        if (await users.IsLockedOutAsync(user))
            return await RefuseAsync(email, channel, "locked out", "Konts šajā pašvaldībā ir bloķēts (the account is locked in this municipality).", ct);
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: channel);
        await audit.AppendAsync("signin.succeeded", user.Email ?? user.Id, new { channel, subject = info.ProviderKey }, ct);
        return new SignInOutcome(true, null);
    }

    private async Task<(WorkbenchUser?, string?)> FindOrProvisionAsync(
        ExternalLoginInfo info, ExternalProvider provider, string? email, IReadOnlyList<string>? membershipRoles, CancellationToken ct)
    {
        var user = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
        if (user is null)
        {
            // Our own provider's e-mails are set by administrators; an upstream one must say it verified the address.
            var verified = provider.IsWorkbench || info.Principal.FindFirstValue(IdTokens.EmailVerifiedClaim) == "true";
            if (email is not null && verified) user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                if (email is null) return (null, "Pakalpojumu sniedzējs nenodeva e-pastu (the provider did not share an e-mail address).");
                if (await users.FindByEmailAsync(email) is not null)
                    return (null, "Konts ar šo e-pastu jau ir, bet sniedzējs e-pastu nav apliecinājis; lūdziet administratoru kontus sasaistīt " +
                        "(an account with this e-mail exists and the provider did not verify the address).");
                user = new WorkbenchUser
                {
                    UserName = email, Email = email, EmailConfirmed = verified, LockoutEnabled = true,
                    DisplayName = info.Principal.FindFirstValue(ClaimTypes.Name) ?? email,
                };
                RoleService.Check(await users.CreateAsync(user));
                if (membershipRoles is null) await userService.SetRolesAsync(user, await ExistingAsync([provider.DefaultRole]));
                await audit.AppendAsync("user.provisioned", email, new { provider = provider.Key, subject = info.ProviderKey, role = membershipRoles is null ? provider.DefaultRole : null }, ct);
            }
            RoleService.Check(await users.AddLoginAsync(user, new UserLoginInfo(info.LoginProvider, info.ProviderKey, provider.DisplayName)));
        }
        if (membershipRoles is not null) await userService.SetRolesAsync(user, await ExistingAsync(membershipRoles));
        return (user, null);
    }

    /// <summary>Role names this municipality defines; others (a membership naming a role it lacks) are logged and left out.</summary>
    private async Task<IReadOnlyList<string>> ExistingAsync(IReadOnlyList<string> names)
    {
        var existing = new List<string>();
        foreach (var name in names.Distinct())
            if (await roles.RoleExistsAsync(name)) existing.Add(name);
            else logger.LogWarning("Role {Role} does not exist in {Tenant}; not granted", name, tenant.Required.Name);
        return existing;
    }

    /// <summary>The roles the ID token's <c>tenant_roles</c> claim names for this municipality, or null without a membership.</summary>
    public static IReadOnlyList<string>? MembershipRoles(ClaimsPrincipal principal, string tenantName)
    {
        if (principal.FindFirstValue(IdTokens.TenantRolesClaim) is not { } json) return null;
        var all = JsonSerializer.Deserialize<Dictionary<string, List<string>>>(json);
        return all is not null && all.TryGetValue(tenantName, out var list) && list.Count > 0 ? list : null;
    }

    private async Task<SignInOutcome> RefuseAsync(string? email, string channel, string reason, string message, CancellationToken ct)
    {
        await audit.AppendAsync("signin.refused", email ?? "", new { channel, reason }, ct);
        return new SignInOutcome(false, message);
    }

    /// <summary>
    /// The provider answered with an error, or its answer failed validation (state, PKCE, ID token): audited, and the
    /// person is sent back to the sign-in page with a message instead of an exception page.
    /// </summary>
    public static async Task OnRemoteFailureAsync(RemoteFailureContext context)
    {
        var audit = context.HttpContext.RequestServices.GetRequiredService<IAuditLog>();
        var key = ((ExternalSignInOptions)context.Options).Provider.Key;
        await audit.AppendAsync("signin.failed", "", new { channel = "oidc:" + key, reason = context.Failure?.Message }, context.HttpContext.RequestAborted);
        context.Response.Redirect(context.Request.PathBase + "/signin?failed=" + Uri.EscapeDataString(key));
        context.HandleResponse();
    }
}
