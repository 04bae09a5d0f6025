namespace Workbench.Abstractions.Modules;

/// <summary>
/// A module's daily work in each tenant where its feature is enabled (purging data past its retention, reconciling
/// with a state register): the platform's <c>module-jobs</c> background job runs it in a scope of the tenant, once
/// a day (<c>Workbench:ReminderIntervalHours</c>). Throwing marks the run failed; the other jobs and tenants still run.
/// </summary>
public interface IModuleJob
{
    string Feature { get; }

    /// <summary>Short name for logs and the jobs page, e.g. <c>benefits-status-purge</c>.</summary>
    string Name { get; }

    Task RunAsync(DateOnly today, CancellationToken cancellationToken);
}
