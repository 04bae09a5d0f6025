using System.Data.Common;
using System.Reflection;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Workbench.Abstractions.Data;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Data;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Platform.Data;

/// <summary>
/// The data model is checkable: every DbContext the host knows (the registry's and each tenant context of the platform
/// and of every loaded module) has a model snapshot that matches its entities on SQLite and on PostgreSQL, and the
/// tables its hand-written migrations make are the tables its model describes.
/// </summary>
public sealed class DataModelTests(HostFixture host)
{
    /// <summary>Objects a migration makes with SQL on purpose, outside the model (full-text search).</summary>
    private static bool OutsideTheModel(string line) =>
        line.StartsWith("table Search_Fts", StringComparison.Ordinal) || line.StartsWith("column Search_Fts", StringComparison.Ordinal)  // SQLite FTS5 and its shadow tables
        || line.StartsWith("column Search_Content.Fts ", StringComparison.Ordinal) || line == "index Search_Content.IX_Search_Content_Fts"; // PostgreSQL tsvector

    private IReadOnlyList<(Type Type, string History)> Contexts()
    {
        var tenantContexts = host.Services.GetServices<TenantDbContextRegistration>()
            .Select(r => (r.ContextType, r.MigrationsHistoryTable));
        var all = new[] { (typeof(HostDbContext), "__host_migrations") }.Concat(tenantContexts).DistinctBy(c => c.Item1).ToList();
        // The platform's five and the five modules' at least; a new context is found without editing this test.
        foreach (var known in new[] { "HostDbContext", "PlatformDbContext", "SearchDbContext", "OpenIdDbContext", "WorkflowDbContext",
                     "NoticesDbContext", "ServiceCardsDbContext", "KnowledgeBaseDbContext", "CouncilDbContext", "DocumentRegisterDbContext", "CivilProtectionDbContext", "CemeteryDbContext", "BenefitsDbContext" })
            Assert.Contains(all, c => c.Item1.Name == known);
        return all;
    }

    [Fact]
    public void Every_context_has_a_snapshot_matching_its_model_on_sqlite_and_postgres()
    {
        var problems = new StringBuilder();
        foreach (var (type, history) in Contexts())
            foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
            {
                using var connection = provider == DatabaseProvider.Sqlite ? (DbConnection)new SqliteConnection("Data Source=:memory:") : new NpgsqlConnection("Host=127.0.0.1;Database=unused");
                using var context = DataModel.Create(host.Services, type, provider, connection, history);
                Assert.True(context.GetService<IMigrationsAssembly>().ModelSnapshot is not null, $"{type.Name} has no model snapshot");
                if (!context.Database.HasPendingModelChanges()) continue;
                problems.AppendLine($"{type.Name} on {provider}: the model differs from its snapshot — add a migration (README: Changing the data model):");
                foreach (var line in DataModel.Differences(context)) problems.AppendLine("  " + line);
            }
        Assert.True(problems.Length == 0, problems.ToString());
    }

    /// <summary>
    /// The check is not blind on either engine: a snapshot that lacks one column (as if the entity had gained a property
    /// without a migration) gives exactly that column to add — on PostgreSQL too, where only the SQLite store types of
    /// the snapshot are set aside (ProviderNeutralMigrationsAssembly).
    /// </summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void A_model_change_without_a_migration_is_seen_on_both_engines(DatabaseProvider provider)
    {
        using var connection = provider == DatabaseProvider.Sqlite ? (DbConnection)new SqliteConnection("Data Source=:memory:") : new NpgsqlConnection("Host=127.0.0.1;Database=unused");
        using var context = DataModel.Create(host.Services, typeof(Workbench.Notices.Data.NoticesDbContext), provider, connection, "__Workbench.Notices_migrations");
        var snapshot = (IMutableModel)((ModelSnapshot)Activator.CreateInstance(context.GetService<IMigrationsAssembly>().ModelSnapshot!.GetType())!).Model;
        snapshot.FindEntityType("Workbench.Notices.Domain.Notice")!.RemoveProperty("Category");
        ProviderNeutralMigrationsAssembly.Neutralize(snapshot);
        var differences = context.GetService<IMigrationsModelDiffer>().GetDifferences(
            context.GetService<IModelRuntimeInitializer>().Initialize(snapshot.FinalizeModel()).GetRelationalModel(),
            context.GetService<IDesignTimeModel>().Model.GetRelationalModel());
        var added = Assert.IsType<AddColumnOperation>(Assert.Single(differences));
        Assert.Equal(("Notices_Notices", "Category", false), (added.Table, added.Name, added.IsNullable));
    }

