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

    public const string UniqueViolationMessage = "Ieraksts ar tādu pašu identifikatoru vai nosaukumu jau pastāv (a record with the same identifier or name already exists).";
}
