using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Workbench.Platform.Data;

/// <summary>What a database refusal means, in words for people rather than the engine's message.</summary>
public static class DatabaseErrors
{
    private const int SqliteConstraint = 19, SqliteConstraintUnique = 2067, SqliteConstraintPrimaryKey = 1555;

    /// <summary>A unique index or primary key refused the write: something with the same key already exists.</summary>
    public static bool IsUniqueViolation(Exception error) => (error as DbUpdateException)?.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint && sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>
    /// The database cannot be reached or cannot write just now (server down or restarting, connection lost, disk full):
    /// the request may succeed later, so it is a 503, not a fault of the request or of our code.
    /// </summary>
    public static bool IsUnavailable(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
            if (e is NpgsqlException { IsTransient: true } or NpgsqlException { InnerException: System.Net.Sockets.SocketException }
                || e is SqliteException { SqliteErrorCode: SqliteFull or SqliteIoError or SqliteCantOpen })
                return true;
        return false;
    }

    private const int SqliteIoError = 10, SqliteFull = 13, SqliteCantOpen = 14;

    public const string UnavailableMessage = "Datubāze šobrīd nav pieejama; mēģiniet pēc brīža vēlreiz.";

    public const string UniqueViolationMessage = "Ieraksts ar tādu pašu identifikatoru vai nosaukumu jau pastāv.";
}
