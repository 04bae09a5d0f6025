using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Platform.Security;

namespace Workbench.Host.Pages;

public sealed class SignInModel(StaffSignIn signIn) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await signIn.SignInAsync(Email, Password, "form");
        if (!outcome.Succeeded)
        {
            Error = outcome.Message;
            return Page();
        }
        return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : LocalRedirect(Url.Content("~/admin"));
    }
}
