using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Workbench.Host.Pages.Admin;

/// <summary>Post/redirect/get with a one-time status line, so the next request sees the tenant as changed.</summary>
public abstract class AdminPageModel : PageModel
{
    [TempData] public string? StatusMessage { get; set; }
    [TempData] public bool StatusIsError { get; set; }

    public (string? Message, bool IsError) Status => (StatusMessage, StatusIsError);

    protected IActionResult Done(string message, bool error = false)
    {
        StatusMessage = message;
        StatusIsError = error;
        return RedirectToPage();
    }
}
