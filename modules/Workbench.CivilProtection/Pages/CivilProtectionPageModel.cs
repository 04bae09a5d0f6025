using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions;
using Workbench.Abstractions.Security;

namespace Workbench.CivilProtection.Pages;

/// <summary>
/// Every staff page of the module: restricted-access information, so whoever lacks <c>ViewCivilProtection</c> gets the
/// platform's 404 (not a sign-in page) before anything here runs. Changes need <c>ManageCivilProtection</c>.
/// </summary>
[HiddenWithoutPermission(CivilProtectionManifest.ViewCivilProtection)]
[Authorize(Policy = "permission:" + CivilProtectionManifest.ViewCivilProtection)]
public abstract class CivilProtectionPageModel : PageModel
{
    [TempData] public string? Message { get; set; }
    [TempData] public bool IsError { get; set; }

    public bool CanManage => HttpContext.RequestServices.GetRequiredService<IPermissionService>().HasPermission(User, CivilProtectionManifest.ManageCivilProtection);

    /// <summary>Does the change and comes back with its outcome; a refusal changes nothing and says why.</summary>
    protected async Task<IActionResult> ActAsync(Func<Task<string>> work)
    {
        if (!CanManage) return Forbid();
        try { (Message, IsError) = (await work(), false); }
        catch (Exception refusal) when (Refusals.Is(refusal)) { (Message, IsError) = (refusal.Message, true); }
        return RedirectToPage();
    }
}
