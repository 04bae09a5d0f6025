using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Workbench.Abstractions.Data;
using Workbench.Abstractions.Tenants;

namespace Workbench.Platform.Data;

/// <summary>
/// One connection to the tenant's database per scope, shared by every module DbContext in the scope,
/// so that a recipe (or any unit of work) can change several modules' tables in one transaction.
/// </summary>
public sealed class TenantDatabaseSession(ITenantContext tenantContext) : ITenantTransaction, IAsyncDisposable
{
    private readonly List<DbContext> _contexts = [];
    private readonly List<Func<Task>> _afterCommit = [];
    private DbConnection? _connection;
    private DbTransaction? _transaction;
    private IDisposable? _writeTurn;

    public TenantInfo Tenant => tenantContext.Required;
    public DatabaseProvider Provider => Tenant.DatabaseProvider;
    public DbConnection Connection => _connection ??= DatabaseConfigurator.CreateConnection(Provider, Tenant.ConnectionString);
    public bool InTransaction => _transaction is not null;

    /// <summary>The open transaction, for raw commands that must join it (the search index).</summary>
    public DbTransaction? Transaction => _transaction;

    public void Enlist(DbContext context)
    {
        _contexts.Add(context);
        if (_transaction is not null) context.Database.UseTransaction(_transaction);
    }

    /// <summary>Runs after the current transaction commits (or at once when there is none).</summary>
    public Task AfterCommitAsync(Func<Task> action)
    {
        if (_transaction is null) return action();
        _afterCommit.Add(action);
        return Task.CompletedTask;
    }

    /// <summary>Runs <paramref name="work"/> in a transaction: joins the current one, or starts, commits and (on failure) rolls back its own.</summary>
    public async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        if (_transaction is not null) return await work();
        if (Connection.State != System.Data.ConnectionState.Open) await Connection.OpenAsync(ct);
        if (Provider == DatabaseProvider.Sqlite) _writeTurn = await SqliteWriteGate.EnterAsync(Tenant.ConnectionString, ct);
        try
        {
            _transaction = await Connection.BeginTransactionAsync(ct);
        }
        catch
        {
            ReleaseWriteTurn();
            throw;
        }
        foreach (var context in _contexts) context.Database.UseTransaction(_transaction);
        T result;
        try
        {
            result = await work();
            await _transaction.CommitAsync(ct);
        }
        catch
        {
            await _transaction.RollbackAsync(CancellationToken.None);
            await EndTransactionAsync();
            _afterCommit.Clear();
            // Tracked entities of the failed unit must not be saved by a later SaveChanges in the same scope.
            foreach (var context in _contexts) context.ChangeTracker.Clear();
            throw;
        }
        // Outside the try: the work has committed, so a failing callback must not try to roll it back.
        await EndTransactionAsync();
        var callbacks = _afterCommit.ToList();
        _afterCommit.Clear();
        foreach (var callback in callbacks) await callback();
        return result;
    }

    public async Task InTransactionAsync(Func<Task> work, CancellationToken ct) =>
        await InTransactionAsync(async () => { await work(); return true; }, ct);

    private async Task EndTransactionAsync()
    {
        foreach (var context in _contexts) context.Database.UseTransaction(null);
        await _transaction!.DisposeAsync();
        _transaction = null;
        ReleaseWriteTurn();
    }

    private void ReleaseWriteTurn()
    {
        _writeTurn?.Dispose();
        _writeTurn = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null) await _transaction.DisposeAsync();
        ReleaseWriteTurn();
        if (_connection is not null) await _connection.DisposeAsync();
    }
}
