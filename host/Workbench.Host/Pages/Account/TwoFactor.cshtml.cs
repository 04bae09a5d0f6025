using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;
using Workbench.Platform.Data;
using Workbench.Platform.Security;

namespace Workbench.Host.Pages.Account;

/// <summary>Setting up (and switching off) an authenticator app as the second factor.</summary>
[Authorize]
public sealed class TwoFactorModel(UserManager<WorkbenchUser> users, TwoFactorAccounts twoFactor) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool Required { get; set; }
    [BindProperty] public string? Code { get; set; }
    public bool Enabled { get; private set; }
    public AuthenticatorSetup? Setup { get; private set; }
    /// <summary>The otpauth URI as a QR code (PNG data URI) for the authenticator app's camera.</summary>
    public string? QrCode { get; private set; }
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken ct)
    {
        if (await LoadAsync() is not { } user) return Challenge();
        RecoveryCodes = await twoFactor.EnableAsync(user, Code, ct);
        if (RecoveryCodes is null) Error = "Kods nav pareizs; pārbaudiet laiku ierīcē un mēģiniet vēlreiz.";
        else Enabled = true;
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct)
    {
        if (await LoadAsync() is not { } user) return Challenge();
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Code?.Replace(" ", "") ?? ""))
        {
            await users.AccessFailedAsync(user);
            Error = "Kods nav pareizs.";
            return Page();
        }
        await twoFactor.DisableAsync(user, ct);
        return RedirectToPage();
    }

    private async Task<WorkbenchUser?> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return null;
        Enabled = user.TwoFactorEnabled;
        if (!Enabled)
        {
            Setup = await twoFactor.SetupAsync(user);
            using var data = new QRCodeGenerator().CreateQrCode(Setup.Uri, QRCodeGenerator.ECCLevel.M);
            QrCode = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
        }
        return user;
    }
}
