namespace Workbench.Abstractions.Audit;

/// <summary>
/// The tenant's append-only, hash-chained audit log. An entry written inside a recipe or any other
/// tenant transaction commits or rolls back with it.
/// </summary>
public interface IAuditLog
{
    /// <param name="action">Dotted verb, e.g. <c>feature.enabled</c>, <c>notice.created</c>.</param>
    /// <param name="subject">What was acted on, e.g. a feature id or record id.</param>
    Task AppendAsync(string action, string subject, object? details = null, CancellationToken cancellationToken = default);
}
