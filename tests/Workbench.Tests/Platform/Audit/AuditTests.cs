using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workbench.Platform;
using Workbench.Platform.Data;
using Workbench.Platform.Audit;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Platform.Audit;

public sealed class AuditTests(HostFixture host)
{
    private Task<AuditVerification> VerifyAsync(string tenant) =>
        host.InTenantAsync(tenant, sp => sp.GetRequiredService<AuditVerifier>().VerifyAsync(CancellationToken.None));

    private async Task TamperAsync(string tenant, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(host.DataPath, "tenants", tenant, "workbench.db")};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_untouched_log_verifies()
    {
        var tenant = await host.CreateTenantAsync("riga");
        var result = await VerifyAsync(tenant);
        Assert.True(result.Valid, result.Problem);
        Assert.True(result.EntriesChecked > 10);
    }

    [Fact]
    public async Task An_edited_entry_is_detected()
    {
        var tenant = await host.CreateTenantAsync("riga");
        await TamperAsync(tenant, "UPDATE Platform_AuditEntries SET Actor = 'someone-else' WHERE Sequence = 3");
        var result = await VerifyAsync(tenant);
        Assert.False(result.Valid);
        Assert.Equal(3, result.BrokenAt);
    }

    [Fact]
    public async Task A_deleted_entry_in_the_middle_is_detected()
    {
        var tenant = await host.CreateTenantAsync("riga");
        await TamperAsync(tenant, "DELETE FROM Platform_AuditEntries WHERE Sequence = 5");
        var result = await VerifyAsync(tenant);
        Assert.False(result.Valid);
        Assert.Contains("missing", result.Problem);
    }

    [Fact]
    public async Task A_deleted_last_entry_is_detected()
    {
        var tenant = await host.CreateTenantAsync("riga");
        await TamperAsync(tenant, "DELETE FROM Platform_AuditEntries WHERE Sequence = (SELECT MAX(Sequence) FROM Platform_AuditEntries)");
        var result = await VerifyAsync(tenant);
        Assert.False(result.Valid);
        Assert.Contains("deleted from the end", result.Problem);
    }

    [Fact]
    public async Task A_rewritten_entry_is_detected_even_with_the_algorithm_known()
    {
        var tenant = await host.CreateTenantAsync("smiltene");
        // Edit the newest entry and recompute its hash, as someone who knows the algorithm but not the key would.
        var sequence = await host.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            var last = db.AuditEntries.OrderByDescending(e => e.Sequence).First();
            last.Actor = "forger";
            last.Hash = AuditLog.ComputeHash(last, new byte[32]);
            await db.SaveChangesAsync();
            return last.Sequence;
        });
        var result = await VerifyAsync(tenant);
        Assert.False(result.Valid);
        Assert.Equal(sequence, result.BrokenAt);
    }

    [Theory]
    [InlineData("sha256")]
    [InlineData("guessed-key")]
    public async Task An_appended_entry_with_a_correct_link_is_detected(string forgery)
    {
        var tenant = await host.CreateTenantAsync("smiltene");
        // With write access to the database, append a well-formed next entry linked to the newest one.
        var sequence = await host.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            var last = db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).First();
            var forged = new AuditEntry
            {
                Sequence = last.Sequence + 1, TimestampUtc = last.TimestampUtc.AddSeconds(1), Tenant = tenant, Actor = WorkbenchFactory.AdminEmail,
                Action = "feature.disabled", Subject = "Workbench.Notices", PreviousHash = last.Hash, Hash = "",
            };
            forged.Hash = forgery == "sha256" ? AuditLog.ComputeLegacyHash(forged) : AuditLog.ComputeHash(forged, System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            db.AuditEntries.Add(forged);
            await db.SaveChangesAsync();
            return forged.Sequence;
        });
        var result = await VerifyAsync(tenant);
        Assert.False(result.Valid);
        Assert.Equal(sequence, result.BrokenAt);
    }

    [Fact]
    public async Task Reordered_entries_are_detected()
    {
        var tenant = await host.CreateTenantAsync("riga");
        // Swap two entries' places (sequence numbers), each keeping its own content and hash.
        await TamperAsync(tenant, "UPDATE Platform_AuditEntries SET Sequence = -1 WHERE Sequence = 4");
        await TamperAsync(tenant, "UPDATE Platform_AuditEntries SET Sequence = 4 WHERE Sequence = 5");
        await TamperAsync(tenant, "UPDATE Platform_AuditEntries SET Sequence = 5 WHERE Sequence = -1");
        var result = await VerifyAsync(tenant);
        Assert.False(result.Valid);
        Assert.Equal(4, result.BrokenAt);
    }

    [Fact]
    public async Task The_chain_is_keyed_by_a_secret_outside_the_tenant_database()
    {
        var tenant = await host.CreateTenantAsync("smiltene");
        var hashes = await host.InTenantAsync(tenant, sp => sp.GetRequiredService<PlatformDbContext>().AuditEntries.Select(e => e.Hash).ToListAsync());
        Assert.All(hashes, hash => Assert.StartsWith(AuditLog.KeyedPrefix, hash));
        var keyFile = Path.Combine(host.DataPath, "audit.key");
        Assert.True(File.Exists(keyFile));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        // Another key (another host's, or a guess) does not verify this chain.
        var otherKeys = new AuditKeys(Options.Create(new WorkbenchOptions { Audit = { Key = Convert.ToBase64String(new byte[32]) } }), new DataPaths(host.DataPath));
        var result = await host.InTenantAsync(tenant, sp => new AuditVerifier(sp.GetRequiredService<PlatformDbContext>(), sp.GetRequiredService<HostDatabase>(),
            sp.GetRequiredService<Workbench.Abstractions.Tenants.ITenantContext>(), otherKeys).VerifyAsync(CancellationToken.None));
        Assert.False(result.Valid);
        Assert.Equal(1, result.BrokenAt);
    }
}
