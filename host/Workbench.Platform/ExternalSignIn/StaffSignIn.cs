using Microsoft.AspNetCore.Identity;
using Workbench.Abstractions.Audit;
using Workbench.Platform.Data;
using Workbench.Platform.Security;

namespace Workbench.Platform.ExternalSignIn;

/// <summary>
/// Password sign-in to the current tenant: the municipality's directory first when it has one, then local accounts
/// (unless switched off), with lockout; every attempt is audited.
/// </summary>
public sealed class StaffSignIn(SignInManager<WorkbenchUser> signIn, UserManager<WorkbenchUser> users, IAuditLog audit, SignInSettingsStore settings, DirectorySignIn directory)
{
    public async Task<SignInOutcome> SignInAsync(string? email, string? password, string channel)
    {
        var current = await settings.GetAsync(CancellationToken.None);
        if (current.Directory is { } configured && !string.IsNullOrWhiteSpace(email) &&
            await directory.SignInAsync(configured, email.Trim(), password ?? "", channel, localFallback: current.LocalAccounts, CancellationToken.None) is { } outcome)
            return outcome;
        if (!current.LocalAccounts)
        {
            await audit.AppendAsync("signin.refused", email ?? "", new { channel, reason = "local accounts off" });
            return new SignInOutcome(false, "Šajā pašvaldībā ar paroli nepieslēdzas; izmantojiet vienoto pieteikšanos.");
        }
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email);
        var result = user is null ? SignInResult.Failed : await signIn.PasswordSignInAsync(user, password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            await audit.AppendAsync("signin.password-accepted", email ?? "", new { channel, secondFactor = "required" });
            return SignInOutcome.SecondFactor(user!.Id);
        }
        await audit.AppendAsync(result.Succeeded ? "signin.succeeded" : "signin.failed", email ?? "", new { channel, lockedOut = result.IsLockedOut });
        return result.Succeeded ? new SignInOutcome(true, null)
            : new SignInOutcome(false, result.IsLockedOut
                ? "Konts uz laiku bloķēts pēc vairākiem neveiksmīgiem mēģinājumiem."
                : "Nepareizs e-pasts vai parole.");
    }

    public async Task SignOutAsync()
    {
        await signIn.SignOutAsync();
        await audit.AppendAsync("signout", "");
    }
}
