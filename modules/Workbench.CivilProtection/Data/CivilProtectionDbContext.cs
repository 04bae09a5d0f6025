using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workbench.CivilProtection.Domain;

namespace Workbench.CivilProtection.Data;

public sealed class CivilProtectionDbContext(DbContextOptions<CivilProtectionDbContext> options) : DbContext(options)
{
    public DbSet<ResourceType> Types => Set<ResourceType>();
    public DbSet<Resource> Resources => Set<Resource>();
    public DbSet<AvailabilityChange> AvailabilityChanges => Set<AvailabilityChange>();
    public DbSet<Shelter> Shelters => Set<Shelter>();
    public DbSet<Scenario> Scenarios => Set<Scenario>();
    public DbSet<ScenarioArea> Areas => Set<ScenarioArea>();
    public DbSet<ScenarioRequirement> Requirements => Set<ScenarioRequirement>();
    public DbSet<AlertingEntry> AlertingEntries => Set<AlertingEntry>();
    public DbSet<EvacuationRoute> Routes => Set<EvacuationRoute>();
    public DbSet<Commitment> Commitments => Set<Commitment>();
    public DbSet<CommitmentItem> CommitmentItems => Set<CommitmentItem>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<ResourceType>(e =>
        {
            e.ToTable("CivPro_ResourceTypes");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.Code).IsUnique();
            e.Property(x => x.Category).HasConversion<string>();
        });
        b.Entity<Resource>(e =>
        {
            e.ToTable("CivPro_Resources");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.TypeId, x.Availability });
            e.Property(x => x.OwnerKind).HasConversion<string>();
            e.Property(x => x.Availability).HasConversion<string>();
            e.HasIndex(x => x.NextCheck);
            e.HasOne<ResourceType>().WithMany().HasForeignKey(x => x.TypeId).HasConstraintName("FK_CivPro_Resources_Types").OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<AvailabilityChange>(e =>
        {
            e.ToTable("CivPro_AvailabilityChanges");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.ResourceId, x.ChangedUtc });
            e.Property(x => x.From).HasConversion<string>();
            e.Property(x => x.To).HasConversion<string>();
            e.HasOne<Resource>().WithMany().HasForeignKey(x => x.ResourceId).HasConstraintName("FK_CivPro_AvailabilityChanges_Resources").OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Shelter>(e =>
        {
            e.ToTable("CivPro_Shelters");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasConversion<string>();
            e.HasIndex(x => x.IsPublic);
        });
        b.Entity<Scenario>(e =>
        {
            e.ToTable("CivPro_Scenarios");
            e.HasKey(x => x.Id);
            e.Property(x => x.Type).HasConversion<string>();
            Json(e.Property(x => x.Responsible));
        });
        b.Entity<ScenarioArea>(e =>
        {
            e.ToTable("CivPro_Areas");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.ScenarioId, x.Order });
            Json(e.Property(x => x.Polygon));
            e.HasOne<Scenario>().WithMany().HasForeignKey(x => x.ScenarioId).HasConstraintName("FK_CivPro_Areas_Scenarios").OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ScenarioRequirement>(e =>
        {
            e.ToTable("CivPro_Requirements");
            e.HasKey(x => new { x.ScenarioId, x.TypeId });
            e.HasIndex(x => x.TypeId);
            e.HasOne<Scenario>().WithMany().HasForeignKey(x => x.ScenarioId).HasConstraintName("FK_CivPro_Requirements_Scenarios").OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ResourceType>().WithMany().HasForeignKey(x => x.TypeId).HasConstraintName("FK_CivPro_Requirements_Types").OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<AlertingEntry>(e =>
        {
            e.ToTable("CivPro_AlertingEntries");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.ScenarioId, x.Order });
            e.HasOne<Scenario>().WithMany().HasForeignKey(x => x.ScenarioId).HasConstraintName("FK_CivPro_AlertingEntries_Scenarios").OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<EvacuationRoute>(e =>
        {
            e.ToTable("CivPro_Routes");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.ScenarioId, x.Order });
            e.HasIndex(x => x.ToShelterId);
            Json(e.Property(x => x.Waypoints));
            e.HasOne<Scenario>().WithMany().HasForeignKey(x => x.ScenarioId).HasConstraintName("FK_CivPro_Routes_Scenarios").OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Shelter>().WithMany().HasForeignKey(x => x.ToShelterId).HasConstraintName("FK_CivPro_Routes_Shelters").OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Commitment>(e =>
        {
            e.ToTable("CivPro_Commitments");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasConversion<string>();
            e.HasIndex(x => x.ReleasedUtc);
        });
        b.Entity<CommitmentItem>(e =>
        {
            e.ToTable("CivPro_CommitmentItems");
            e.HasKey(x => new { x.CommitmentId, x.ResourceId });
            e.HasIndex(x => x.ResourceId);
            e.HasOne<Commitment>().WithMany().HasForeignKey(x => x.CommitmentId).HasConstraintName("FK_CivPro_CommitmentItems_Commitments").OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Resource>().WithMany().HasForeignKey(x => x.ResourceId).HasConstraintName("FK_CivPro_CommitmentItems_Resources").OnDelete(DeleteBehavior.Restrict);
        });
    }

    private static void Json<T>(PropertyBuilder<List<T>> property) =>
        property.HasConversion(v => JsonSerializer.Serialize(v, default(JsonSerializerOptions)), v => JsonSerializer.Deserialize<List<T>>(v, default(JsonSerializerOptions)) ?? new List<T>(),
            new ValueComparer<List<T>>((a, c) => JsonSerializer.Serialize(a, default(JsonSerializerOptions)) == JsonSerializer.Serialize(c, default(JsonSerializerOptions)),
                v => JsonSerializer.Serialize(v, default(JsonSerializerOptions)).GetHashCode(), v => v.ToList()));
}
