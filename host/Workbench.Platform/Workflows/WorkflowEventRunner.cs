using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Tenants;

namespace Workbench.Platform.Workflows;

/// <summary>
/// Runs the workflow events modules published (<see cref="WorkflowPendingEvent"/>) in the order they were published,
/// right after their commit and outside the request, as the actor who made the change. An event is claimed by moving
/// its next attempt past a lease with a conditional update, so with several nodes one runs it; it is deleted once the
/// engine has handled it. A process that stops in between leaves the event for the next pass (after the lease), so an
/// event runs at least once. A failure is retried with back-off, at most <see cref="MaxAttempts"/> times.
/// </summary>
public sealed class WorkflowEventRunner(TenantScopes scopes, TenantRegistry registry, ILogger<WorkflowEventRunner> logger) : TenantWorkQueue(registry, logger)
{
    public const int MaxAttempts = 5;
    private const int BatchSize = 50;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    /// <summary>Runs the tenant's due events.</summary>
    /// <returns>How many ran.</returns>
    public async Task<int> RunDueAsync(TenantInfo tenant, CancellationToken ct)
    {
        var ran = 0;
        while (true)
        {
            List<WorkflowPendingEvent> due;
            await using (var scope = scopes.Create(tenant, "workflow-events"))
            {
                var now = DateTime.UtcNow;
                due = await scope.ServiceProvider.GetRequiredService<WorkflowDbContext>().PendingEvents.AsNoTracking()
                    .Where(e => e.Attempts < MaxAttempts && e.NextAttemptUtc <= now).OrderBy(e => e.Id).Take(BatchSize).ToListAsync(ct);
            }
            foreach (var pending in due)
                if (await RunAsync(tenant, pending, ct)) ran++;
            if (due.Count < BatchSize) return ran;
        }
    }

    private async Task<bool> RunAsync(TenantInfo tenant, WorkflowPendingEvent pending, CancellationToken ct)
    {
        await using var scope = scopes.Create(tenant, pending.Actor);
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var claimed = await db.PendingEvents.Where(e => e.Id == pending.Id && e.NextAttemptUtc == pending.NextAttemptUtc)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.NextAttemptUtc, DateTime.UtcNow + Lease), ct);
        if (claimed == 0) return false;
        try
        {
            var fields = JsonNode.Parse(pending.FieldsJson) as JsonObject ?? [];
            await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().OnEventAsync(pending.EventName, pending.CorrelationType, pending.CorrelationId, fields, ct);
            await db.PendingEvents.Where(e => e.Id == pending.Id).ExecuteDeleteAsync(ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The change that raised it stands; the administrator sees a failed instance, or this after the last attempt.
            var attempts = pending.Attempts + 1;
            logger.LogWarning(ex, "Workflow event {Event} for {Type} {Id} failed (attempt {Attempt} of {MaxAttempts})",
                pending.EventName, pending.CorrelationType, pending.CorrelationId, attempts, MaxAttempts);
            await db.PendingEvents.Where(e => e.Id == pending.Id).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Attempts, attempts).SetProperty(e => e.LastError, ex.Message)
                .SetProperty(e => e.NextAttemptUtc, DateTime.UtcNow + TimeSpan.FromSeconds(Math.Pow(2, attempts))), CancellationToken.None);
            return false;
        }
    }

    protected override async Task<bool> RunAsync(TenantInfo tenant, CancellationToken ct)
    {
        await RunDueAsync(tenant, ct);
        return true;
    }
}
