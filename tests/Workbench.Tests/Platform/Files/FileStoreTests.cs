using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Data;
using Workbench.Abstractions.Files;
using Workbench.Abstractions.Tenants;
using Workbench.CouncilSessions.Data;
using Workbench.DocumentRegister.Data;
using Workbench.KnowledgeBase.Data;
using Workbench.Platform.Data;
using Workbench.Tests.Infrastructure;
using Workbench.Tests.Platform.Data;

namespace Workbench.Tests.Platform.Files;

/// <summary>
/// One content-addressed file store for every module: the same bytes are kept once per tenant, a file is saved with the
/// record that refers to it or not at all, and files the modules kept in their own tables before move into it on upgrade.
/// </summary>
public sealed class FileStoreTests(HostFixture host)
{
    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static Task<long> CountAsync(IServiceProvider services, string sha256) =>
        services.GetRequiredService<PlatformDbContext>().Files.LongCountAsync(f => f.Sha256 == sha256, TestContext.Current.CancellationToken);

    [Fact]
    public async Task The_same_bytes_are_stored_once_under_their_sha256()
    {
        var ct = TestContext.Current.CancellationToken;
        var tenant = await host.CreateTenantAsync("municipality-base");
        var content = Bytes("Saistošie noteikumi Nr. 7 — " + Guid.NewGuid());
        var (first, second, rows) = await host.InTenantAsync(tenant, async sp =>
        {
            var files = sp.GetRequiredService<IFileStore>();
            var first = await files.PutAsync(content, "text/plain", ct);
            var second = await files.PutAsync(content.ToArray(), "application/octet-stream", ct);
            return (first, second, await CountAsync(sp, first.Sha256));
        });
        Assert.Equal(FileAddress.Of(content), first.Sha256);
        Assert.Equal(64, first.Sha256.Length);
        Assert.Equal(first, second); // the first content type stays the file's
        Assert.Equal(("text/plain", content.LongLength), (first.ContentType, first.Size));
        Assert.Equal(1, rows);
        var read = await host.InTenantAsync(tenant, sp => sp.GetRequiredService<IFileStore>().ReadAsync(first.Sha256, ct));
        Assert.Equal(content, read);
        Assert.Null(await host.InTenantAsync(tenant, sp => sp.GetRequiredService<IFileStore>().FindAsync(new string('0', 64), ct)));
    }

