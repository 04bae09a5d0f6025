using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Records;
using Workbench.ServiceCards.Data;

namespace Workbench.ServiceCards.Integration;

/// <summary>Service cases as other modules see them (<see cref="IServiceCaseDirectory"/>).</summary>
public sealed class ServiceCaseDirectory(ServiceCardsDbContext db) : IServiceCaseDirectory
{
    public async Task<IReadOnlyList<ServiceCaseSummary>> FindAsync(string reference, CancellationToken cancellationToken = default)
    {
        var cases = Guid.TryParse(reference, out var id) ? db.Cases.Where(c => c.Id == id) : db.Cases.Where(c => c.ClientReference == reference.Trim());
        return await cases.AsNoTracking().OrderBy(c => c.CreatedUtc).Take(10)
            .Join(db.Cards.AsNoTracking(), c => c.CardId, card => card.Id, (c, card) => new { c.Id, c.ClientReference, card.Name, c.Status })
            .Select(c => new ServiceCaseSummary(c.Id, c.ClientReference, c.Name, c.Status.ToString()))
            .ToListAsync(cancellationToken);
    }
}
