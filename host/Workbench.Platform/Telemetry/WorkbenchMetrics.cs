using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Workbench.Platform.Telemetry;

/// <summary>
/// The Workbench's own measurements (meter <c>Workbench</c>), beside ASP.NET Core's request metrics: search latency,
/// background job runs, token issuance, outbox delivery attempts and backlog — each tagged by tenant where it has one.
/// </summary>
public sealed class WorkbenchMetrics
{
    public const string MeterName = "Workbench";

    private readonly Histogram<double> _searchDuration;
    private readonly Counter<long> _jobRuns;
    private readonly Histogram<double> _jobDuration;
    private readonly Counter<long> _tokensIssued;
    private readonly Counter<long> _outboxAttempts;
    private readonly ConcurrentDictionary<string, (long Pending, long Failed)> _backlog = new();

    public WorkbenchMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _searchDuration = meter.CreateHistogram<double>("workbench.search.duration", "s", "Time to answer a search, counts and facets included");
        _jobRuns = meter.CreateCounter<long>("workbench.jobs.runs", description: "Background job runs by job and outcome");
        _jobDuration = meter.CreateHistogram<double>("workbench.jobs.duration", "s", "Duration of background job runs");
        _tokensIssued = meter.CreateCounter<long>("workbench.openid.tokens_issued", description: "Tokens issued by the competence centre's provider, by grant type");
        _outboxAttempts = meter.CreateCounter<long>("workbench.outbox.attempts", description: "Outbox delivery attempts by tenant, adapter and outcome");
        meter.CreateObservableGauge("workbench.outbox.backlog", ObserveBacklog, description: "Outbox messages waiting (pending) or given up (failed), as of each tenant's last dispatch pass");
    }

    public void SearchAnswered(string tenant, TimeSpan elapsed, bool typeAhead) =>
        _searchDuration.Record(elapsed.TotalSeconds, new("workbench.tenant", tenant), new("workbench.search.type_ahead", typeAhead));

    public void JobRan(string job, bool succeeded, TimeSpan elapsed)
    {
        _jobRuns.Add(1, new("workbench.job", job), new("workbench.outcome", succeeded ? "succeeded" : "failed"));
        _jobDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("workbench.job", job));
    }

    public void TokenIssued(string grantType) => _tokensIssued.Add(1, new KeyValuePair<string, object?>("workbench.grant_type", grantType));

    public void OutboxAttempted(string tenant, string adapter, bool delivered) =>
        _outboxAttempts.Add(1, new("workbench.tenant", tenant), new("workbench.adapter", adapter), new("workbench.outcome", delivered ? "delivered" : "failed"));

    public void OutboxBacklog(string tenant, long pending, long failed) => _backlog[tenant] = (pending, failed);

    private IEnumerable<Measurement<long>> ObserveBacklog() =>
        _backlog.SelectMany(t => new[]
        {
            new Measurement<long>(t.Value.Pending, new("workbench.tenant", t.Key), new("workbench.status", "pending")),
            new Measurement<long>(t.Value.Failed, new("workbench.tenant", t.Key), new("workbench.status", "failed")),
        });
}
