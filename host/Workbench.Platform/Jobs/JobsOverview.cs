using System.Globalization;
using Quartz;

namespace Workbench.Platform.Jobs;

/// <summary>What the administrators' jobs page shows, from the scheduler (shared by every node when clustered).</summary>
public sealed class JobsOverview(ISchedulerFactory schedulers)
{
    public sealed record JobStatus(
        string Name, string Description, DateTimeOffset? NextRunUtc, DateTime? LastRunUtc, long? LastDurationMs, string? LastError, int Runs,
        IReadOnlyList<string> Firings);

    public async Task<IReadOnlyList<JobStatus>> ListAsync(CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var jobs = new List<JobStatus>();
        foreach (var name in WorkbenchJobs.Names)
        {
            if (await scheduler.GetJobDetail(new JobKey(name, WorkbenchJobs.Group), ct) is not { } detail) continue;
            var trigger = await scheduler.GetTrigger(new TriggerKey(name, WorkbenchJobs.Group), ct);
            var data = detail.JobDataMap;
            string? Text(string key) => data.TryGetValue(key, out var value) && value is string text && text.Length > 0 ? text : null;
            jobs.Add(new JobStatus(name, detail.Description ?? "", trigger?.NextFireTimeUtc,
                Text("lastRunUtc") is { } run ? DateTime.Parse(run, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : null,
                Text("lastDurationMs") is { } ms ? long.Parse(ms, CultureInfo.InvariantCulture) : null,
                Text("lastError"), Text("runs") is { } runs ? int.Parse(runs, CultureInfo.InvariantCulture) : 0,
                Text("firings")?.Split(' ') ?? []));
        }
        return jobs;
    }

    /// <summary>Runs the job now, on whichever node takes it; false when there is no such job.</summary>
    public async Task<bool> RunNowAsync(string name, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var key = new JobKey(name, WorkbenchJobs.Group);
        if (!await scheduler.Exists(key, ct)) return false;
        await scheduler.TriggerJob(key, ct);
        return true;
    }
}
