using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Workbench.Platform.Data;

/// <summary>
/// One transaction at a time per SQLite database in this process, the others waiting in line. SQLite has a single
/// writer; without the line, transactions that find the database locked poll for it, which under load (fifty clients
/// registering documents) costs far more than waiting for their turn. A SQLite deployment is one process.
/// </summary>
public static class SqliteWriteGate
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static async Task<IDisposable> EnterAsync(string connectionString, CancellationToken ct)
    {
        var gate = Gates.GetOrAdd(new SqliteConnectionStringBuilder(connectionString).DataSource, _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(Patience, ct))
            throw new TimeoutException("Datubāze 30 sekundes bija aizņemta.");
        return new Turn(gate);
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
