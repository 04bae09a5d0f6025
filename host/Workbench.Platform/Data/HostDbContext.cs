using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Workbench.Platform.Data;

/// <summary>
/// The tenant registry: which municipalities exist, where their databases are, and a change counter; and the
/// data-protection key ring every node shares (cookies, protected secrets).
/// </summary>
public sealed class HostDbContext(DbContextOptions<HostDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<TenantRecord> Tenants => Set<TenantRecord>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TenantRecord>(e =>
        {
            e.ToTable("Host_Tenants");
            e.HasKey(t => t.Name);
            e.Property(t => t.State).HasConversion<string>();
            e.Property(t => t.DatabaseProvider).HasConversion<string>();
        });
        modelBuilder.Entity<DataProtectionKey>(e => e.ToTable("Host_DataProtectionKeys"));
    }
}

public sealed class TenantRecord
{
    public required string Name { get; set; }
    public TenantState State { get; set; }
    public Abstractions.Tenants.DatabaseProvider DatabaseProvider { get; set; }

    /// <summary>For SQLite, a path relative to the data folder; for PostgreSQL, the full connection string.</summary>
    public required string ConnectionString { get; set; }
    public string Recipe { get; set; } = "";
    public DateTime CreatedUtc { get; set; }

    /// <summary>Bumped on every change to the tenant's features, settings, roles or state, so every host process reloads it.</summary>
    public long Version { get; set; }
    public string? Error { get; set; }

    /// <summary>The newest audit entry seen committed, kept outside the tenant database so that deleting the tail of the chain is detected.</summary>
    public long AuditHeadSequence { get; set; }
    public string? AuditHeadHash { get; set; }
}

public enum TenantState { Initializing, Running, Disabled, Failed }
