namespace Workbench.Abstractions.Data;

/// <summary>
/// One transaction over everything a scope writes to the tenant's database (every module's tables and the audit log).
/// Nested calls join the outer transaction; a recipe run is such an outer transaction.
/// </summary>
public interface ITenantTransaction
{
    Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken);
}
