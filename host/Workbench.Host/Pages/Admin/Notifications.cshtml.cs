using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;
using Workbench.Platform.Data;
using Workbench.Platform.Notifications;

namespace Workbench.Host.Pages.Admin;

[Authorize(Policy = "permission:" + PermissionNames.AccessAdmin)]
[RequiresFeature(PlatformFeatures.Admin)]
public sealed class NotificationsModel(NotificationService notifications) : AdminPageModel
{
    public List<Notification> Items { get; private set; } = [];
    private string Me => User.FindFirstValue(ClaimTypes.Email) ?? "";

    public async Task OnGetAsync(CancellationToken ct) => Items = await notifications.ListAsync(Me, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await notifications.MarkReadAsync(Me, ct);
        return Done("Visi paziņojumi atzīmēti kā izlasīti.");
    }
}
