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
/// Appends chained entries to the tenant's audit log: each entry's hash is an HMAC (keyed by <see cref="AuditKeys"/>)
/// over its content and the previous entry's hash. Appends are serialised by the database's write lock
/// (SQLite's BEGIN IMMEDIATE; a transaction-scoped advisory lock on PostgreSQL), so the chain has no forks.
/// </summary>
public sealed class AuditLog(
    PlatformDbContext db,
    TenantDatabaseSession session,
    ITenantContext tenant,
    ICurrentActor actor,
    HostDatabase hostDatabase,
    IHttpContextAccessor http,
    AuditKeys keys) : IAuditLog
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Marks a keyed hash; entries written before the chain was keyed carry a plain SHA-256.</summary>
    public const string KeyedPrefix = "hmac-sha256:";

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
            entry.Hash = ComputeHash(entry, keys.For(entry.Tenant));
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

    /// <summary>The keyed hash of an entry: HMAC-SHA256 with the tenant's audit key.</summary>
    public static string ComputeHash(AuditEntry e, byte[] key) => KeyedPrefix + Convert.ToHexStringLower(HMACSHA256.HashData(key, Canonical(e)));

    /// <summary>The hash of entries written before the chain was keyed (verifiable, but forgeable by anyone).</summary>
    public static string ComputeLegacyHash(AuditEntry e) => Convert.ToHexStringLower(SHA256.HashData(Canonical(e)));

    private static byte[] Canonical(AuditEntry e) => Encoding.UTF8.GetBytes(string.Join('\u001f',
        e.Sequence.ToString(CultureInfo.InvariantCulture),
        DateTime.SpecifyKind(e.TimestampUtc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        e.Tenant, e.Actor, e.Action, e.Subject, e.Details ?? "", e.SourceIp ?? "", e.PreviousHash));
}
