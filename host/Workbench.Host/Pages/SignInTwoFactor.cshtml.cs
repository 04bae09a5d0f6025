using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Platform.Security;

namespace Workbench.Host.Pages;

/// <summary>The second step of a password sign-in: a code from the authenticator app, or a recovery code.</summary>
public sealed class SignInTwoFactorModel(TwoFactorAccounts twoFactor) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? Code { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await twoFactor.SecondStepAsync(Code, "form", ct);
        if (outcome.Succeeded) return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : LocalRedirect(Url.Content("~/admin"));
        Error = outcome.Message;
        return Page();
    }
}
