using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Data;
using Workbench.CouncilSessions.Data;

namespace Workbench.CouncilSessions.Domain;

/// <summary>Adds a new record and saves it with its audit entry, all or nothing.</summary>
public sealed class CouncilWriter(CouncilDbContext db, IAuditLog audit, ITenantTransaction transaction)
{
    public async Task<T> SaveAsync<T>(T entity, DbSet<T> set, string action, string subject, CancellationToken ct) where T : class
    {
        set.Add(entity);
        return await transaction.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(ct);
            await audit.AppendAsync(action, subject, null, ct);
            return entity;
        }, ct);
    }
}
