using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Data;

namespace Workbench.Platform.Signals;

/// <summary>
/// Carries signals between the nodes that share a PostgreSQL host database: <c>NOTIFY workbench_signals</c> out,
/// one <c>LISTEN</c> connection per node in. With SQLite there is one node and nothing to carry. A node skips its own
/// notifications (it woke its watchers already); a lost connection is reopened, and every watcher on this node is
/// woken then, since signals may have been missed meanwhile.
/// </summary>
public sealed class PostgresSignalRelay(HostDatabase host, SignalHub hub, ILogger<PostgresSignalRelay> logger) : BackgroundService
{
    public const string Channel = "workbench_signals";

    /// <summary>This process, so that it can tell its own notifications from other nodes'.</summary>
    public string Node { get; } = Guid.NewGuid().ToString("N");

    public bool Enabled => host.Provider == DatabaseProvider.Postgres;

    /// <summary>Tells the other nodes; a failure is logged, not thrown: the change itself has committed.</summary>
    public async Task SendAsync(string tenant, string topic, Guid subject)
    {
        if (!Enabled) return;
        try
        {
            await using var connection = new NpgsqlConnection(host.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
            command.Parameters.AddWithValue("channel", Channel);
            command.Parameters.AddWithValue("payload", string.Join('|', Node, tenant, topic, subject.ToString("N")));
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            logger.LogWarning(ex, "Signal {Topic} {Subject} of {Tenant} not sent to other nodes", topic, subject, tenant);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled) return;
        var reconnect = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(host.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Receive(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                if (reconnect) hub.WakeAll();
                reconnect = true;
                while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.IO.IOException)
            {
                logger.LogWarning(ex, "Listening for other nodes' signals failed; retrying");
                reconnect = true;
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private void Receive(string payload)
    {
        var parts = payload.Split('|');
        if (parts.Length != 4 || parts[0] == Node || !Guid.TryParseExact(parts[3], "N", out var subject)) return;
        hub.Wake(parts[1], parts[2], subject);
    }
}
