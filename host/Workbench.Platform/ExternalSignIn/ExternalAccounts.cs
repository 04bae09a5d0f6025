using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Data;
using Workbench.Platform.Security;

namespace Workbench.Platform.ExternalSignIn;

/// <summary>Who an outside source (a provider, a directory) says signed in, and what it says about them.</summary>
public sealed record AccountLink(
    string LoginProvider, string ProviderKey, string ProviderDisplayName, string? Email, bool EmailVerified, string? DisplayName,
    IReadOnlyList<string>? Roles, string DefaultRole, bool PasswordChecked = false, bool MayLinkAdministrators = false);

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
    TwoFactorAccounts twoFactor,
    ILogger<ExternalAccounts> logger)
{
    public async Task<SignInOutcome> CompleteAsync(CancellationToken ct)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        await signIn.Context.SignOutAsync(IdentityConstants.ExternalScheme);
        if (info is null)
            return new SignInOutcome(false, "Pieslēgšanās neizdevās vai ir novecojusi; mēģiniet vēlreiz.");
        var channel = "oidc:" + info.LoginProvider;
        var email = info.Principal.FindFirstValue(ClaimTypes.Email);
        var scheme = ExternalSignInSchemes.SchemeName(tenant.Required.Name, info.LoginProvider);
        if (schemes.Find(scheme) is not { } provider)
            return await RefuseAsync(email, channel, "provider removed", "Šis pieteikšanās veids vairs nav pieejams.", ct);
        // The external cookie must come from this municipality's own scheme, not be carried over from another's.
        var properties = info.AuthenticationProperties;
        if (properties?.GetString(ExternalSignInHandler.SchemeItem) != scheme || properties.GetString(ExternalSignInHandler.IssuerItem) is not { } issuer)
            return await RefuseAsync(email, channel, "external sign-in from another scheme", "Pieslēgšanās neizdevās; mēģiniet vēlreiz.", ct);

        IReadOnlyList<string>? membershipRoles = null;
        if (provider.IsWorkbench && (membershipRoles = MembershipRoles(info.Principal, tenant.Required.Name)) is null)
            return await RefuseAsync(email, channel, "no membership",
                $"Jums nav piekļuves pašvaldībai \"{tenant.Required.Settings.SiteName}\": vienotajā pieteikšanās sistēmā neesat tās darbinieku sarakstā. " +
                "Lūdziet kompetences centram piešķirt dalību.", ct);

        return await SignInLinkedAsync(new AccountLink(
            LinkProvider(info.LoginProvider, issuer), info.ProviderKey, provider.DisplayName, email,
            EmailVerified: provider.IsWorkbench || info.Principal.FindFirstValue(ExternalSignInHandler.EmailVerifiedClaim) == "true",
            info.Principal.FindFirstValue(ClaimTypes.Name), membershipRoles, provider.DefaultRole, MayLinkAdministrators: provider.IsWorkbench), channel, ct);
    }

    /// <summary>
    /// Signs in the account linked to <paramref name="link"/>: found by its link, else by a verified e-mail (then
    /// linked), else created. <see cref="AccountLink.Roles"/>, when given, become exactly the account's roles here.
    /// </summary>
    public async Task<SignInOutcome> SignInLinkedAsync(AccountLink link, string channel, CancellationToken ct)
    {
        (WorkbenchUser? User, string? Problem) found;
        try
        {
            found = await session.InTransactionAsync(() => FindOrProvisionAsync(link, ct), ct);
        }
        catch (Exception first) when (first is DbUpdateException or InvalidOperationException)
        {
            // Two first sign-ins at once (a double click): the other one created the account, so this finds it.
            // Failing again, Identity refuses the account itself (e.g. an e-mail it cannot take as a user name).
            try { found = await session.InTransactionAsync(() => FindOrProvisionAsync(link, ct), ct); }
            catch (InvalidOperationException ex) { found = (null, $"Kontu nevar izveidot: {ex.Message}"); }
        }
        var (user, problem) = found;
        if (user is null) return await RefuseAsync(link.Email, channel, problem!, problem!, ct);
        if (await users.IsLockedOutAsync(user))
            return await RefuseAsync(link.Email, channel, "locked out", LockedOut, ct);
        if (link.PasswordChecked && user.TwoFactorEnabled)
        {
            // A directory password is one factor, like a local one: the authenticator code follows.
            await twoFactor.BeginSecondStepAsync(user, channel);
            await audit.AppendAsync("signin.password-accepted", user.Email ?? user.Id, new { channel, secondFactor = "required" }, ct);
            return SignInOutcome.SecondFactor(user.Id);
        }
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: channel);
        await audit.AppendAsync("signin.succeeded", user.Email ?? user.Id, new { channel, subject = link.ProviderKey }, ct);
        return new SignInOutcome(true, null);
    }

    public const string LockedOut = "Konts uz laiku bloķēts pēc vairākiem neveiksmīgiem mēģinājumiem.";

    /// <summary>The linked account, if there is one yet (for counting failed attempts against it).</summary>
    public Task<WorkbenchUser?> FindLinkedAsync(string loginProvider, string providerKey) => users.FindByLoginAsync(loginProvider, providerKey);

    private async Task<(WorkbenchUser?, string?)> FindOrProvisionAsync(AccountLink link, CancellationToken ct)
    {
        var user = await users.FindByLoginAsync(link.LoginProvider, link.ProviderKey);
        if (user is null)
        {
            // An e-mail links to an existing account only when the source vouches for it.
            if (link.Email is not null && link.EmailVerified) user = await users.FindByEmailAsync(link.Email);
            // An outside source's say-so (a provider's, a directory entry's) is not enough to take over an administrator.
            if (user is not null && !link.MayLinkAdministrators && await users.IsInRoleAsync(user, BuiltInRoles.Administrator))
                return (null, "Administratora kontu ar ārēju pakalpojumu sniedzēju automātiski nesasaista; lūdziet citu administratoru " +
                    "(an administrator's account is not linked to an outside provider automatically).");
            if (user is null)
            {
                if (link.Email is null) return (null, "Pakalpojumu sniedzējs nenodeva e-pastu.");
                if (await users.FindByEmailAsync(link.Email) is not null)
                    return (null, "Konts ar šo e-pastu jau ir, bet sniedzējs e-pastu nav apliecinājis; lūdziet administratoru kontus sasaistīt " +
                        "(an account with this e-mail exists and the provider did not verify the address).");
                user = new WorkbenchUser
                {
                    UserName = link.Email, Email = link.Email, EmailConfirmed = link.EmailVerified, LockoutEnabled = true,
                    DisplayName = link.DisplayName ?? link.Email,
                };
                RoleService.Check(await users.CreateAsync(user));
                if (link.Roles is null) await userService.SetRolesAsync(user, await ExistingAsync([link.DefaultRole]));
                await audit.AppendAsync("user.provisioned", link.Email, new { provider = link.LoginProvider, subject = link.ProviderKey, role = link.Roles is null ? link.DefaultRole : null }, ct);
            }
            RoleService.Check(await users.AddLoginAsync(user, new UserLoginInfo(link.LoginProvider, link.ProviderKey, link.ProviderDisplayName)));
        }
        if (link.Roles is not null) await userService.SetRolesAsync(user, await ExistingAsync(link.Roles));
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

    /// <summary>
    /// Links name the issuer as well as the key: pointing a key at another provider cannot hand its people the
    /// accounts of the previous provider's people with the same subject.
    /// </summary>
    public static string LinkProvider(string key, string issuer) =>
        $"{key}:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(issuer)))[..16]}";

    /// <summary>The roles the ID token's <c>tenant_roles</c> claim names for this municipality, or null without a membership.</summary>
    public static IReadOnlyList<string>? MembershipRoles(ClaimsPrincipal principal, string tenantName)
    {
        if (principal.FindFirstValue(ExternalSignInHandler.TenantRolesClaim) is not { } json) return null;
        try
        {
            var all = JsonSerializer.Deserialize<Dictionary<string, List<string>>>(json);
            return all is not null && all.TryGetValue(tenantName, out var list) && list.Count > 0 ? list : null;
        }
        catch (JsonException) { return null; }
    }

    public async Task<SignInOutcome> RefuseAsync(string? email, string channel, string reason, string message, CancellationToken ct)
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
        var scheme = context.Scheme.Name;
        var key = context.HttpContext.RequestServices.GetRequiredService<ExternalSignInSchemes>().Find(scheme)?.Key ?? scheme[(scheme.LastIndexOf('.') + 1)..];
        await audit.AppendAsync("signin.failed", "", new { channel = "oidc:" + key, reason = context.Failure?.Message }, context.HttpContext.RequestAborted);
        context.Response.Redirect(context.Request.PathBase + "/signin?failed=" + Uri.EscapeDataString(key));
        context.HandleResponse();
    }
}
