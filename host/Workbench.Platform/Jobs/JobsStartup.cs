using Workbench.Abstractions.Security;
using Workbench.Abstractions.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Jobs.Api;
using Workbench.Platform.Telemetry;

namespace Workbench.Platform.Jobs;

/// <summary>The background jobs as one piece (see README.md beside this file): Quartz, the schedules, the admin endpoints.</summary>
public static class JobsStartup
{
    /// <summary>What background jobs add to the platform's manifest: their page for the competence centre.</summary>
    public static readonly NavigationItem[] Navigation =
        [new("Fona darbi", "Background jobs", "admin/jobs", PlatformFeatures.TenantAdministration, PermissionNames.ManageFeatures, 972)];

    /// <summary>Quartz.NET with the five jobs: outbox dispatch, reminders, search maintenance, workflow timers, modules' daily work.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, WorkbenchOptions options)
    {
        services.AddSingleton<JobsOverview>();
        services.AddQuartz(q =>
        {
            // In memory unless the host's registry is on PostgreSQL: then one clustered store shared by every node.
            if (options.HostDatabaseProvider == DatabaseProvider.Postgres && options.HostConnectionString is { } connectionString)
            {
                q.ConfigureScheduler(scheduler => (scheduler.InstanceName, scheduler.GenerateInstanceId) = ("workbench", true));
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(connectionString);
                    store.UseSystemTextJsonSerializer();
                    store.UseClustering(_ => { });
                    store.ProvisionSchema();
                });
            }
            Every<OutboxDispatchJob>(q, WorkbenchJobs.Names[0], "Nosūta izejošo ziņojumu rindu ārējām sistēmām", TimeSpan.FromSeconds(options.OutboxPollSeconds));
            Every<RemindersJob>(q, WorkbenchJobs.Names[1], "Atgādinājumi par termiņiem", TimeSpan.FromHours(options.ReminderIntervalHours));
            Every<SearchMaintenanceJob>(q, WorkbenchJobs.Names[2], "Meklēšanas indeksa apkope", TimeSpan.FromHours(options.SearchMaintenanceHours));
            Every<WorkflowTimersJob>(q, WorkbenchJobs.Names[3], "Darbplūsmu taimeri un plānotie starti", TimeSpan.FromSeconds(options.WorkflowTimerSeconds));
            Every<ModuleJobsJob>(q, WorkbenchJobs.Names[4], "Moduļu ikdienas darbi (glabāšanas termiņi, saskaņošana)", TimeSpan.FromHours(options.ReminderIntervalHours));
            q.AddJobMetrics();
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    private static void Every<TJob>(IQuartzBuilder q, string name, string description, TimeSpan interval) where TJob : IJob =>
        q.ScheduleJob<TJob>(
            trigger => trigger.WithIdentity(name, WorkbenchJobs.Group).StartAt(DateTimeOffset.UtcNow.Add(interval)).WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever()),
            job => job.WithIdentity(name, WorkbenchJobs.Group).WithDescription(description).StoreDurably());

    /// <summary><c>/api/admin/jobs</c> (competence centre).</summary>
    public static IEndpointRouteBuilder MapJobs(this IEndpointRouteBuilder routes) => routes.MapJobsApi();
}
