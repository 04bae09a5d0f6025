using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Workbench.Platform.Data;

/// <summary>Helpers for hand-written migrations that run on both SQLite and PostgreSQL.</summary>
public static class MigrationColumns
{
    /// <summary>An auto-incrementing key understood by both providers (each ignores the other's annotation).</summary>
    public static OperationBuilder<AddColumnOperation> Identity(this OperationBuilder<AddColumnOperation> column) =>
        column.Annotation("Sqlite:Autoincrement", true)
              .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
