using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workbench.Platform.Data;
using Workbench.Platform.Features;
using Workbench.Platform.Tenants;

namespace Workbench.Platform.Setup;

/// <summary>
/// At start: applies pending module migrations to every running tenant (module upgrades), sets up the tenants
/// listed in configuration that do not exist yet (AutoSetup), then keeps the registry in step with changes
/// made by the CLI or other host nodes. The web server already answers meanwhile: tenants show as Starting.
/// </summary>
public sealed class TenantActivator(
    HostDatabase hostDatabase,
    TenantRegistry registry,
    TenantScopes scopes,
    TenantSetup setup,
    IOptions<WorkbenchOptions> options,
    ILogger<TenantActivator> logger) : BackgroundService
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when every tenant has been activated or set up once.</summary>
    public Task Ready => _ready.Task;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await hostDatabase.MigrateAsync(cancellationToken);
        foreach (var record in await registry.ListRecordsAsync(cancellationToken)) registry.AddStarting(record);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ActivateAllAsync(stoppingToken);
            _ready.TrySetResult();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Tenant activation failed");
            _ready.TrySetException(ex);
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.TenantPollSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try { await registry.RefreshAsync(stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogWarning(ex, "Refreshing tenants failed"); }
        }
    }

    private async Task ActivateAllAsync(CancellationToken ct)
    {
        var records = await registry.ListRecordsAsync(ct);
        var configured = options.Value.Tenants.ToDictionary(t => t.Name);
        // A setup interrupted by a crash is redone from its recipe; it never half-exists.
        foreach (var stale in records.Where(r => r.State == TenantState.Initializing))
        {
            logger.LogWarning("Tenant {TenantName} was left half set up; removing it", stale.Name);
            await setup.RemoveAsync(stale, registry.Provisional(stale), ct);
        }
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount), CancellationToken = ct };
        await Parallel.ForEachAsync(records.Where(r => r.State == TenantState.Running), parallel, async (record, token) =>
        {
            try
            {
                await using (var scope = scopes.Create(registry.Provisional(record), "system"))
                {
                    var features = scope.ServiceProvider.GetRequiredService<FeatureManager>();
                    await features.MigrateAsync(await features.EnabledAsync(token), token);
                }
                await registry.RefreshAsync(record.Name, token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Tenant {TenantName} could not be activated", record.Name);
            }
        });
        var existing = records.Where(r => r.State != TenantState.Initializing).Select(r => r.Name).ToHashSet();
        await Parallel.ForEachAsync(configured.Values.Where(t => !existing.Contains(t.Name)), parallel, async (tenant, token) =>
        {
            var result = await setup.CreateAsync(new TenantCreateRequest(tenant.Name, tenant.Recipe, tenant.DatabaseProvider, tenant.ConnectionString), "setup", token);
            if (!result.Succeeded)
                logger.LogError("AutoSetup of tenant {TenantName} failed: {Errors}", tenant.Name, string.Join("; ", result.Errors));
        });
    }
}
