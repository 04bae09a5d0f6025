using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Workbench.Platform.Data;

/// <summary>The platform's tables in every tenant database: staff accounts and roles, features, settings, audit, recipes, custom fields.</summary>
public sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options)
    : IdentityDbContext<WorkbenchUser, WorkbenchRole, string>(options)
{
    public const string FeatureId = "Workbench.Platform";

    public DbSet<EnabledFeature> EnabledFeatures => Set<EnabledFeature>();
    public DbSet<SettingRecord> Settings => Set<SettingRecord>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<RecipeRun> RecipeRuns => Set<RecipeRun>();
    public DbSet<CustomFieldRecord> CustomFields => Set<CustomFieldRecord>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<StoredFileRecord> Files => Set<StoredFileRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<WorkbenchUser>().ToTable("Platform_Users");
        builder.Entity<WorkbenchRole>().ToTable("Platform_Roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("Platform_UserRoles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("Platform_UserClaims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("Platform_UserLogins");
        builder.Entity<IdentityUserToken<string>>().ToTable("Platform_UserTokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("Platform_RoleClaims");

        builder.Entity<EnabledFeature>(e => { e.ToTable("Platform_Features"); e.HasKey(f => f.FeatureId); });
        builder.Entity<SettingRecord>(e => { e.ToTable("Platform_Settings"); e.HasKey(s => s.Name); });
        builder.Entity<AuditEntry>(e =>
        {
            e.ToTable("Platform_AuditEntries");
            e.HasKey(a => a.Sequence);
            // Numbered by the database as entries are appended: writers take no lock (the chainer orders them later).
            e.Property(a => a.Sequence).ValueGeneratedOnAdd();
            e.HasIndex(a => a.ChainIndex).IsUnique();
            // A copied pending entry (a replay) cannot be inserted: each entry's mark carries its own salt.
            e.HasIndex(a => a.ContentMac).IsUnique();
        });
        builder.Entity<RecipeRun>(e => { e.ToTable("Platform_RecipeRuns"); e.HasKey(r => r.Id); e.HasIndex(r => r.StartedUtc); });
        builder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("Platform_Outbox");
            e.HasKey(m => m.Id);
            e.HasIndex(m => new { m.Adapter, m.IdempotencyKey }).IsUnique();
            e.HasIndex(m => new { m.Status, m.NextAttemptUtc });
            e.Property(m => m.Status).HasConversion<string>();
        });
        builder.Entity<StoredFileRecord>(e => { e.ToTable("Platform_Files"); e.HasKey(f => f.Sha256); });
        builder.Entity<Notification>(e =>
        {
            e.ToTable("Platform_Notifications");
            e.HasKey(n => n.Id);
            e.HasIndex(n => new { n.Recipient, n.Key }).IsUnique();
        });
        builder.Entity<CustomFieldRecord>(e =>
        {
            e.ToTable("Platform_CustomFields");
            e.HasKey(c => c.Id);
            e.HasIndex(c => new { c.RecordType, c.Key }).IsUnique();
        });
    }
}

public sealed class WorkbenchUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
}

public sealed class WorkbenchRole : IdentityRole
{
    public string Description { get; set; } = "";
}

public sealed class EnabledFeature
{
    public required string FeatureId { get; set; }
    public DateTime EnabledUtc { get; set; }
}

public sealed class SettingRecord
{
    public required string Name { get; set; }
    public required string Json { get; set; }
}

public sealed class AuditEntry
{
    /// <summary>Order of appending, from the database; gaps are normal (a rolled-back transaction).</summary>
    public long Sequence { get; set; }

    /// <summary>Place in the chain (1, 2, 3 …), set by the chainer; null while the entry waits to be chained.</summary>
    public long? ChainIndex { get; set; }

    /// <summary>The appender's keyed mark over the content (salted), so the chainer links only entries the Workbench wrote; null on entries from before batch chaining.</summary>
    public string? ContentMac { get; set; }

    public DateTime TimestampUtc { get; set; }
    public required string Tenant { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string Subject { get; set; }
    public string? Details { get; set; }
    public string? SourceIp { get; set; }
    /// <summary>The previous chained entry's hash; empty while pending.</summary>
    public string PreviousHash { get; set; } = "";

    /// <summary>Keyed hash over the content, the chain index, the mark and <see cref="PreviousHash"/>; empty while pending.</summary>
    public string Hash { get; set; } = "";
}

public sealed class RecipeRun
{
    public Guid Id { get; set; }
    public required string RecipeName { get; set; }
    public required string Actor { get; set; }
    public DateTime StartedUtc { get; set; }
    public DateTime FinishedUtc { get; set; }
    public bool Succeeded { get; set; }
    public int StepCount { get; set; }
    public string? Error { get; set; }
}

public sealed class CustomFieldRecord
{
    public Guid Id { get; set; }
    public required string RecordType { get; set; }
    public required string Key { get; set; }
    public required string Label { get; set; }
    public required string Type { get; set; }
    public bool Required { get; set; }
    public string ChoicesJson { get; set; } = "[]";
    public int Order { get; set; }
}
