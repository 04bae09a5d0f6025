using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Data;
using Workbench.Platform.ExternalSignIn;

namespace Workbench.Host.Pages;

/// <summary>
/// Sign-in through a provider: POST starts it (anti-forgery checked, so no other site can start one), the provider's
/// answer comes back through the scheme's callback path and lands on GET, which opens the staff session or explains
/// why not.
/// </summary>
public sealed class SignInExternalModel(SignInManager<WorkbenchUser> signIn, ExternalSignInSchemes schemes, ExternalAccounts accounts, ITenantContext tenant) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Key { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Refusal { get; private set; }

    public IActionResult OnPost()
    {
        if (schemes.Find(ExternalSignInSchemes.SchemeName(tenant.Required.Name, Key)) is not { } provider) return NotFound();
        var back = Url.Page("/SignInExternal", new { key = Key, returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
        return Challenge(signIn.ConfigureExternalAuthenticationProperties(Key, back), provider.SchemeName);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await accounts.CompleteAsync(ct);
        if (outcome.Succeeded) return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : LocalRedirect(Url.Content("~/admin"));
        Refusal = outcome.Message;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