    [Fact]
    public Task Migrations_make_the_tables_the_model_describes_on_sqlite() => DriftAsync(DatabaseProvider.Sqlite);

    [Fact]
    public Task Migrations_make_the_tables_the_model_describes_on_postgres() => DriftAsync(DatabaseProvider.Postgres);

    private async Task DriftAsync(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Repository.NewTempFolder("wb-drift");
        var problems = new StringBuilder();
        try
        {
            foreach (var (type, history) in Contexts())
            {
                var migrated = Target(provider, folder, type.Name + "_migrated");
                var created = Target(provider, folder, type.Name + "_created");
                try
                {
                    await DatabaseConfigurator.EnsureDatabaseExistsAsync(provider, migrated, ct);
                    await DatabaseConfigurator.EnsureDatabaseExistsAsync(provider, created, ct);
                    string script;
                    // A tenant's platform tables exist before any module's migration runs (FeatureManager), and some
                    // module migrations move data into them (files into Platform_Files): migrate them first, as a tenant does.
                    var afterPlatform = TenantModule(type) ? await MigratePlatformAsync(provider, migrated, ct) : [];
                    await using (var connection = DatabaseConfigurator.CreateConnection(provider, migrated))
                    await using (var context = DataModel.Create(host.Services, type, provider, connection, history))
                    {
                        await context.Database.MigrateAsync(ct);
                        script = context.Database.GenerateCreateScript();
                    }
                    // The oracle: what EF would create from the model alone (EnsureCreated's script), in a second database.
                    await using (var connection = DatabaseConfigurator.CreateConnection(provider, created))
                    {
                        await connection.OpenAsync(ct);
                        await using var command = connection.CreateCommand();
                        command.CommandText = script;
                        await command.ExecuteNonQueryAsync(ct);
                    }
                    var fromMigrations = await DataModel.SchemaAsync(provider, migrated, ct);
                    var fromModel = await DataModel.SchemaAsync(provider, created, ct);
                    foreach (var line in fromMigrations.Except(fromModel).Except(afterPlatform).Where(l => !OutsideTheModel(l)))
                        problems.AppendLine($"{type.Name} on {provider}: migrations make   {line}");
                    foreach (var line in fromModel.Except(fromMigrations))
                        problems.AppendLine($"{type.Name} on {provider}: the model wants {line}");
                }
                finally
                {
                    await DatabaseConfigurator.DropDatabaseAsync(provider, migrated, CancellationToken.None);
                    await DatabaseConfigurator.DropDatabaseAsync(provider, created, CancellationToken.None);
                }
            }
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* cleaned by the OS */ }
        }
        Assert.True(problems.Length == 0, "Schema drift between migrations and model:\n" + problems);
    }

    private static bool TenantModule(Type type) => type != typeof(HostDbContext) && type != typeof(PlatformDbContext);

    /// <summary>Migrates the platform's tenant tables into the database; returns the schema they make.</summary>
    private async Task<HashSet<string>> MigratePlatformAsync(DatabaseProvider provider, string connectionString, CancellationToken ct)
    {
        var history = host.Services.GetServices<TenantDbContextRegistration>().First(r => r.ContextType == typeof(PlatformDbContext)).MigrationsHistoryTable;
        await using (var connection = DatabaseConfigurator.CreateConnection(provider, connectionString))
        await using (var context = DataModel.Create(host.Services, typeof(PlatformDbContext), provider, connection, history))
            await context.Database.MigrateAsync(ct);
        return await DataModel.SchemaAsync(provider, connectionString, ct);
    }

    private static string Target(DatabaseProvider provider, string folder, string name) => provider == DatabaseProvider.Sqlite
        ? $"Data Source={Path.Combine(folder, name + ".db")};Pooling=false"
        : Postgres.Database(("wb_drift_" + Guid.NewGuid().ToString("N")[..8] + "_" + name).ToLowerInvariant());
}

