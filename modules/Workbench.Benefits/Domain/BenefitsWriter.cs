using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Data;
using Workbench.Benefits.Data;

namespace Workbench.Benefits.Domain;

/// <summary>Saves a change with its audit entry in one transaction, all or nothing; a unique index that refuses it is a 409.</summary>
public sealed class BenefitsWriter(BenefitsDbContext db, IAuditLog audit, ITenantTransaction transaction)
{
    public Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken ct) => transaction.InTransactionAsync(work, ct);

    public async Task SaveAsync(string action, string subject, object? details, CancellationToken ct, string duplicate = "Tāds ieraksts jau ir.")
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw new ConflictException(duplicate);
        }
        await audit.AppendAsync(action, subject, details, ct);
    }
}
