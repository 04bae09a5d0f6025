using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Data;

namespace Workbench.Platform.Audit;

/// <summary>
/// Appends hash-chained entries to the tenant's audit log. Appends are serialised by the database's write lock
/// (SQLite's BEGIN IMMEDIATE; a transaction-scoped advisory lock on PostgreSQL), so the chain has no forks.
/// </summary>
public sealed class AuditLog(
    PlatformDbContext db,
    TenantDatabaseSession session,
    ITenantContext tenant,
    ICurrentActor actor,
    HostDatabase hostDatabase,
    IHttpContextAccessor http) : IAuditLog
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public Task AppendAsync(string action, string subject, object? details = null, CancellationToken cancellationToken = default) =>
        session.InTransactionAsync(async () =>
        {
            if (session.Provider == DatabaseProvider.Postgres)
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7262001)", cancellationToken);
            var last = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
            var now = DateTime.UtcNow;
            var entry = new AuditEntry
            {
                Sequence = (last?.Sequence ?? 0) + 1,
                // Microsecond precision: what PostgreSQL stores, so the hash recomputes identically on both engines.
                TimestampUtc = new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc),
                Tenant = tenant.Required.Name,
                Actor = actor.Name,
                Action = action,
                Subject = subject,
                Details = details is null ? null : details as string ?? JsonSerializer.Serialize(details),
                SourceIp = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
                PreviousHash = last?.Hash ?? Genesis,
                Hash = "",
            };
            entry.Hash = ComputeHash(entry);
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync(cancellationToken);
            await session.AfterCommitAsync(() => RecordHeadAsync(entry.Sequence, entry.Hash));
        }, cancellationToken);

    private async Task RecordHeadAsync(long sequence, string hash)
    {
        await using var host = hostDatabase.CreateContext();
        await host.Tenants.Where(t => t.Name == tenant.Required.Name && t.AuditHeadSequence < sequence)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.AuditHeadSequence, sequence).SetProperty(t => t.AuditHeadHash, hash));
    }

    public static string ComputeHash(AuditEntry e)
    {
        var canonical = string.Join('\u001f',
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            DateTime.SpecifyKind(e.TimestampUtc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            e.Tenant, e.Actor, e.Action, e.Subject, e.Details ?? "", e.SourceIp ?? "", e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
