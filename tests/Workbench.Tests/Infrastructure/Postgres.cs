using Npgsql;

namespace Workbench.Tests.Infrastructure;

/// <summary>The throwaway PostgreSQL server that <c>tests/run.sh</c> starts on 127.0.0.1.</summary>
public static class Postgres
{
    public const string Variable = "WORKBENCH_TEST_POSTGRES";

    /// <summary>Connection string of the server, without a database.</summary>
    public static string Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value
        : throw new InvalidOperationException($"{Variable} is not set: run the tests with tests/run.sh, which starts PostgreSQL on 127.0.0.1 and sets it.");

    public static string Database(string name) => new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString;

    public static async Task<bool> DatabaseExistsAsync(string name)
    {
        await using var connection = new NpgsqlConnection(Database("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", connection);
        command.Parameters.AddWithValue("n", name);
        return await command.ExecuteScalarAsync() is not null;
    }
}
