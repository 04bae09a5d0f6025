using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Abstractions;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Validation;

namespace Workbench.Cemetery.Pages.Staff;

/// <summary>What the staff cemetery screens share: one line saying what happened or why it was refused.</summary>
public abstract class CemeteryPageModel(IPermissionService permissions) : PageModel
{
    [TempData] public string? Message { get; set; }
    [TempData] public bool IsError { get; set; }

    public bool CanManage => permissions.HasPermission(User, CemeteryManifest.ManageCemetery);
    public bool SeesPersonalData => permissions.HasPermission(User, CemeteryManifest.ViewCemeteryPersonalData);

    /// <summary>Does the work and comes back with its outcome; a refusal changes nothing and says why.</summary>
    protected async Task<IActionResult> ActAsync(Func<Task<string>> work, Func<IActionResult>? then = null)
    {
        if (!CanManage) return Forbid();
        try { (Message, IsError) = (await work(), false); }
        catch (Exception refusal) when (Refusals.StatusOf(refusal) is not null) { (Message, IsError) = (refusal.Message, true); }
        return then?.Invoke() ?? RedirectToPage();
    }

    /// <summary>A form's validation errors as the page's message (thrown, so ActAsync shows it and saves nothing).</summary>
    protected static void Require(ValidationErrors errors)
    {
        if (!errors.IsValid) throw new ArgumentException(errors.Summary);
    }
}
