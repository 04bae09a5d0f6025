using Workbench.Abstractions.Modules;

namespace Workbench.Benefits.Domain;

/// <summary>Nightly: status records that ended more than the retention ago are deleted (audited with the count).</summary>
public sealed class StatusPurgeJob(StatusRecords status) : IModuleJob
{
    public string Feature => BenefitsManifest.Feature;
    public string Name => "benefits-status-purge";

    public Task RunAsync(DateOnly today, CancellationToken cancellationToken) => status.PurgeAsync(today, cancellationToken);
}
