using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Platform.Audit;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Integration;

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
    public async Task A_rewritten_chain_is_detected()
    {
        var tenant = await host.CreateTenantAsync("smiltene");
        // Edit the newest entry and recompute its hash, as someone who knows the algorithm would.
        var (sequence, entry) = await host.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<Workbench.Platform.Data.PlatformDbContext>();
            var last = db.AuditEntries.OrderByDescending(e => e.Sequence).First();
            last.Actor = "forger";
            last.Hash = AuditLog.ComputeHash(last);
            await db.SaveChangesAsync();
            return (last.Sequence, last);
        });
        var result = await VerifyAsync(tenant);
        Assert.False(result.Valid);
        Assert.Equal(sequence, result.BrokenAt);
        Assert.Equal("forger", entry.Actor);
    }
}