    [Fact]
    public async Task Concurrent_stores_of_the_same_bytes_all_succeed()
    {
        var ct = TestContext.Current.CancellationToken;
        var tenant = await host.CreateTenantAsync("municipality-base");
        var content = Bytes("vienāds saturs " + Guid.NewGuid());
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            host.InTenantAsync(tenant, sp => sp.GetRequiredService<IFileStore>().PutAsync(content, "text/plain", ct))));
        Assert.Single(results.Select(r => r.Sha256).Distinct());
        Assert.Equal(1, await host.InTenantAsync(tenant, sp => CountAsync(sp, results[0].Sha256)));
    }

    [Fact]
    public async Task A_file_stored_in_a_transaction_that_rolls_back_is_not_kept()
    {
        var ct = TestContext.Current.CancellationToken;
        var tenant = await host.CreateTenantAsync("municipality-base");
        var content = Bytes("atcelts " + Guid.NewGuid());
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.InTenantAsync(tenant, sp =>
            sp.GetRequiredService<ITenantTransaction>().InTransactionAsync<bool>(async () =>
            {
                await sp.GetRequiredService<IFileStore>().PutAsync(content, "text/plain", ct);
                throw new InvalidOperationException("the record beside it failed");
            }, ct)));
        Assert.Null(await host.InTenantAsync(tenant, sp => sp.GetRequiredService<IFileStore>().ReadAsync(FileAddress.Of(content), ct)));
    }

    /// <summary>
    /// An existing tenant's database upgraded: the knowledge base's, the register's and the council's files (one of them
    /// held by two modules) end up once each in the platform's store, and the modules' own file tables are gone.
    /// </summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Module_files_move_into_the_store_on_upgrade(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Repository.NewTempFolder("wb-files");
        var target = provider == DatabaseProvider.Sqlite
            ? $"Data Source={Path.Combine(folder, "upgrade.db")};Pooling=false"
            : Postgres.Database("wb_files_" + Guid.NewGuid().ToString("N")[..10]);
        await DatabaseConfigurator.EnsureDatabaseExistsAsync(provider, target, ct);
        try
        {
            const string before = "20261207180000_ForeignKeyIndexes";
            var registrations = host.Services.GetServices<TenantDbContextRegistration>().ToList();
            async Task MigrateAsync(Type context, string? to)
            {
                var history = registrations.First(r => r.ContextType == context).MigrationsHistoryTable;
                await using var connection = DatabaseConfigurator.CreateConnection(provider, target);
                await using var db = DataModel.Create(host.Services, context, provider, connection, history);
                await db.GetService<IMigrator>().MigrateAsync(to, ct);
            }
            await MigrateAsync(typeof(PlatformDbContext), null);
            foreach (var module in new[] { typeof(KnowledgeBaseDbContext), typeof(DocumentRegisterDbContext), typeof(CouncilDbContext) })
                await MigrateAsync(module, before);

            byte[] shared = Bytes("kopīgs pielikums"), article = Bytes("raksta pielikums"), annex = Bytes("lēmuma projekta pielikums");
            await using (var connection = DatabaseConfigurator.CreateConnection(provider, target))
            {
                await connection.OpenAsync(ct);
                // The council row's agenda item does not exist: only the file columns matter here.
                await ExecuteAsync(connection, provider == DatabaseProvider.Sqlite ? "PRAGMA foreign_keys = OFF" : "SET session_replication_role = replica", ct);
                await ExecuteAsync(connection, """INSERT INTO "Kb_Files" ("Sha256", "Content", "ContentType", "Size") VALUES (@h1, @c1, 'text/plain', @s1), (@h2, @c2, 'application/pdf', @s2)""", ct,
                    ("h1", FileAddress.Of(shared)), ("c1", shared), ("s1", (long)shared.Length), ("h2", FileAddress.Of(article)), ("c2", article), ("s2", (long)article.Length));
                await ExecuteAsync(connection, """INSERT INTO "DocReg_Files" ("Hash", "Content", "Size") VALUES (@h, @c, @s)""", ct,
                    ("h", FileAddress.Of(shared)), ("c", shared), ("s", (long)shared.Length));
                await ExecuteAsync(connection, """
                    INSERT INTO "Council_AgendaAttachments" ("Id", "AgendaItemId", "FileName", "ContentType", "Size", "Sha256", "Content", "UploadedBy", "UploadedUtc")
                    VALUES (@id, @item, 'tāme.xlsx', 'application/vnd.ms-excel', @s, @h, @c, 'sekretare@riga.lv', @at)
                    """, ct, ("id", Guid.NewGuid()), ("item", Guid.NewGuid()), ("s", (long)annex.Length), ("h", FileAddress.Of(annex)), ("c", annex), ("at", DateTime.UtcNow));
            }
            foreach (var module in new[] { typeof(KnowledgeBaseDbContext), typeof(DocumentRegisterDbContext), typeof(CouncilDbContext) })
                await MigrateAsync(module, null);

            var schema = await DataModel.SchemaAsync(provider, target, ct);
            Assert.DoesNotContain("table Kb_Files", schema);
            Assert.DoesNotContain("table DocReg_Files", schema);
            Assert.DoesNotContain(schema, l => l.StartsWith("column Council_AgendaAttachments.Content ", StringComparison.Ordinal));
            await using (var connection = DatabaseConfigurator.CreateConnection(provider, target))
            {
                var history = registrations.First(r => r.ContextType == typeof(PlatformDbContext)).MigrationsHistoryTable;
                await using var platform = (PlatformDbContext)DataModel.Create(host.Services, typeof(PlatformDbContext), provider, connection, history);
                var stored = await platform.Files.AsNoTracking().OrderBy(f => f.Size).ToListAsync(ct);
                Assert.Equal(3, stored.Count);
                foreach (var content in new[] { shared, article, annex })
                    Assert.Equal(content, Assert.Single(stored, f => f.Sha256 == FileAddress.Of(content)).Content);
                Assert.Equal("application/pdf", stored.Single(f => f.Sha256 == FileAddress.Of(article)).ContentType);
            }
        }
        finally
        {
            await DatabaseConfigurator.DropDatabaseAsync(provider, target, CancellationToken.None);
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* cleaned by the OS */ }
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        await command.ExecuteNonQueryAsync(ct);
    }
}
