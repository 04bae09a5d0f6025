using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;
using Workbench.Platform.Data;
using Workbench.Platform.Outbox;

namespace Workbench.Host.Pages.Admin;

/// <summary>Failed deliveries to external systems, with their error and a way to send them again.</summary>
[Authorize(Policy = "permission:" + PermissionNames.ManageFeatures)]
[RequiresFeature(PlatformFeatures.Admin)]
public sealed class OutboxModel(PlatformDbContext db, IAuditLog audit) : AdminPageModel
{
    public int Pending { get; private set; }
    public int Delivered { get; private set; }
    public List<OutboxMessage> Failed { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Pending = await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Pending, ct);
        Delivered = await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Delivered, ct);
        Failed = await db.Outbox.AsNoTracking().Where(m => m.Status == OutboxStatus.Failed).OrderByDescending(m => m.CreatedUtc).Take(200).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await OutboxDispatcher.RetryAsync(db, id, ct)) return Done("Ziņojums nav atrasts vai jau tiek sūtīts.", error: true);
        await audit.AppendAsync("outbox.retried", id.ToString(), cancellationToken: ct);
        return Done("Ziņojums tiks nosūtīts vēlreiz.");
    }
}
