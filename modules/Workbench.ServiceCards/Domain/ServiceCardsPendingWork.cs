using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;
using Workbench.ServiceCards.Data;

namespace Workbench.ServiceCards.Domain;

/// <summary>For reviewers: the cards submitted for review.</summary>
public sealed class ServiceCardsPendingWork(ServiceCardsDbContext db, IPermissionService permissions) : IPendingWorkSource
{
    public string Feature => ServiceCardsManifest.Feature;

    public async Task<PendingWork?> CountAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        permissions.HasPermission(user, ServiceCardsManifest.ReviewServiceCards)
            ? new PendingWork("Pakalpojumu kartītes: pārskatīšanai", await db.Cards.CountAsync(c => c.State == CardState.InReview, cancellationToken), "admin/service-cards")
            : null;
}
