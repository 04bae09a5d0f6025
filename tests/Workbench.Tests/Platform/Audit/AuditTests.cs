using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Data;
using Workbench.Abstractions.Tenants;
using Workbench.Platform;
using Workbench.Platform.Audit;
using Workbench.Platform.Data;
using Workbench.Platform.Tenants;
using Workbench.Tests.Infrastructure;
using Workbench.Tests.Platform.Data;

namespace Workbench.Tests.Platform.Audit;

/// <summary>
/// The audit log on both engines: writers append without a lock, the chainer links committed entries in batches, and
/// <c>audit verify</c> detects an edited, deleted, reordered, inserted or forged entry and a truncated tail.
/// </summary>
public sealed class AuditTests(HostFixture host)
{
    public static readonly TheoryData<DatabaseProvider> Providers = [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private Task<string> CreateTenantAsync(DatabaseProvider provider, string recipe = "smiltene") => provider == DatabaseProvider.Sqlite
        ? host.CreateTenantAsync(recipe)
        : host.CreateTenantAsync(recipe, DatabaseProvider.Postgres, Postgres.Database("wb_audit_" + Guid.NewGuid().ToString("N")[..10]));

    private Task<AuditVerification> VerifyAsync(string tenant) =>
        host.InTenantAsync(tenant, sp => sp.GetRequiredService<AuditVerifier>().VerifyAsync(CancellationToken.None));

    /// <summary>Verifies once the chainer has linked everything appended so far.</summary>
    private async Task<AuditVerification> VerifyChainedAsync(string tenant)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var result = await VerifyAsync(tenant);
            if (result.Pending == 0 || !result.Valid || waited.Elapsed > TimeSpan.FromSeconds(10)) return result;
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Changes the tenant's database directly, as someone with write access to it would.</summary>
    private Task TamperAsync(string tenant, string sql) => host.InTenantAsync(tenant, async sp =>
    {
        Assert.Equal(1, await sp.GetRequiredService<PlatformDbContext>().Database.ExecuteSqlRawAsync(sql, TestContext.Current.CancellationToken));
        return true;
    });

    private Task<AuditEntry> LastChainedAsync(string tenant) => host.InTenantAsync(tenant, sp =>
        sp.GetRequiredService<PlatformDbContext>().AuditEntries.AsNoTracking().Where(e => e.ChainIndex != null).OrderByDescending(e => e.ChainIndex).FirstAsync());

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_untouched_log_verifies_and_a_new_tenant_starts_fully_chained(DatabaseProvider provider)
    {
        var tenant = await CreateTenantAsync(provider, "riga");
        var result = await VerifyAsync(tenant);
        Assert.True(result.Valid, result.Problem);
        Assert.True(result.EntriesChecked > 10);
        Assert.Equal(0, result.Pending);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_edited_entry_is_detected(DatabaseProvider provider)
    {
        var tenant = await CreateTenantAsync(provider);
        await TamperAsync(tenant, """UPDATE "Platform_AuditEntries" SET "Actor" = 'someone-else' WHERE "ChainIndex" = 3""");
        var result = await VerifyAsync(tenant);
        Assert.False(result.Valid);
        Assert.Equal(3, result.BrokenAt);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_deleted_entry_in_the_middle_is_detected(DatabaseProvider provider)
    {
        var tenant = await CreateTenantAsync(provider);
        await TamperAsync(tenant, """DELETE FROM "Platform_AuditEntries" WHERE "ChainIndex" = 5""");
        var result = await VerifyAsync(tenant);
        Assert.False(result.Valid);
        Assert.Equal(5, result.BrokenAt);
        Assert.Contains("trūkst", result.Problem);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_truncated_tail_is_detected(DatabaseProvider provider)
    {
        var tenant = await CreateTenantAsync(provider);
        await TamperAsync(tenant, """DELETE FROM "Platform_AuditEntries" WHERE "ChainIndex" = (SELECT MAX("ChainIndex") FROM "Platform_AuditEntries")""");
        var result = await VerifyAsync(tenant);
        Assert.False(result.Valid);
        Assert.Contains("izdzēsti no beigām", result.Problem);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Reordered_entries_are_detected(DatabaseProvider provider)
    {
        var tenant = await CreateTenantAsync(provider);
        // Swap two entries' places in the chain, each keeping its own content and hashes.
        await TamperAsync(tenant, """UPDATE "Platform_AuditEntries" SET "ChainIndex" = -1 WHERE "ChainIndex" = 4""");
        await TamperAsync(tenant, """UPDATE "Platform_AuditEntries" SET "ChainIndex" = 4 WHERE "ChainIndex" = 5""");
        await TamperAsync(tenant, """UPDATE "Platform_AuditEntries" SET "ChainIndex" = 5 WHERE "ChainIndex" = -1""");
        var result = await VerifyAsync(tenant);
        Assert.False(result.Valid);
        Assert.Equal(4, result.BrokenAt);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_rewritten_entry_is_detected_even_with_the_algorithm_known(DatabaseProvider provider)
    {
        var tenant = await CreateTenantAsync(provider);
        // Edit the newest entry and recompute its hash, as someone who knows the algorithm but not the key would.
        var index = await host.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            var last = await db.AuditEntries.Where(e => e.ChainIndex != null).OrderByDescending(e => e.ChainIndex).FirstAsync();
            last.Actor = "forger";
            last.Hash = AuditHashes.ChainHash(last, new byte[32]);
            await db.SaveChangesAsync();
            return last.ChainIndex;
        });
        var result = await VerifyAsync(tenant);
        Assert.False(result.Valid);
        Assert.Equal(index, result.BrokenAt);
    }

    public static readonly TheoryData<DatabaseProvider, string> Forgeries = new()
    {
        { DatabaseProvider.Sqlite, "sha256" }, { DatabaseProvider.Sqlite, "guessed-key" },
        { DatabaseProvider.Postgres, "sha256" }, { DatabaseProvider.Postgres, "guessed-key" },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task An_inserted_chained_entry_with_a_correct_link_is_detected(DatabaseProvider provider, string forgery)
    {
        var tenant = await CreateTenantAsync(provider);
        var last = await LastChainedAsync(tenant);
        // With write access to the database, add a well-formed next link after the newest entry.
        var index = await host.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            var forged = new AuditEntry
            {
                ChainIndex = last.ChainIndex + 1, TimestampUtc = last.TimestampUtc.AddSeconds(1), Tenant = tenant, Actor = WorkbenchFactory.AdminEmail,
                Action = "feature.disabled", Subject = "Workbench.Notices", PreviousHash = last.Hash,
            };
            forged.Hash = forgery == "sha256" ? AuditHashes.LegacyHash(forged) : AuditHashes.ChainHash(forged, System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            db.AuditEntries.Add(forged);
            await db.SaveChangesAsync();
            return forged.ChainIndex;
        });
        var result = await VerifyAsync(tenant);
        Assert.False(result.Valid);
        Assert.Equal(index, result.BrokenAt);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_forged_pending_entry_is_never_chained_and_is_reported(DatabaseProvider provider)
    {
        var tenant = await CreateTenantAsync(provider);
        var before = await LastChainedAsync(tenant);
        var sequence = await host.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            var forged = new AuditEntry
            {
                TimestampUtc = DateTime.UtcNow, Tenant = tenant, Actor = WorkbenchFactory.AdminEmail, Action = "role.saved", Subject = "Administrator",
                ContentMac = "00112233445566778899aabbccddeeff.00",
            };
            db.AuditEntries.Add(forged);
            await db.SaveChangesAsync();
            return forged.Sequence;
        });
        var info = host.Services.GetRequiredService<TenantRegistry>().Find(tenant)!.Info!;
        await host.Services.GetRequiredService<AuditChainer>().ChainAsync(info, CancellationToken.None, waitForLock: true);

        var refused = await host.InTenantAsync(tenant, sp => sp.GetRequiredService<PlatformDbContext>().AuditEntries.AsNoTracking().SingleAsync(e => e.Sequence == sequence));
        Assert.Null(refused.ChainIndex);
        Assert.Equal(AuditHashes.Refused, refused.Hash);
        Assert.Equal(before.ChainIndex, (await LastChainedAsync(tenant)).ChainIndex);
        var result = await VerifyAsync(tenant);
        Assert.False(result.Valid);
        Assert.Contains($"nr. {sequence} nav rakstīts ar audita atslēgu", result.Problem);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_copied_entry_cannot_be_added_again(DatabaseProvider provider)
    {
        var tenant = await CreateTenantAsync(provider);
        var original = await LastChainedAsync(tenant);
        // A replay: the same content with the same (valid) mark, waiting to be chained a second time.
        await Assert.ThrowsAsync<DbUpdateException>(() => host.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            db.AuditEntries.Add(new AuditEntry
            {
                TimestampUtc = original.TimestampUtc, Tenant = original.Tenant, Actor = original.Actor, Action = original.Action,
                Subject = original.Subject, Details = original.Details, SourceIp = original.SourceIp, ContentMac = original.ContentMac,
            });
            return await db.SaveChangesAsync();
        }));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Concurrent_writers_end_in_one_unbroken_chain(DatabaseProvider provider)
    {
        var tenant = await CreateTenantAsync(provider);
        var before = (await VerifyAsync(tenant)).EntriesChecked;
        const int writers = 8, each = 25;
        await Parallel.ForEachAsync(Enumerable.Range(0, writers), new ParallelOptions { MaxDegreeOfParallelism = writers }, async (writer, ct) =>
        {
            for (var i = 0; i < each; i++)
                await host.InTenantAsync(tenant, async sp =>
                {
                    await sp.GetRequiredService<IAuditLog>().AppendAsync("test.written", $"{writer}-{i}", new { writer, i }, ct);
                    return true;
                });
        });
        var result = await VerifyChainedAsync(tenant);
        Assert.True(result.Valid, result.Problem);
        Assert.Equal(0, result.Pending);
        Assert.Equal(before + writers * each, result.EntriesChecked);
        var subjects = await host.InTenantAsync(tenant, sp => sp.GetRequiredService<PlatformDbContext>().AuditEntries
            .Where(e => e.Action == "test.written").Select(e => e.Subject).ToListAsync());
        Assert.Equal(writers * each, subjects.Distinct().Count());
    }

    [Fact]
    public async Task An_appended_entry_waits_to_be_chained_and_is_chained_soon_after_commit()
    {
        var tenant = await CreateTenantAsync(DatabaseProvider.Sqlite);
        var chained = (await VerifyAsync(tenant)).EntriesChecked;
        // Appended in a scope whose transaction is still open: nothing to chain until it commits.
        await host.InTenantAsync(tenant, async sp =>
        {
            var session = sp.GetRequiredService<TenantDatabaseSession>();
            await session.InTransactionAsync(async () =>
            {
                await sp.GetRequiredService<IAuditLog>().AppendAsync("test.pending", "one");
                var entry = await sp.GetRequiredService<PlatformDbContext>().AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "test.pending");
                Assert.Null(entry.ChainIndex);
                Assert.Equal("", entry.Hash);
                Assert.True(AuditHashes.MarkMatches(entry, sp.GetRequiredService<AuditKeys>().For(tenant)));
            }, CancellationToken.None);
            return true;
        });
        var result = await VerifyChainedAsync(tenant);
        Assert.True(result.Valid, result.Problem);
        Assert.Equal(chained + 1, result.EntriesChecked);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Entries_chained_before_the_upgrade_still_verify_and_new_ones_are_numbered_after_them(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Repository.NewTempFolder("wb-audit");
        var target = provider == DatabaseProvider.Sqlite
            ? $"Data Source={Path.Combine(folder, "upgrade.db")};Pooling=false"
            : Postgres.Database("wb_audit_" + Guid.NewGuid().ToString("N")[..10]);
        await DatabaseConfigurator.EnsureDatabaseExistsAsync(provider, target, ct);
        try
        {
            var history = host.Services.GetServices<TenantDbContextRegistration>().First(r => r.ContextType == typeof(PlatformDbContext)).MigrationsHistoryTable;
            PlatformDbContext Open(System.Data.Common.DbConnection connection) => (PlatformDbContext)DataModel.Create(host.Services, typeof(PlatformDbContext), provider, connection, history);
            var key = new byte[32];
            await using (var connection = DatabaseConfigurator.CreateConnection(provider, target))
            {
                await using var db = Open(connection);
                await db.GetService<IMigrator>().MigrateAsync("20261207200000_Files", ct);
                // Three entries as the release before batch chaining wrote them: numbered 1, 2, 3 and chained as appended.
                var previous = AuditHashes.Genesis;
                for (var n = 1; n <= 3; n++)
                {
                    var legacy = new AuditEntry { ChainIndex = n, TimestampUtc = new DateTime(2026, 12, 1, 10, 0, n, DateTimeKind.Utc), Tenant = "old", Actor = "admin", Action = "feature.enabled", Subject = $"F{n}", PreviousHash = previous };
                    legacy.Hash = previous = AuditHashes.ChainHash(legacy, key);
                    await db.Database.ExecuteSqlAsync($"""
                        INSERT INTO "Platform_AuditEntries" ("Sequence", "TimestampUtc", "Tenant", "Actor", "Action", "Subject", "PreviousHash", "Hash")
                        VALUES ({(long)n}, {legacy.TimestampUtc}, 'old', 'admin', 'feature.enabled', {legacy.Subject}, {legacy.PreviousHash}, {legacy.Hash})
                        """, ct);
                }
                await db.GetService<IMigrator>().MigrateAsync(null, ct);
            }
            await using (var connection = DatabaseConfigurator.CreateConnection(provider, target))
            {
                await using var db = Open(connection);
                var upgraded = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(ct);
                Assert.Equal([1L, 2L, 3L], upgraded.Select(e => e.ChainIndex!.Value));
                Assert.All(upgraded, e => Assert.Equal(AuditHashes.ChainHash(e, key), e.Hash));
                var next = new AuditEntry { TimestampUtc = DateTime.UtcNow, Tenant = "old", Actor = "admin", Action = "feature.enabled", Subject = "F4" };
                next.ContentMac = AuditHashes.Mark(next, key);
                db.AuditEntries.Add(next);
                await db.SaveChangesAsync(ct);
                Assert.Equal(4, next.Sequence);
            }
        }
        finally
        {
            await DatabaseConfigurator.DropDatabaseAsync(provider, target, CancellationToken.None);
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* cleaned by the OS */ }
        }
    }

    [Fact]
    public async Task The_chain_is_keyed_by_a_secret_outside_the_tenant_database()
    {
        var tenant = await CreateTenantAsync(DatabaseProvider.Sqlite);
        var hashes = await host.InTenantAsync(tenant, sp => sp.GetRequiredService<PlatformDbContext>().AuditEntries.Select(e => e.Hash).ToListAsync());
        Assert.All(hashes, hash => Assert.StartsWith(AuditHashes.KeyedPrefix, hash));
        var keyFile = Path.Combine(host.DataPath, "audit.key");
        Assert.True(File.Exists(keyFile));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        // Another key (another host's, or a guess) does not verify this chain.
        var otherKeys = new AuditKeys(Options.Create(new WorkbenchOptions { Audit = { Key = Convert.ToBase64String(new byte[32]) } }), new DataPaths(host.DataPath));
        var result = await host.InTenantAsync(tenant, sp => new AuditVerifier(sp.GetRequiredService<PlatformDbContext>(), sp.GetRequiredService<HostDatabase>(),
            sp.GetRequiredService<ITenantContext>(), otherKeys).VerifyAsync(CancellationToken.None));
        Assert.False(result.Valid);
        Assert.Equal(1, result.BrokenAt);
    }
}
