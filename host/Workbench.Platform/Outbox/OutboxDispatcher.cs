using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workbench.Abstractions.Integration;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Data;
using Workbench.Platform.Tenants;
using Workbench.Platform.Telemetry;

namespace Workbench.Platform.Outbox;

/// <summary>
/// Delivers due outbox messages of every running tenant. A message is claimed by moving its next-attempt time
/// forward by a lease with a conditional update, so two host nodes never deliver it at the same time; a failure
/// is retried with exponential back-off and, after the last attempt, shown to administrators as failed. The
/// <c>outbox-dispatch</c> job runs it (<c>WorkbenchJobs</c>).
/// </summary>
public sealed class OutboxDispatcher(
    TenantScopes scopes,
    IOptions<WorkbenchOptions> options,
    WorkbenchMetrics metrics,
    ILogger<OutboxDispatcher> logger)
{
    public const int MaxAttempts = 8;

    /// <returns>How many messages were delivered in this pass.</returns>
    public async Task<int> DispatchAsync(TenantInfo tenant, CancellationToken ct)
    {
        await using var scope = scopes.Create(tenant, "outbox");
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var adapters = scope.ServiceProvider.GetServices<IOutboxAdapter>().ToDictionary(a => a.Name);
        var now = DateTime.UtcNow;
        var due = await db.Outbox.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptUtc <= now)
            .OrderBy(m => m.CreatedUtc).Take(50).ToListAsync(ct);
        var delivered = 0;
        foreach (var message in due)
        {
            var claimed = await db.Outbox.Where(m => m.Id == message.Id && m.Status == OutboxStatus.Pending && m.NextAttemptUtc == message.NextAttemptUtc)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptUtc, now + TimeSpan.FromSeconds(options.Value.OutboxLeaseSeconds)), ct);
            if (claimed == 0) continue;
            var attempt = message.Attempts + 1;
            try
            {
                if (!adapters.TryGetValue(message.Adapter, out var adapter)) throw new InvalidOperationException($"No adapter \"{message.Adapter}\" is registered.");
                await adapter.DeliverAsync(new OutboxDelivery(message.Id, tenant.Name, message.Adapter, message.IdempotencyKey, message.PayloadJson, attempt), ct);
                await db.Outbox.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, OutboxStatus.Delivered).SetProperty(m => m.Attempts, attempt)
                    .SetProperty(m => m.DeliveredUtc, DateTime.UtcNow).SetProperty(m => m.LastError, (string?)null), ct);
                delivered++;
                metrics.OutboxAttempted(tenant.Name, message.Adapter, delivered: true);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var failed = attempt >= MaxAttempts;
                var next = DateTime.UtcNow + TimeSpan.FromSeconds(Math.Min(600, Math.Pow(2, attempt) * options.Value.OutboxRetryBaseSeconds));
                await db.Outbox.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, failed ? OutboxStatus.Failed : OutboxStatus.Pending).SetProperty(m => m.Attempts, attempt)
                    .SetProperty(m => m.NextAttemptUtc, next).SetProperty(m => m.LastError, ex.Message), ct);
                logger.LogWarning("Outbox message {MessageId} ({Adapter}) attempt {Attempt} failed: {Error}", message.Id, message.Adapter, attempt, ex.Message);
                metrics.OutboxAttempted(tenant.Name, message.Adapter, delivered: false);
            }
        }
        var waiting = await db.Outbox.Where(m => m.Status != OutboxStatus.Delivered).GroupBy(m => m.Status)
            .Select(g => new { Status = g.Key, Count = g.LongCount() }).ToDictionaryAsync(g => g.Status, g => g.Count, ct);
        metrics.OutboxBacklog(tenant.Name, waiting.GetValueOrDefault(OutboxStatus.Pending), waiting.GetValueOrDefault(OutboxStatus.Failed));
        return delivered;
    }

    /// <summary>An administrator sends a failed message again.</summary>
    public static async Task<bool> RetryAsync(PlatformDbContext db, Guid id, CancellationToken ct) =>
        await db.Outbox.Where(m => m.Id == id && m.Status == OutboxStatus.Failed).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.Attempts, 0).SetProperty(m => m.NextAttemptUtc, DateTime.UtcNow), ct) > 0;
}
