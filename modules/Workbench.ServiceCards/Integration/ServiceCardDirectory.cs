using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Records;
using Workbench.ServiceCards.Data;

namespace Workbench.ServiceCards.Integration;

/// <summary>Service cards as other modules see them (<see cref="IServiceCardDirectory"/>).</summary>
public sealed class ServiceCardDirectory(ServiceCardsDbContext db) : IServiceCardDirectory
{
    public Task<bool> ExistsAsync(Guid cardId, CancellationToken cancellationToken = default) =>
        db.Cards.AnyAsync(c => c.Id == cardId, cancellationToken);
}
