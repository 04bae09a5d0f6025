using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Data;
using Workbench.Platform.Tenants;

namespace Workbench.Platform.Audit;

/// <summary>
/// Links each tenant's committed audit entries into its keyed hash chain, in the order they were numbered, in batches:
/// woken right after a commit that appended entries, and every few seconds for all running tenants (entries appended
/// by other nodes or before a crash). With several nodes on PostgreSQL, exactly one chains a tenant at a time: the
/// batch runs under the tenant database's transaction-scoped advisory lock, and a node that does not get it tries
/// again shortly. An entry whose mark does not match was not written by the Workbench: it is refused, never chained,
/// and <c>audit verify</c> reports it.
/// </summary>
public sealed class AuditChainer(
    TenantScopes scopes,
    TenantRegistry registry,
    HostDatabase hostDatabase,
    AuditKeys keys,
    ILogger<AuditChainer> logger) : TenantWorkQueue(registry, logger)
{
    public const int BatchSize = 500;
    // One advisory lock key per tenant database (each tenant has its own database).
    private const string TryLockSql = "SELECT pg_try_advisory_xact_lock(7262001) AS \"Value\"";
    private const string LockSql = "SELECT pg_advisory_xact_lock(7262001)";
    private readonly ConcurrentDictionary<string, bool> _stopped = new();

    /// <summary>Chains every pending entry of the tenant now.</summary>
    /// <param name="waitForLock">Wait while another node chains the tenant, instead of giving up.</param>
    /// <returns>How many entries were chained, or null when another node holds the tenant's chain.</returns>
    public async Task<int?> ChainAsync(TenantInfo tenant, CancellationToken ct, bool waitForLock = false)
    {
        var total = 0;
        while (true)
        {
            var batch = await ChainBatchAsync(tenant, waitForLock, ct);
            if (batch is not var (read, linked)) return total == 0 ? null : total;
            total += linked;
            if (read < BatchSize) return total;
        }
    }

    private async Task<(int Read, int Linked)?> ChainBatchAsync(TenantInfo tenant, bool waitForLock, CancellationToken ct)
    {
        await using var scope = scopes.Create(tenant, "audit-chainer");
        var session = scope.ServiceProvider.GetRequiredService<TenantDatabaseSession>();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var key = keys.For(tenant.Name);
        var recorded = await RecordedHeadAsync(tenant.Name, ct);
        (long Index, string Hash)? head = null;
        var result = await session.InTransactionAsync<(int, int)?>(async () =>
        {
            if (session.Provider == DatabaseProvider.Postgres && !await LockChainAsync(db, waitForLock, ct)) return null;
            // Extend only the chain that was recorded: after a removed or rewritten tail, new links would hide it.
            if (recorded.Index > 0 && await db.AuditEntries.Where(e => e.ChainIndex == recorded.Index).Select(e => e.Hash).FirstOrDefaultAsync(ct) != recorded.Hash)
            {
                if (_stopped.TryAdd(tenant.Name, true))
                    logger.LogError("The audit chain of {TenantName} no longer holds its recorded entry {Index}; nothing is chained until it is examined (audit verify)", tenant.Name, recorded.Index);
                return (0, 0);
            }
            var last = await db.AuditEntries.AsNoTracking().Where(e => e.ChainIndex != null).OrderByDescending(e => e.ChainIndex)
                .Select(e => new { e.ChainIndex, e.Hash }).FirstOrDefaultAsync(ct);
            var pending = await db.AuditEntries.Where(e => e.ChainIndex == null && e.Hash == "")
                .OrderBy(e => e.Sequence).Take(BatchSize).ToListAsync(ct);
            long index = last?.ChainIndex ?? 0;
            var previous = last?.Hash ?? AuditHashes.Genesis;
            var linked = 0;
            foreach (var entry in pending)
            {
                if (!AuditHashes.MarkMatches(entry, key))
                {
                    entry.Hash = AuditHashes.Refused;
                    logger.LogWarning("Audit entry {Sequence} of {TenantName} was not written with the audit key; it is not chained", entry.Sequence, tenant.Name);
                    continue;
                }
                entry.ChainIndex = ++index;
                entry.PreviousHash = previous;
                entry.Hash = previous = AuditHashes.ChainHash(entry, key);
                linked++;
            }
            await db.SaveChangesAsync(ct);
            if (linked > 0) head = (index, previous);
            return (pending.Count, linked);
        }, ct);
        if (head is var (headIndex, headHash)) await RecordHeadAsync(tenant.Name, headIndex, headHash, ct);
        return result;
    }

    private static async Task<bool> LockChainAsync(PlatformDbContext db, bool wait, CancellationToken ct)
    {
        if (!wait) return await db.Database.SqlQueryRaw<bool>(TryLockSql).SingleAsync(ct);
        await db.Database.ExecuteSqlRawAsync(LockSql, ct);
        return true;
    }

    private async Task<(long Index, string Hash)> RecordedHeadAsync(string tenant, CancellationToken ct)
    {
        await using var host = hostDatabase.CreateContext();
        var head = await host.Tenants.AsNoTracking().Where(t => t.Name == tenant).Select(t => new { t.AuditHeadSequence, t.AuditHeadHash }).SingleAsync(ct);
        return (head.AuditHeadSequence, head.AuditHeadHash ?? "");
    }

    /// <summary>The newest chained entry, kept outside the tenant database so that a removed tail is detected.</summary>
    private async Task RecordHeadAsync(string tenant, long index, string hash, CancellationToken ct)
    {
        await using var host = hostDatabase.CreateContext();
        await host.Tenants.Where(t => t.Name == tenant && t.AuditHeadSequence < index)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.AuditHeadSequence, index).SetProperty(t => t.AuditHeadHash, hash), ct);
    }

    protected override async Task<bool> RunAsync(TenantInfo tenant, CancellationToken ct) => await ChainAsync(tenant, ct) is not null;
}
