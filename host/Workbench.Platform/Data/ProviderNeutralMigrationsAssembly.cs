using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#pragma warning disable EF1001 // MigrationsAssembly is EF's own implementation; we change only what its snapshot says.
using MigrationsAssemblyBase = Microsoft.EntityFrameworkCore.Migrations.Internal.MigrationsAssembly;

namespace Workbench.Platform.Data;

/// <summary>
/// Every model snapshot is generated with SQLite (the design-time factories), but the same hand-written migrations and
/// snapshot serve PostgreSQL too. EF's differ does not ignore the provider's store types (<c>TEXT</c> against
/// <c>text</c>, <c>timestamp with time zone</c>, <c>uuid</c>…) nor PostgreSQL's identity strategy, so on PostgreSQL the
/// raw snapshot would always look like pending changes. Before the migrator compares, this removes the store types
/// that are only SQLite's defaults (leaving every facet: length, precision, nullability) and declares PostgreSQL's
/// default identity strategy, as the runtime model has it; each provider then derives its own types from the CLR types.
/// A type the model sets explicitly (anything but SQLite's four) stays. See docs/decisions/0004.
/// </summary>
public sealed class ProviderNeutralMigrationsAssembly(
    ICurrentDbContext currentContext,
    IDbContextOptions options,
    IMigrationsIdGenerator idGenerator,
    IDiagnosticsLogger<DbLoggerCategory.Migrations> logger) : MigrationsAssemblyBase(currentContext, options, idGenerator, logger)
{
    private static readonly HashSet<string> SqliteDefaultTypes = new(StringComparer.Ordinal) { "TEXT", "INTEGER", "REAL", "BLOB" };
    private const string NpgsqlStrategy = "Npgsql:ValueGenerationStrategy";
    private readonly Lock _lock = new();
    private ModelSnapshot? _neutral;

    public override ModelSnapshot? ModelSnapshot
    {
        get
        {
            var snapshot = base.ModelSnapshot;
            if (snapshot is null) return null;
            lock (_lock)
            {
                // Once per snapshot instance, before the migrator finalizes its model (it asks for the snapshot first).
                if (!ReferenceEquals(_neutral, snapshot) && snapshot.Model is IMutableModel model) Neutralize(model);
                _neutral = snapshot;
            }
            return snapshot;
        }
    }

    /// <summary>Makes a SQLite-generated snapshot model comparable under any provider.</summary>
    public static void Neutralize(IMutableModel model)
    {
        foreach (var entity in model.GetEntityTypes())
            foreach (var property in entity.GetDeclaredProperties())
                if (property.GetColumnType() is { } type && SqliteDefaultTypes.Contains(type))
                    property.RemoveAnnotation(RelationalAnnotationNames.ColumnType);
        if (model.FindAnnotation(NpgsqlStrategy) is null)
            model.SetAnnotation(NpgsqlStrategy, NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
    }
}
