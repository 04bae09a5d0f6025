using System.Data.Common;
using Dapper;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Data;
using Workbench.Abstractions.Search;
using Workbench.Platform.Search;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Platform.Search;

/// <summary>
/// An index written by the first search schema (text beside the item row) is moved by the SearchContent migration
/// into the content table with nothing lost, and the full-text index still finds it, on SQLite and PostgreSQL.
/// </summary>
public sealed class SearchIndexUpgradeTests
{
    /// <summary>The indexed form of "kapsēta" (cemetery), found in "Kapsētā" of the old row.</summary>
    private static readonly string Stem = LatvianAnalyzer.Stem("kapsēta");

    [Fact]
    public async Task Index_rows_survive_the_content_split_on_sqlite()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("wb-search-upgrade").FullName, "index.db");
        await UpgradeAsync(Options(DatabaseProvider.Sqlite, $"Data Source={file}"),
            $$"""SELECT COUNT(*) FROM "Search_Fts" WHERE "Search_Fts" MATCH '{TitleExact TextExact}: "{{Stem}}"'""");
    }

    [Fact]
    public async Task Index_rows_survive_the_content_split_on_postgres()
    {
        var database = Postgres.Database("wb_upgrade_" + Guid.NewGuid().ToString("N")[..12]);
        await UpgradeAsync(Options(DatabaseProvider.Postgres, database),
            $"""SELECT COUNT(*) FROM "Search_Content" WHERE "Fts" @@ to_tsquery('simple', '{Stem}:AB')""");
    }

    /// <summary>Opened as the platform opens it (DatabaseConfigurator), so the migrator reads the snapshot as it does in production.</summary>
    private static DbContextOptions<SearchDbContext> Options(DatabaseProvider provider, string connectionString) =>
        new DbContextOptionsBuilder<SearchDbContext>()
            .Configure(provider, DatabaseConfigurator.CreateConnection(provider, connectionString), "__Workbench.Search_migrations").Options;

    private static async Task UpgradeAsync(DbContextOptions<SearchDbContext> options, string fullTextCount)
    {
        await using var context = new SearchDbContext(options);
        var migrator = context.GetService<IMigrator>();
        await migrator.MigrateAsync("20261122010000_SearchIndex", TestContext.Current.CancellationToken);
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var text = "Kapsētā ir brīvas vietas.";
        await connection.ExecuteAsync("""
            INSERT INTO "Search_Items" ("Feature", "Type", "ItemId", "Title", "Text", "Url", "IsPublic", "UpdatedUtc", "TitleExact", "TextExact", "TitleFold", "TextFold")
            VALUES ('Workbench.Cemetery', 'place', '7', 'Vieta', @text, 'cemetery/7', TRUE, @now, @titleExact, @textExact, @titleFold, @textFold)
            """, new
        {
            text, now = DateTime.UtcNow,
            titleExact = LatvianAnalyzer.StemText("Vieta"), textExact = LatvianAnalyzer.StemText(text),
            titleFold = LatvianAnalyzer.FoldedStemText("Vieta"), textFold = LatvianAnalyzer.FoldedStemText(text),
        });

        await migrator.MigrateAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(text, await connection.ExecuteScalarAsync<string>("""SELECT c."Text" FROM "Search_Content" c JOIN "Search_Items" i ON i."Id" = c."Id" WHERE i."ItemId" = '7'"""));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>(fullTextCount));
        Assert.DoesNotContain("Text", await ColumnsAsync(connection, "Search_Items"));
    }

    private static async Task<IReadOnlyList<string>> ColumnsAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""SELECT * FROM "{table}" WHERE 1 = 0""";
        await using var reader = await command.ExecuteReaderAsync();
        return Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
    }
}
