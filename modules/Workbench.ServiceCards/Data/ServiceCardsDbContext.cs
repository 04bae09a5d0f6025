using Microsoft.EntityFrameworkCore;
using Workbench.ServiceCards.Domain;

namespace Workbench.ServiceCards.Data;

public sealed class ServiceCardsDbContext(DbContextOptions<ServiceCardsDbContext> options) : DbContext(options)
{
    public DbSet<ServiceCard> Cards => Set<ServiceCard>();
    public DbSet<ServiceCardVersion> Versions => Set<ServiceCardVersion>();
    public DbSet<ServiceCase> Cases => Set<ServiceCase>();
    public DbSet<ServiceCaseEvent> CaseEvents => Set<ServiceCaseEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ServiceCard>(e =>
        {
            e.ToTable("ServiceCards_Cards");
            e.HasKey(c => c.Id);
            e.HasIndex(c => c.Identifier).IsUnique();
            e.Property(c => c.State).HasConversion<string>();
            e.Ignore(c => c.IsPublished);
        });
        modelBuilder.Entity<ServiceCase>(e =>
        {
            e.ToTable("ServiceCards_Cases");
            e.HasKey(c => c.Id);
            e.HasIndex(c => new { c.CardId, c.CreatedUtc });
            e.HasOne<ServiceCard>().WithMany().HasForeignKey(c => c.CardId).OnDelete(DeleteBehavior.Restrict);
            e.Property(c => c.Channel).HasConversion<string>();
            e.Property(c => c.Status).HasConversion<string>();
        });
        modelBuilder.Entity<ServiceCaseEvent>(e =>
        {
            e.ToTable("ServiceCards_CaseEvents");
            e.HasKey(v => v.Id);
            e.HasIndex(v => new { v.CaseId, v.Sequence }).IsUnique();
            e.HasOne<ServiceCase>().WithMany().HasForeignKey(v => v.CaseId).OnDelete(DeleteBehavior.Cascade);
            e.Property(v => v.Status).HasConversion<string>();
        });
        modelBuilder.Entity<ServiceCardVersion>(e =>
        {
            e.ToTable("ServiceCards_Versions");
            e.HasKey(v => v.Id);
            e.HasIndex(v => new { v.CardId, v.Version }).IsUnique();
            e.Property(v => v.State).HasConversion<string>();
        });
    }
}
