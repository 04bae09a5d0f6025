using Microsoft.EntityFrameworkCore;
using Workbench.Benefits.Domain;

namespace Workbench.Benefits.Data;

public sealed class BenefitsDbContext(DbContextOptions<BenefitsDbContext> options) : DbContext(options)
{
    public DbSet<Relief> Reliefs => Set<Relief>();
    public DbSet<ReliefVersion> Versions => Set<ReliefVersion>();
    public DbSet<BenefitGroup> Groups => Set<BenefitGroup>();
    public DbSet<StatusRecord> StatusRecords => Set<StatusRecord>();
    public DbSet<ResidentCard> Cards => Set<ResidentCard>();
    public DbSet<BenefitsSettings> Settings => Set<BenefitsSettings>();
    public DbSet<Provider> Providers => Set<Provider>();
    public DbSet<CheckTally> Tallies => Set<CheckTally>();
    public DbSet<AvisMessage> AvisMessages => Set<AvisMessage>();
    public DbSet<Reconciliation> Reconciliations => Set<Reconciliation>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Relief>(e =>
        {
            e.ToTable("Benefits_Reliefs");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.Code).IsUnique();
        });
        b.Entity<ReliefVersion>(e =>
        {
            e.ToTable("Benefits_ReliefVersions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasConversion<string>();
            e.Property(x => x.AppliesTo).HasConversion<string>();
            e.Property(x => x.CapPeriod).HasConversion<string>();
            e.Property(x => x.Percent).HasPrecision(5, 2);
            e.Property(x => x.Amount).HasPrecision(12, 2);
            e.Property(x => x.Cap).HasPrecision(12, 2);
            e.Ignore(x => x.Groups);
            e.Ignore(x => x.IdentificationMeans);
            // Two versions of one relief cannot have the same number: a concurrent second version is a conflict.
            e.HasIndex(x => new { x.ReliefId, x.Number }).IsUnique();
            e.HasOne<Relief>().WithMany().HasForeignKey(x => x.ReliefId).HasConstraintName("FK_Benefits_ReliefVersions_Reliefs").OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<BenefitGroup>(e =>
        {
            e.ToTable("Benefits_Groups");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.Code).IsUnique();
        });
        b.Entity<StatusRecord>(e =>
        {
            e.ToTable("Benefits_StatusRecords");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.PersonHash, x.GroupId });
            e.HasIndex(x => x.ValidTo);
            e.HasOne<BenefitGroup>().WithMany().HasForeignKey(x => x.GroupId).HasConstraintName("FK_Benefits_StatusRecords_Groups").OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ResidentCard>(e =>
        {
            e.ToTable("Benefits_Cards");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.Number).IsUnique();
            e.HasIndex(x => x.PersonHash);
        });
        b.Entity<BenefitsSettings>(e =>
        {
            e.ToTable("Benefits_Settings");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
        });
        b.Entity<Provider>(e =>
        {
            e.ToTable("Benefits_Providers");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.Name).IsUnique();
            e.HasIndex(x => x.ClientId).IsUnique();
            e.Ignore(x => x.Reliefs);
        });
        b.Entity<CheckTally>(e =>
        {
            e.ToTable("Benefits_CheckTallies");
            e.HasKey(x => new { x.ProviderId, x.ReliefId, x.Month });
        });
        b.Entity<AvisMessage>(e =>
        {
            e.ToTable("Benefits_AvisMessages");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.IdempotencyKey).IsUnique();
            e.HasIndex(x => new { x.Kind, x.Code });
        });
        b.Entity<Reconciliation>(e =>
        {
            e.ToTable("Benefits_Reconciliations");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.RunUtc);
        });
    }
}
