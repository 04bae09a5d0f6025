using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Data;

namespace Workbench.Platform.Audit;

/// <summary>
/// Appends entries to the tenant's audit log in the caller's transaction, without a lock: the database numbers them
/// and each carries its keyed mark (<see cref="AuditHashes.Mark"/>). After commit the <see cref="AuditChainer"/> links
/// them into the tenant's keyed hash chain, so concurrent writers are not serialised on the chain's head.
/// </summary>
public sealed class AuditLog(
    PlatformDbContext db,
    TenantDatabaseSession session,
    ITenantContext tenant,
    ICurrentActor actor,
    IHttpContextAccessor http,
    AuditKeys keys,
    AuditChainer chainer) : IAuditLog
{
    public Task AppendAsync(string action, string subject, object? details = null, CancellationToken cancellationToken = default) =>
        session.InTransactionAsync(async () =>
        {
            var now = DateTime.UtcNow;
            var entry = new AuditEntry
            {
                // Microsecond precision: what PostgreSQL stores, so the hashes recompute identically on both engines.
                TimestampUtc = new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc),
                Tenant = tenant.Required.Name,
                Actor = actor.Name,
                Action = action,
                Subject = subject,
                Details = details is null ? null : details as string ?? JsonSerializer.Serialize(details),
                SourceIp = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
            };
            entry.ContentMac = AuditHashes.Mark(entry, keys.For(entry.Tenant));
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync(cancellationToken);
            var committed = tenant.Required;
            await session.AfterCommitAsync(() =>
            {
                chainer.Nudge(committed);
                return Task.CompletedTask;
            });
        }, cancellationToken);
}
