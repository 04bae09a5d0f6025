using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Audit;
using Workbench.Platform.Data;
using Workbench.Abstractions.Validation;

namespace Workbench.Platform.Security;

/// <summary>Staff accounts of the current tenant (local sign-in; federation comes with the SSO work).</summary>
public sealed class UserService(UserManager<WorkbenchUser> users, RoleManager<WorkbenchRole> roles, IAuditLog audit, TenantDatabaseSession session)
{
    public async Task<ValidationErrors> ValidateAsync(string? email, string? password, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (!IsEmailAddress(email))
        {
            errors.Add("email", "Nederīga e-pasta adrese.");
            return errors;
        }
        var probe = new WorkbenchUser { UserName = email, Email = email };
        // The account rules (allowed characters, uniqueness of new names) are checked here, not discovered on saving.
        if (await users.FindByEmailAsync(email!) is null)
            foreach (var validator in users.UserValidators)
                foreach (var error in (await validator.ValidateAsync(users, probe)).Errors) errors.Add("email", $"Nederīga e-pasta adrese: {error.Description}");
        if (!string.IsNullOrEmpty(password))
        {
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, probe, password);
                foreach (var error in result.Errors) errors.Add("password", $"Parole neatbilst politikai: {error.Description}");
            }
        }
        return errors;
    }

    /// <summary>One address, as a mail server takes it: no spaces or control characters, at most 254 characters.</summary>
    public static bool IsEmailAddress(string? email) =>
        !string.IsNullOrEmpty(email) && email.Length <= 254 && !email.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c))
        && new EmailAddressAttribute().IsValid(email) && System.Net.Mail.MailAddress.TryCreate(email, out var parsed) && parsed.Address == email;

    /// <summary>Creates the account or updates its name and roles. The password is only set on creation.</summary>
    public Task<WorkbenchUser> SaveAsync(string email, string displayName, string? password, IReadOnlyCollection<string> roleNames, CancellationToken ct) =>
        session.InTransactionAsync(() => SaveInTransactionAsync(email, displayName, password, roleNames, ct), ct);

    private async Task<WorkbenchUser> SaveInTransactionAsync(string email, string displayName, string? password, IReadOnlyCollection<string> roleNames, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(email);
        var created = user is null;
        if (user is null)
        {
            user = new WorkbenchUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, LockoutEnabled = true };
            RoleService.Check(string.IsNullOrEmpty(password) ? await users.CreateAsync(user) : await users.CreateAsync(user, password));
        }
        else if (displayName.Length > 0 && user.DisplayName != displayName)
        {
            user.DisplayName = displayName;
            RoleService.Check(await users.UpdateAsync(user));
        }
        await SetRolesAsync(user, roleNames);
        await audit.AppendAsync(created ? "user.created" : "user.updated", email, new { roles = roleNames }, ct);
        return user;
    }

    public async Task SetRolesAsync(WorkbenchUser user, IReadOnlyCollection<string> roleNames)
    {
        var missing = roleNames.Where(r => roles.Roles.All(x => x.Name != r)).ToList();
        if (missing.Count > 0) throw new ArgumentException($"Nezināmas lomas: {string.Join(", ", missing)}");
        var current = await users.GetRolesAsync(user);
        RoleService.Check(await users.RemoveFromRolesAsync(user, current.Except(roleNames)));
        RoleService.Check(await users.AddToRolesAsync(user, roleNames.Except(current)));
        // A changed role set invalidates the person's existing sign-ins at their next validation.
        if (!current.ToHashSet().SetEquals(roleNames)) await users.UpdateSecurityStampAsync(user);
    }

    public async Task<IReadOnlyList<(WorkbenchUser User, IList<string> Roles)>> ListAsync(CancellationToken ct)
    {
        var list = await users.Users.OrderBy(u => u.Email).ToListAsync(ct);
        var result = new List<(WorkbenchUser, IList<string>)>();
        foreach (var user in list) result.Add((user, await users.GetRolesAsync(user)));
        return result;
    }
}
