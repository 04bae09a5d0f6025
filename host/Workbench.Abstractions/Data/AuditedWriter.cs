using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Audit;

namespace Workbench.Abstractions.Data;

/// <summary>
/// Saves a module's change with its audit entry in one transaction, all or nothing; a unique index that refuses the
/// change is a 409 with <c>duplicate</c> as its message. Register it per module context:
/// <c>services.AddScoped&lt;AuditedWriter&lt;MyDbContext&gt;&gt;()</c>.
/// </summary>
public sealed class AuditedWriter<TContext>(TContext db, IAuditLog audit, ITenantTransaction transaction) where TContext : DbContext
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
