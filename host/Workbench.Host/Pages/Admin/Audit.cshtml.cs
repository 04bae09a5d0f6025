using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;
using Workbench.Platform;
using Workbench.Platform.Audit;
using Workbench.Platform.Data;

namespace Workbench.Host.Pages.Admin;

[Authorize(Policy = "permission:" + PermissionNames.ViewAuditLog)]
[RequiresFeature(PlatformManifest.Admin)]
public sealed class AuditModel(PlatformDbContext db, AuditVerifier verifier) : AdminPageModel
{
    public List<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Entries = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Take(200).ToListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await verifier.VerifyAsync(ct);
        return result.Valid
            ? Done($"Žurnāls neskarts: pārbaudīti {result.EntriesChecked} ieraksti, vēl ķēdē nesaistīti {result.Pending}.")
            : Done($"Žurnāls BOJĀTS: {result.Problem}", error: true);
    }
}