/// <summary>Opening any context on either engine, and reading what a database holds, for the data-model checks.</summary>
internal static class DataModel
{
    public static DbContext Create(IServiceProvider services, Type type, DatabaseProvider provider, DbConnection connection, string history) =>
        (DbContext)typeof(DataModel).GetMethod(nameof(CreateTyped), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(type).Invoke(null, [services, provider, connection, history])!;

    private static TContext CreateTyped<TContext>(IServiceProvider services, DatabaseProvider provider, DbConnection connection, string history)
        where TContext : DbContext
    {
        var options = new DbContextOptionsBuilder<TContext>().Configure(provider, connection, history).Options;
        return ActivatorUtilities.CreateInstance<TContext>(services, options);
    }

    /// <summary>The operations a new migration would hold: snapshot → current model, as the migrator compares them.</summary>
    public static IEnumerable<string> Differences(DbContext context)
    {
        // A fresh instance: the migrator's own copy is finalized already.
        var snapshot = ((ModelSnapshot)Activator.CreateInstance(context.GetService<IMigrationsAssembly>().ModelSnapshot!.GetType())!).Model;
        if (snapshot is IMutableModel mutable)
        {
            ProviderNeutralMigrationsAssembly.Neutralize(mutable);
            snapshot = mutable.FinalizeModel();
        }
        snapshot = context.GetService<IModelRuntimeInitializer>().Initialize(snapshot);
        var current = context.GetService<IDesignTimeModel>().Model;
        return context.GetService<IMigrationsModelDiffer>()
            .GetDifferences(snapshot.GetRelationalModel(), current.GetRelationalModel())
            .Select(Describe);
    }

    private static string Describe(MigrationOperation operation)
    {
        var text = new StringBuilder(operation.GetType().Name.Replace("Operation", ""));
        foreach (var name in new[] { "Table", "Name", "ClrType", "ColumnType", "IsNullable" })
            if (operation.GetType().GetProperty(name)?.GetValue(operation) is { } value) text.Append($" {name}={value}");
        if (operation is AlterColumnOperation alter)
            text.Append($" (was ColumnType={alter.OldColumn.ColumnType} IsNullable={alter.OldColumn.IsNullable})");
        foreach (var annotation in operation.GetAnnotations()) text.Append($" [{annotation.Name}={annotation.Value}]");
        if (operation is AlterColumnOperation withOld)
            foreach (var annotation in withOld.OldColumn.GetAnnotations()) text.Append($" [was {annotation.Name}={annotation.Value}]");
        return text.ToString();
    }

    /// <summary>One line per table, column (type, nullability) and index but the primary key's (uniqueness), leaving out EF's own tables.</summary>
    public static async Task<HashSet<string>> SchemaAsync(DatabaseProvider provider, string connectionString, CancellationToken ct)
    {
        var lines = new HashSet<string>(StringComparer.Ordinal);
        await using var connection = DatabaseConfigurator.CreateConnection(provider, connectionString);
        await connection.OpenAsync(ct);
        async Task<List<object[]>> Rows(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(ct);
            var rows = new List<object[]>();
            while (await reader.ReadAsync(ct))
            {
                var row = new object[reader.FieldCount];
                reader.GetValues(row);
                rows.Add(row);
            }
            return rows;
        }
        static bool Ours(string table) => !table.StartsWith("__", StringComparison.Ordinal) && !table.StartsWith("sqlite_", StringComparison.Ordinal);
        if (provider == DatabaseProvider.Sqlite)
        {
            foreach (var table in (await Rows("SELECT name FROM sqlite_master WHERE type = 'table'")).Select(r => (string)r[0]).Where(Ours))
            {
                lines.Add($"table {table}");
                foreach (var c in await Rows($"SELECT name, type, \"notnull\" FROM pragma_table_info('{table}')"))
                    lines.Add($"column {table}.{c[0]} {c[1]} {((long)c[2] == 1 ? "NOT NULL" : "NULL")}");
                foreach (var i in await Rows($"SELECT name, \"unique\" FROM pragma_index_list('{table}') WHERE origin = 'c'"))
                    lines.Add($"index {table}.{i[0]}{((long)i[1] == 1 ? " UNIQUE" : "")}");
            }
        }
        else
        {
            foreach (var t in await Rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"))
                if (Ours((string)t[0])) lines.Add($"table {t[0]}");
            foreach (var c in await Rows("SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = 'public'"))
                if (Ours((string)c[0])) lines.Add($"column {c[0]}.{c[1]} {c[2]} {((string)c[3] == "YES" ? "NULL" : "NOT NULL")}");
            foreach (var i in await Rows("""
                SELECT t.relname, i.relname, x.indisunique FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
                JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public' AND NOT x.indisprimary
                """))
                if (Ours((string)i[0])) lines.Add($"index {i[0]}.{i[1]}{((bool)i[2] ? " UNIQUE" : "")}");
        }
        return lines;
    }
}
