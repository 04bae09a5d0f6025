using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.ExternalSignIn;
using Workbench.Platform.Security;

namespace Workbench.Host.Pages;

public sealed class SignInModel(StaffSignIn signIn, SignInSettingsStore settings, ExternalSignInSchemes schemes, ITenantContext tenant) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public string? Failed { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    public string? Error { get; private set; }
    public bool PasswordForm { get; private set; } = true;
    public bool Directory { get; private set; }
    public IReadOnlyList<ExternalProvider> Providers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Failed is not null && Providers.FirstOrDefault(p => p.Key == Failed) is { } provider)
            Error = $"Pieslēgšanās caur \"{provider.DisplayName}\" neizdevās; mēģiniet vēlreiz.";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await signIn.SignInAsync(Email, Password, "form");
        if (outcome.SecondFactorRequired) return RedirectToPage("/SignInTwoFactor", new { returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
        if (!outcome.Succeeded)
        {
            await LoadAsync(ct);
            Error = outcome.Message;
            return Page();
        }
        return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : LocalRedirect(Url.Content("~/admin"));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var current = await settings.GetAsync(ct);
        PasswordForm = current.PasswordForm;
        Directory = current.Directory is not null;
        Providers = schemes.For(tenant.Required.Name);
    }
}
