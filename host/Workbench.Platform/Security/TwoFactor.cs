using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Data;

namespace Workbench.Platform.Security;

/// <summary>An authenticator app's setup: the shared key (for typing) and the otpauth URI (for a QR code or a link).</summary>
public sealed record AuthenticatorSetup(string Key, string FormattedKey, string Uri);

/// <summary>
/// TOTP second factor (RFC 6238, any authenticator app) with ASP.NET Core Identity's authenticator token provider:
/// setup, confirmation with a first code, recovery codes, switching off. Every change is audited.
/// </summary>
public sealed class TwoFactorAccounts(UserManager<WorkbenchUser> users, SignInManager<WorkbenchUser> signIn, ITenantContext tenant, IAuditLog audit, TenantDatabaseSession session)
{
    public async Task<AuthenticatorSetup> SetupAsync(WorkbenchUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
            // The reset renews the security stamp: renew the person's own session with it, or it ends within a minute.
            await signIn.RefreshSignInAsync(user);
        }
        var formatted = string.Join(' ', Enumerable.Range(0, (key!.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - i * 4)))).ToLowerInvariant();
        var issuer = Uri.EscapeDataString("Workbench " + tenant.Required.Settings.SiteName);
        var uri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.Email ?? user.UserName ?? user.Id)}?secret={key}&issuer={issuer}&digits=6";
        return new AuthenticatorSetup(key, formatted, uri);
    }

    /// <summary>Confirms the app with a code it shows; returns the recovery codes (shown once), or null when the code is wrong.</summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(WorkbenchUser user, string? code, CancellationToken ct)
    {
        var digits = new string((code ?? "").Where(char.IsDigit).ToArray());
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits))
        {
            await audit.AppendAsync("two-factor.enable-failed", user.Email ?? user.Id, null, ct);
            return null;
        }
        var recovery = await session.InTransactionAsync(async () =>
        {
            RoleService.Check(await users.SetTwoFactorEnabledAsync(user, true));
            var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 8))!.ToList();
            await audit.AppendAsync("two-factor.enabled", user.Email ?? user.Id, null, ct);
            return codes;
        }, ct);
        // The present session counts as two-factor from now on (the requirement for administrators is met).
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
        return recovery;
    }

    public async Task DisableAsync(WorkbenchUser user, CancellationToken ct)
    {
        await session.InTransactionAsync(async () =>
        {
            RoleService.Check(await users.SetTwoFactorEnabledAsync(user, false));
            RoleService.Check(await users.ResetAuthenticatorKeyAsync(user));
            await audit.AppendAsync("two-factor.disabled", user.Email ?? user.Id, null, ct);
            return true;
        }, ct);
        await signIn.RefreshSignInAsync(user);
    }

    /// <summary>
    /// Second step of a sign-in whose first step (password, directory) succeeded: an authenticator code, or a recovery
    /// code. The person is the one in the second-step cookie, or <paramref name="pendingUserId"/> when both steps come
    /// in one API request. Wrong codes count towards lockout and are audited.
    /// </summary>
    public async Task<SignInOutcome> SecondStepAsync(string? code, string channel, CancellationToken ct, string? pendingUserId = null)
    {
        var user = pendingUserId is not null ? await users.FindByIdAsync(pendingUserId) : await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return new SignInOutcome(false, "Pieslēgšanās sesija beigusies; sāciet no jauna.");
        if (await users.IsLockedOutAsync(user)) return await FailedAsync(user, channel, ct);
        var typed = (code ?? "").Replace(" ", "", StringComparison.Ordinal);
        var accepted = typed.Length == 6 && typed.All(char.IsDigit)
            ? await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, typed)
            : typed.Length > 0 && (await users.RedeemTwoFactorRecoveryCodeAsync(user, typed.ToUpperInvariant())).Succeeded;
        if (!accepted)
        {
            await users.AccessFailedAsync(user);
            return await FailedAsync(user, channel, ct);
        }
        await users.ResetAccessFailedCountAsync(user);
        await signIn.Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
        await audit.AppendAsync("signin.succeeded", user.Email ?? user.Id, new { channel, secondFactor = true }, ct);
        return new SignInOutcome(true, null);
    }

    private async Task<SignInOutcome> FailedAsync(WorkbenchUser user, string channel, CancellationToken ct)
    {
        var locked = await users.IsLockedOutAsync(user);
        await audit.AppendAsync("signin.second-factor-failed", user.Email ?? user.Id, new { channel, lockedOut = locked }, ct);
        return new SignInOutcome(false, locked
            ? "Konts uz laiku bloķēts pēc vairākiem neveiksmīgiem mēģinājumiem."
            : "Nepareizs kods.");
    }

    /// <summary>
    /// Starts the second step for a person whose first factor was checked outside Identity's password store (the
    /// directory): the same short-lived cookie Identity's own password sign-in writes.
    /// </summary>
    public Task BeginSecondStepAsync(WorkbenchUser user, string method) =>
        signIn.Context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Id), new Claim(ClaimTypes.AuthenticationMethod, method)], IdentityConstants.TwoFactorUserIdScheme)));

    /// <summary>
    /// A staff session (cookie) not opened with a second factor here or at a trusted provider: password and directory
    /// sessions, and any whose sign-in method is unknown. Bearer tokens of machine clients are not sessions.
    /// </summary>
    public static bool IsSingleFactor(ClaimsPrincipal user) =>
        user.Identity?.AuthenticationType == IdentityConstants.ApplicationScheme &&
        !user.HasClaim("amr", "mfa") &&
        user.FindFirst(ClaimTypes.AuthenticationMethod)?.Value.StartsWith("oidc:", StringComparison.Ordinal) != true;
}
