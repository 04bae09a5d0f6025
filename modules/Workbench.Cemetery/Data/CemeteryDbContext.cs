using Microsoft.EntityFrameworkCore;
using Workbench.Cemetery.Domain;

namespace Workbench.Cemetery.Data;

public sealed class CemeteryDbContext(DbContextOptions<CemeteryDbContext> options) : DbContext(options)
{
    public DbSet<Domain.Cemetery> Cemeteries => Set<Domain.Cemetery>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Row> Rows => Set<Row>();
    public DbSet<GraveSite> Sites => Set<GraveSite>();
    public DbSet<SitePhoto> SitePhotos => Set<SitePhoto>();
    public DbSet<Burial> Burials => Set<Burial>();
    public DbSet<UseRight> UseRights => Set<UseRight>();
    public DbSet<UseRightFee> Fees => Set<UseRightFee>();
    public DbSet<NeglectStep> NeglectSteps => Set<NeglectStep>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Domain.Cemetery>(e =>
        {
            e.ToTable("Cemetery_Cemeteries");
            e.HasKey(x => x.Id);
            e.Property(x => x.Status).HasConversion<string>();
            e.HasIndex(x => x.Name).IsUnique();
        });
        b.Entity<Section>(e =>
        {
            e.ToTable("Cemetery_Sections");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.CemeteryId, x.Name }).IsUnique();
            e.HasOne<Domain.Cemetery>().WithMany().HasForeignKey(x => x.CemeteryId).HasConstraintName("FK_Cemetery_Sections_Cemeteries").OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Row>(e =>
        {
            e.ToTable("Cemetery_Rows");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.SectionId, x.Name }).IsUnique();
            e.HasOne<Section>().WithMany().HasForeignKey(x => x.SectionId).HasConstraintName("FK_Cemetery_Rows_Sections").OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<GraveSite>(e =>
        {
            e.ToTable("Cemetery_Sites");
            e.HasKey(x => x.Id);
            e.Property(x => x.Type).HasConversion<string>();
            e.Property(x => x.State).HasConversion<string>();
            // The number is unique per cemetery: enforced by the database, not only by the code.
            e.HasIndex(x => new { x.CemeteryId, x.Number }).IsUnique();
            e.HasIndex(x => x.SectionId);
            e.HasIndex(x => x.RowId);
            e.Ignore(x => x.HoldsUrnsOnly);
            e.HasOne<Domain.Cemetery>().WithMany().HasForeignKey(x => x.CemeteryId).HasConstraintName("FK_Cemetery_Sites_Cemeteries").OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Section>().WithMany().HasForeignKey(x => x.SectionId).HasConstraintName("FK_Cemetery_Sites_Sections").OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Row>().WithMany().HasForeignKey(x => x.RowId).HasConstraintName("FK_Cemetery_Sites_Rows").OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<SitePhoto>(e =>
        {
            e.ToTable("Cemetery_SitePhotos");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.SiteId);
            e.HasOne<GraveSite>().WithMany().HasForeignKey(x => x.SiteId).HasConstraintName("FK_Cemetery_SitePhotos_Sites").OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Burial>(e =>
        {
            e.ToTable("Cemetery_Burials");
            e.HasKey(x => x.Id);
            e.Property(x => x.Type).HasConversion<string>();
            e.HasIndex(x => x.SiteId);
            e.HasIndex(x => x.FamilyKey);
            // Two bookings of one cemetery cannot take the same slot of a day (burials recorded without a slot are not bookings).
            e.HasIndex(x => new { x.CemeteryId, x.BurialDate, x.SlotStart }).IsUnique();
            e.Ignore(x => x.DisplayName);
            e.HasOne<Domain.Cemetery>().WithMany().HasForeignKey(x => x.CemeteryId).HasConstraintName("FK_Cemetery_Burials_Cemeteries").OnDelete(DeleteBehavior.Restrict);
            e.HasOne<GraveSite>().WithMany().HasForeignKey(x => x.SiteId).HasConstraintName("FK_Cemetery_Burials_Sites").OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<UseRight>(e =>
        {
            e.ToTable("Cemetery_UseRights");
            e.HasKey(x => x.Id);
            e.Property(x => x.HolderKind).HasConversion<string>();
            e.Property(x => x.State).HasConversion<string>();
            e.HasIndex(x => x.SiteId);
            e.HasIndex(x => x.End);
            e.HasOne<GraveSite>().WithMany().HasForeignKey(x => x.SiteId).HasConstraintName("FK_Cemetery_UseRights_Sites").OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<NeglectStep>(e =>
        {
            e.ToTable("Cemetery_NeglectSteps");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasConversion<string>();
            e.HasIndex(x => x.SiteId);
            e.HasOne<GraveSite>().WithMany().HasForeignKey(x => x.SiteId).HasConstraintName("FK_Cemetery_NeglectSteps_Sites").OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<UseRightFee>(e =>
        {
            e.ToTable("Cemetery_Fees");
            e.HasKey(x => x.Id);
            e.Property(x => x.Amount).HasPrecision(12, 2);
            e.HasIndex(x => x.UseRightId);
            e.HasOne<UseRight>().WithMany().HasForeignKey(x => x.UseRightId).HasConstraintName("FK_Cemetery_Fees_UseRights").OnDelete(DeleteBehavior.Cascade);
        });
    }
}
