using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Data;
using Workbench.Platform.Notifications;
using Workbench.Platform.Outbox;
using Workbench.Platform.Search;
using Workbench.Platform.Tenants;
using Workbench.Platform.Workflows;
using Workbench.Platform.Telemetry;

namespace Workbench.Platform.Jobs;

/// <summary>
/// The host's background jobs on Quartz.NET: the outbox dispatch, the daily reminders and the search index
/// maintenance. The store is in memory by default; when the host's registry database is PostgreSQL, jobs live there
/// in a clustered store, so that with several host nodes each firing runs on exactly one of them.
/// </summary>
public static class WorkbenchJobs
{
    public const string Group = "workbench";

    /// <summary>Every job the host schedules, as the admin page lists them.</summary>
    public static readonly IReadOnlyList<string> Names = ["outbox-dispatch", "reminders", "search-maintenance", "workflow-timers", "module-jobs"];
}

/// <summary>
/// A Workbench job: never two runs of it at once (across nodes too), and its last run, duration, error and recent
/// firings kept in its job data, which the clustered store shares between the nodes.
/// </summary>
[DisallowConcurrentExecution]
[PersistJobDataAfterExecution]
public abstract class WorkbenchJob(ILogger logger) : IJob
{
    public const int FiringsKept = 50;

    protected ILogger Logger { get; } = logger;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.JobDetail.JobDataMap;
        var started = Stopwatch.GetTimestamp();
        string? error = null;
        try { await RunAsync(cancellationToken); }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            error = ex.Message;
            Logger.LogWarning(ex, "Job {Job} failed", context.JobDetail.Key.Name);
        }
        var runs = data.TryGetString("runs", out var previous) && int.TryParse(previous, CultureInfo.InvariantCulture, out var count) ? count : 0;
        var firings = (data.TryGetString("firings", out var list) && !string.IsNullOrEmpty(list) ? list.Split(' ') : [])
            .Append($"{context.ScheduledFireTimeUtc?.UtcDateTime:O}@{context.Scheduler.SchedulerInstanceId}").TakeLast(FiringsKept);
        data["runs"] = (runs + 1).ToString(CultureInfo.InvariantCulture);
        data["lastRunUtc"] = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        data["lastDurationMs"] = Stopwatch.GetElapsedTime(started).TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture);
        data["lastError"] = error ?? "";
        data["firings"] = string.Join(' ', firings);
    }

    protected abstract Task RunAsync(CancellationToken ct);
}

/// <summary>Runs <paramref name="work"/> for every running tenant; one tenant's failure does not stop the others.</summary>
public abstract class PerTenantJob(TenantRegistry registry, ILogger logger) : WorkbenchJob(logger)
{
    protected override async Task RunAsync(CancellationToken ct)
    {
        var failures = new List<string>();
        foreach (var tenant in registry.All.Where(t => t.IsRunning))
        {
            try { await RunAsync(tenant.Info!, ct); }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Logger.LogWarning(ex, "{Job} failed in {TenantName}", GetType().Name, tenant.Name);
                failures.Add($"{tenant.Name}: {ex.Message}");
            }
        }
        if (failures.Count > 0) throw new InvalidOperationException(string.Join("; ", failures));
    }

    protected abstract Task RunAsync(TenantInfo tenant, CancellationToken ct);
}

public sealed class OutboxDispatchJob(TenantRegistry registry, OutboxDispatcher dispatcher, ILogger<OutboxDispatchJob> logger) : PerTenantJob(registry, logger)
{
    protected override Task RunAsync(TenantInfo tenant, CancellationToken ct) => dispatcher.DispatchAsync(tenant, ct);
}

public sealed class RemindersJob(TenantRegistry registry, ReminderDispatcher reminders, ILogger<RemindersJob> logger) : PerTenantJob(registry, logger)
{
    protected override Task RunAsync(TenantInfo tenant, CancellationToken ct) => reminders.RunAsync(tenant, ct);
}

public sealed class WorkflowTimersJob(TenantRegistry registry, TenantScopes scopes, ILogger<WorkflowTimersJob> logger) : PerTenantJob(registry, logger)
{
    protected override async Task RunAsync(TenantInfo tenant, CancellationToken ct)
    {
        await using var scope = scopes.Create(tenant, "workflow-timers");
        await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().RunDueAsync(ct);
    }
}

public sealed class SearchMaintenanceJob(TenantRegistry registry, TenantScopes scopes, ILogger<SearchMaintenanceJob> logger) : PerTenantJob(registry, logger)
{
    protected override async Task RunAsync(TenantInfo tenant, CancellationToken ct)
    {
        await using var scope = scopes.Create(tenant, "search-maintenance");
        await SearchMaintenance.OptimizeAsync(scope.ServiceProvider.GetRequiredService<SearchDbContext>(), ct);
    }
}

/// <summary>Every enabled module's daily work (<see cref="IModuleJob"/>) in each running tenant; one job's failure does not stop the others.</summary>
public sealed class ModuleJobsJob(TenantRegistry registry, TenantScopes scopes, ILogger<ModuleJobsJob> logger) : PerTenantJob(registry, logger)
{
    protected override async Task RunAsync(TenantInfo tenant, CancellationToken ct)
    {
        await using var scope = scopes.Create(tenant, "module-jobs");
        var failures = new List<string>();
        foreach (var job in scope.ServiceProvider.GetServices<IModuleJob>().Where(j => tenant.IsFeatureEnabled(j.Feature)))
        {
            try { await job.RunAsync(tenant.Settings.Today(), ct); }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Logger.LogWarning(ex, "Module job {ModuleJob} failed in {TenantName}", job.Name, tenant.Name);
                failures.Add($"{job.Name}: {ex.Message}");
            }
        }
        if (failures.Count > 0) throw new InvalidOperationException(string.Join("; ", failures));
    }
}
