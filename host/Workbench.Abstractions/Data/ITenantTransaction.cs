namespace Workbench.Abstractions.Data;

/// <summary>
/// One transaction over everything a scope writes to the tenant's database (every module's tables and the audit log).
/// Nested calls join the outer transaction; a recipe run is such an outer transaction.
/// </summary>
public interface ITenantTransaction
{
    Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken);

    Task InTransactionAsync(Func<Task> work, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="action"/> once the current transaction has committed (at once when there is none), and
    /// never when it rolls back: for telling the outside world (live screens, caches) about what is now true.
    /// </summary>
    Task AfterCommitAsync(Func<Task> action);
}
