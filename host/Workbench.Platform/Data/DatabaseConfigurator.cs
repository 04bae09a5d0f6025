using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Workbench.Abstractions.Tenants;

namespace Workbench.Platform.Data;

/// <summary>The one place that knows how each database engine is opened and configured.</summary>
public static class DatabaseConfigurator
{
    public static DbConnection CreateConnection(DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteConnection(connectionString),
        DatabaseProvider.Postgres => new NpgsqlConnection(connectionString),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    public static DbContextOptionsBuilder<TContext> Configure<TContext>(this DbContextOptionsBuilder<TContext> builder, DatabaseProvider provider, DbConnection connection, string historyTable)
        where TContext : DbContext
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(connection, o => o.MigrationsHistoryTable(historyTable));
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(connection, o => o.MigrationsHistoryTable(historyTable));
                break;
        }
        // One SQLite-generated snapshot serves both engines; Migrate() throws when the model has changes no migration holds.
        builder.ReplaceService<IMigrationsAssembly, ProviderNeutralMigrationsAssembly>();
        return builder;
    }

    /// <summary>Creates the database itself when the engine needs that done outside EF (a PostgreSQL database, a SQLite folder).</summary>
    public static async Task EnsureDatabaseExistsAsync(DatabaseProvider provider, string connectionString, CancellationToken ct)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            await wal.ExecuteNonQueryAsync(ct);
            return;
        }
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var conn = new NpgsqlConnection(admin.ConnectionString);
        await conn.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", conn);
        exists.Parameters.AddWithValue("n", target.Database!);
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database!.Replace("\"", "\"\"")}\"", conn);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Removes a tenant's database after a failed setup, so a failed tenant leaves nothing behind.</summary>
    public static async Task DropDatabaseAsync(DatabaseProvider provider, string connectionString, CancellationToken ct)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
                if (File.Exists(file)) File.Delete(file);
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
                Directory.Delete(folder);
            return;
        }
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        NpgsqlConnection.ClearAllPools();
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var conn = new NpgsqlConnection(admin.ConnectionString);
        await conn.OpenAsync(ct);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{target.Database!.Replace("\"", "\"\"")}\" WITH (FORCE)", conn);
        await drop.ExecuteNonQueryAsync(ct);
    }
}
