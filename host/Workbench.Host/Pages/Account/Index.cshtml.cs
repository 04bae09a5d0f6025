using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Abstractions.Audit;
using Workbench.Platform.Data;

namespace Workbench.Host.Pages.Account;

/// <summary>The person's own account: name, password (for accounts that have one), second factor.</summary>
[Authorize]
public sealed class IndexModel(UserManager<WorkbenchUser> users, SignInManager<WorkbenchUser> signIn, IAuditLog audit) : PageModel
{
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    public string? Email { get; private set; }
    public bool HasPassword { get; private set; }
    public bool TwoFactorEnabled { get; private set; }
    public string? Message { get; private set; }
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostProfileAsync(CancellationToken ct)
    {
        if (await LoadAsync() is not { } user) return Challenge();
        var name = DisplayName?.Trim() ?? "";
        if (name.Length is 0 or > 200) Errors.Add("Vārdam jābūt 1–200 zīmes garam.");
        else
        {
            user.DisplayName = name;
            await users.UpdateAsync(user);
            await signIn.RefreshSignInAsync(user);
            await audit.AppendAsync("account.profile-saved", user.Email ?? user.Id, null, ct);
            Message = "Saglabāts.";
        }
        return Page();
    }

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken ct)
    {
        if (await LoadAsync() is not { } user) return Challenge();
        if (!HasPassword) return BadRequest();
        var result = await users.ChangePasswordAsync(user, CurrentPassword ?? "", NewPassword ?? "");
        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors.Select(e => e.Code == "PasswordMismatch" ? "Pašreizējā parole nav pareiza." : e.Description));
            await audit.AppendAsync("account.password-change-failed", user.Email ?? user.Id, null, ct);
            return Page();
        }
        // A new security stamp: other sessions with the old password end; this one continues.
        await signIn.RefreshSignInAsync(user);
        await audit.AppendAsync("account.password-changed", user.Email ?? user.Id, null, ct);
        Message = "Parole nomainīta.";
        return Page();
    }

    private async Task<WorkbenchUser?> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return null;
        Email = user.Email;
        DisplayName ??= user.DisplayName;
        HasPassword = await users.HasPasswordAsync(user);
        TwoFactorEnabled = user.TwoFactorEnabled;
        return user;
    }
}
