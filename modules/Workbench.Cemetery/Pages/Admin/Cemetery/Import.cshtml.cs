using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Workbench.Abstractions;
using Workbench.Abstractions.Http;
using Workbench.Abstractions.Security;
using Workbench.Cemetery.Domain;

namespace Workbench.Cemetery.Pages.Staff;

/// <summary>Import of an existing register from CSV: a preview first (every row checked, nothing saved), then the same file saved all or nothing.</summary>
[Authorize(Policy = "permission:" + CemeteryManifest.ManageCemetery)]
public sealed class ImportModel(RegisterImport import, IPermissionService permissions) : CemeteryPageModel(permissions)
{
    public ImportReport? Report { get; private set; }
    public string? Problem { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, bool commit, CancellationToken ct)
    {
        var (upload, problem) = await Uploads.ReadAsync(file, 50 * 1024 * 1024, ct);
        if (upload is null) { Problem = problem; return Page(); }
        try { Report = await import.RunAsync(upload.Content, commit, ct); }
        catch (Exception refusal) when (Refusals.StatusOf(refusal) is not null) { Problem = refusal.Message; }
        return Page();
    }
}
