using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;
using Workbench.Platform;
using Workbench.Platform.Data;
using Workbench.Platform.Security;

namespace Workbench.Host.Pages.Admin;

[Authorize(Policy = "permission:" + PermissionNames.ManageUsers)]
[RequiresFeature(PlatformManifest.Admin)]
public sealed class UsersModel(UserService users, RoleService roles, UserManager<WorkbenchUser> userManager, IAuditLog audit) : AdminPageModel
{
    public IReadOnlyList<(WorkbenchUser User, IList<string> Roles)> Users { get; private set; } = [];
    public IReadOnlyList<string> RoleNames { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Users = await users.ListAsync(ct);
        RoleNames = (await roles.ListAsync(ct)).Select(r => r.Role.Name!).ToList();
    }

    public async Task<IActionResult> OnPostAsync(string email, string? displayName, string? password, string[] roles, CancellationToken ct)
    {
        var errors = await users.ValidateAsync(email, password, ct);
        if (!errors.IsValid) return Done(errors.Summary, error: true);
        try { await users.SaveAsync(email, displayName ?? "", password, roles, ct); }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException) { return Done(ex.Message, error: true); }
        return Done($"Lietotājs {email} saglabāts.");
    }

    public async Task<IActionResult> OnPostUnlockAsync(string email, CancellationToken ct)
    {
        if (await userManager.FindByEmailAsync(email) is not { } user) return Done("Lietotājs nav atrasts.", error: true);
        await userManager.SetLockoutEndDateAsync(user, null);
        await userManager.ResetAccessFailedCountAsync(user);
        await audit.AppendAsync("user.unlocked", email, cancellationToken: ct);
        return Done($"{email} atbloķēts.");
    }
}
