using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workbench.Abstractions.Tenants;

namespace Workbench.Platform.Tenants;

/// <summary>
/// Work that must follow a commit closely but not inside the request (chaining audit entries, running workflow events).
/// The work is durable in the tenant's database; this only decides when to look: woken by <see cref="Nudge"/> after a
/// commit that left some, and sweeping every running tenant every few seconds for work left by other nodes or by a
/// process that stopped between its commit and the wake-up. Many nudges for one tenant become one pass.
/// </summary>
public abstract class TenantWorkQueue(TenantRegistry registry, ILogger logger) : BackgroundService
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan BusyRetry = TimeSpan.FromMilliseconds(200);
    private readonly Channel<TenantInfo> _nudges = Channel.CreateUnbounded<TenantInfo>(new() { SingleReader = true });

    /// <summary>Asks for the tenant's waiting work to be done soon (called after a commit that left some).</summary>
    public void Nudge(TenantInfo tenant) => _nudges.Writer.TryWrite(tenant);

    /// <summary>Does the tenant's waiting work.</summary>
    /// <returns>False when another node is doing it: the tenant is tried again shortly.</returns>
    protected abstract Task<bool> RunAsync(TenantInfo tenant, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextSweep = DateTime.UtcNow + SweepInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            using (var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
            {
                wait.CancelAfter(nextSweep - DateTime.UtcNow is { Ticks: > 0 } left ? left : TimeSpan.Zero);
                try { await _nudges.Reader.WaitToReadAsync(wait.Token); }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested) { }
            }
            var due = new Dictionary<string, TenantInfo>();
            while (_nudges.Reader.TryRead(out var nudged)) due[nudged.Name] = nudged;
            if (DateTime.UtcNow >= nextSweep)
            {
                foreach (var shell in registry.All.Where(t => t.IsRunning)) due[shell.Name] = shell.Info!;
                nextSweep = DateTime.UtcNow + SweepInterval;
            }
            foreach (var tenant in due.Values)
            {
                try
                {
                    if (!await RunAsync(tenant, stoppingToken)) _ = RetryLaterAsync(tenant, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(ex, "{Queue} failed in {TenantName}; the next pass tries again", GetType().Name, tenant.Name);
                }
            }
        }
    }

    private async Task RetryLaterAsync(TenantInfo tenant, CancellationToken ct)
    {
        try { await Task.Delay(BusyRetry, ct); } catch (OperationCanceledException) { return; }
        Nudge(tenant);
    }
}
